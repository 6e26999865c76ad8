package dev.aiconform.core.cluster;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bare pods for scheduling tests: {@code TestPods.named("p").requests("cpu", "2").build()}. */
final class TestPods {
  private final String name;
  private String namespace = "default";
  private final Map<String, Quantity> requests = new LinkedHashMap<>();
  private final Map<String, Quantity> limits = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> nodeSelector = new LinkedHashMap<>();
  private final List<Toleration> tolerations = new ArrayList<>();
  private String nodeName;
  private String priorityClassName;
  private String schedulerName;

  private TestPods(String name) {
    this.name = name;
  }

  static TestPods named(String name) {
    return new TestPods(name);
  }

  TestPods namespace(String ns) {
    this.namespace = ns;
    return this;
  }

  TestPods requests(String resource, String quantity) {
    requests.put(resource, new Quantity(quantity));
    return this;
  }

  /**
   * GPUs as the API server accepts them: an extended resource needs a limit equal to the request.
   */
  TestPods gpus(int n) {
    limits.put("nvidia.com/gpu", new Quantity(Integer.toString(n)));
    return requests("nvidia.com/gpu", Integer.toString(n));
  }

  TestPods label(String k, String v) {
    labels.put(k, v);
    return this;
  }

  TestPods nodeSelector(String k, String v) {
    nodeSelector.put(k, v);
    return this;
  }

  TestPods tolerate(Toleration t) {
    tolerations.add(t);
    return this;
  }

  TestPods nodeName(String node) {
    this.nodeName = node;
    return this;
  }

  TestPods priorityClass(String name) {
    this.priorityClassName = name;
    return this;
  }

  TestPods schedulerName(String name) {
    this.schedulerName = name;
    return this;
  }

  Pod build() {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels.isEmpty() ? null : labels)
        .endMetadata()
        .withNewSpec()
        .withContainers(
            new ContainerBuilder()
                .withName("main")
                .withImage("busybox:1.36")
                .withNewResources()
                .withRequests(requests.isEmpty() ? null : requests)
                .withLimits(limits.isEmpty() ? null : limits)
                .endResources()
                .build())
        .withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
        .withTolerations(tolerations.isEmpty() ? null : tolerations)
        .withNodeName(nodeName)
        .withPriorityClassName(priorityClassName)
        .withSchedulerName(schedulerName)
        .endSpec()
        .build();
  }
}
