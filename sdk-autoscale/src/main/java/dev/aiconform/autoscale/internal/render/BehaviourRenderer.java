package dev.aiconform.autoscale.internal.render;

import dev.aiconform.autoscale.Quantities;
import dev.aiconform.autoscale.ScalingBehaviour;
import dev.aiconform.autoscale.ScalingPolicy;
import dev.aiconform.autoscale.ScalingRules;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.ArrayList;
import java.util.List;

/** An intent's behaviour as the fabric8 {@code autoscaling/v2} model. */
public final class BehaviourRenderer {
  private BehaviourRenderer() {}

  public static HorizontalPodAutoscalerBehavior render(ScalingBehaviour b) {
    HorizontalPodAutoscalerBehavior out = new HorizontalPodAutoscalerBehavior();
    b.scaleUp().ifPresent(r -> out.setScaleUp(rules(r)));
    b.scaleDown().ifPresent(r -> out.setScaleDown(rules(r)));
    return out;
  }

  private static HPAScalingRules rules(ScalingRules r) {
    HPAScalingRules out = new HPAScalingRules();
    r.stabilizationWindow().ifPresent(w -> out.setStabilizationWindowSeconds(seconds(w)));
    r.selectPolicy().ifPresent(p -> out.setSelectPolicy(p.wireName()));
    List<HPAScalingPolicy> policies = new ArrayList<>();
    for (ScalingPolicy p : r.policies()) {
      policies.add(new HPAScalingPolicy(seconds(p.period()), p.type().wireName(), p.value()));
    }
    out.setPolicies(policies);
    r.tolerance().ifPresent(t -> out.setTolerance(new Quantity(Quantities.format(t))));
    return out;
  }

  private static int seconds(java.time.Duration d) {
    return Math.toIntExact(d.toSeconds());
  }
}
