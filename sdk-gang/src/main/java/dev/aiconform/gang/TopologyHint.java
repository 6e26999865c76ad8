package dev.aiconform.gang;

import dev.aiconform.core.AiconformStyle;
import org.immutables.value.Value;

/**
 * Where the members of a gang should land relative to each other: within one value of a node label
 * (one rack, one NVLink block), preferably so, or anywhere. Each backend gets its own form: the
 * native {@code schedulingConstraints.topology}, Kueue's {@code podset-*-topology} annotations, or
 * pod affinity for Volcano and coscheduling.
 *
 * <pre>{@code
 * TopologyHint rack = TopologyHint.required("topology.kubernetes.io/rack");
 * GangGroup.named("train").topology(rack)...
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class TopologyHint {
  /** How strictly the group keeps to one topology domain. */
  public enum Mode {
    /** All members in one domain, or none start. */
    REQUIRED,
    /** One domain when possible; spread otherwise. */
    PREFERRED,
    /** No constraint (Kueue TAS still assigns a topology). */
    UNCONSTRAINED
  }

  /** The node label that names a domain, such as {@code topology.kubernetes.io/rack}. */
  @Value.Parameter
  public abstract String key();

  @Value.Parameter
  public abstract Mode mode();

  public static TopologyHint required(String nodeLabel) {
    return ImmutableTopologyHint.of(nodeLabel, Mode.REQUIRED);
  }

  public static TopologyHint preferred(String nodeLabel) {
    return ImmutableTopologyHint.of(nodeLabel, Mode.PREFERRED);
  }

  /** No constraint; the key is the topology level Kueue's TAS should account against. */
  public static TopologyHint unconstrained(String nodeLabel) {
    return ImmutableTopologyHint.of(nodeLabel, Mode.UNCONSTRAINED);
  }
}
