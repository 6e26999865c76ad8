package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Scheduling plugins for tests that act at one extension point only: {@code
 * TestPlugins.filter("OddNodes", (cycle, pod, node) -> ...)}.
 */
final class TestPlugins {
  private TestPlugins() {}

  /** The Filter extension point: may the pod run on this node? */
  interface Filter {
    PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node);
  }

  /** The PreFilter extension point: may the pod be scheduled at all? */
  interface PreFilter {
    PluginStatus preFilter(SchedulingCycle cycle, Pod pod);
  }

  /** A plugin called {@code name} whose Filter is {@code filter}. */
  static SchedulingPlugin filter(String name, Filter filter) {
    return new SchedulingPlugin() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PluginStatus filter(SchedulingCycle cycle, Pod pod, NodeInfo node) {
        return filter.filter(cycle, pod, node);
      }
    };
  }

  /** A plugin called {@code name} whose PreFilter is {@code preFilter}. */
  static SchedulingPlugin preFilter(String name, PreFilter preFilter) {
    return new SchedulingPlugin() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PluginStatus preFilter(SchedulingCycle cycle, Pod pod) {
        return preFilter.preFilter(cycle, pod);
      }
    };
  }
}
