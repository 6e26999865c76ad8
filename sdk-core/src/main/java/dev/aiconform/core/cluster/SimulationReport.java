package dev.aiconform.core.cluster;

import dev.aiconform.core.validation.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of an {@link InMemoryCluster} after it ran to quiescence: every pod (bound or pending,
 * with its node, devices and reason), every pod group, and the objects admission rejected.
 *
 * <pre>{@code
 * SimulationReport report = cluster.report();
 * report.pods().stream().filter(p -> p.phase() == Phase.PENDING).forEach(p -> log(p.reason()));
 * }</pre>
 */
public record SimulationReport(
    List<PodPlacement> pods, List<Group> groups, List<Diagnostic> rejected) {
  public SimulationReport {
    pods = List.copyOf(pods);
    groups = List.copyOf(groups);
    rejected = List.copyOf(rejected);
  }

  /** Bound: has a node; pending: has a reason. */
  public enum Phase {
    BOUND("Bound"),
    PENDING("Pending");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One pod: where it runs, with which devices, or why it does not. */
  public record PodPlacement(
      String namespace,
      String name,
      Optional<Owner> owner,
      Phase phase,
      Optional<String> node,
      List<Device> devices,
      Optional<String> reason) {
    public PodPlacement {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      devices = List.copyOf(devices);
    }
  }

  /** The controller that owns a pod. */
  public record Owner(String kind, String name) {}

  /** One allocated device: the claim request it serves and where it comes from. */
  public record Device(String request, String driver, String pool, String device) {}

  /** A gang: how many members it needs, how many are bound, and whether it was admitted. */
  public record Group(
      String namespace, String name, String backend, int minCount, int bound, boolean admitted) {}

  public long bound() {
    return pods.stream().filter(p -> p.phase() == Phase.BOUND).count();
  }

  public long pending() {
    return pods.stream().filter(p -> p.phase() == Phase.PENDING).count();
  }

  public Optional<PodPlacement> pod(String namespace, String name) {
    return pods.stream()
        .filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
        .findFirst();
  }

  public Optional<Group> group(String namespace, String name) {
    return groups.stream()
        .filter(g -> g.namespace().equals(namespace) && g.name().equals(name))
        .findFirst();
  }
}
