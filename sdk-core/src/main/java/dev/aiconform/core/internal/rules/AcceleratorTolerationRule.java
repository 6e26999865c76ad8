package dev.aiconform.core.internal.rules;

import dev.aiconform.core.Accelerators;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.RuleContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/**
 * Accelerator nodes are tainted (for example {@code nvidia.com/gpu:NoSchedule}) so that only pods
 * that use the accelerators land there; a pod that tolerates the taint but requests none lands next
 * to them without being given a device, and takes the node's CPU and memory from GPU work.
 */
public final class AcceleratorTolerationRule extends CoreRule {
  public AcceleratorTolerationRule() {
    super(
        AcceleratorRules.info("core.accelerator.taint-toleration")
            .title("Only accelerator pods tolerate accelerator taints")
            .description(
                "A pod that tolerates an accelerator taint (a toleration whose key is an"
                    + " accelerator resource such as nvidia.com/gpu, amd.com/gpu or google.com/tpu)"
                    + " without requesting an accelerator lands on accelerator nodes without being"
                    + " given a device, next to workloads that were. secure_accelerator_access asks"
                    + " that access to accelerator nodes' devices is mediated by the resource"
                    + " framework; keep other pods off those nodes. Tolerations without a key"
                    + " (tolerate everything, as node agents do) are not reported.")
            .failingExample(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                    + "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n"
                    + "      labels: {app: web}\n    spec:\n      tolerations:\n"
                    + "      - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}\n"
                    + "      containers:\n      - {name: web, image: nginx:1.27}\n")
            .fixedExample(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                    + "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n"
                    + "      labels: {app: web}\n    spec:\n"
                    + "      containers:\n      - {name: web, image: nginx:1.27}\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object)
        .filter(pod -> !Accelerators.requestsAccelerator(pod.spec()))
        .ifPresent(
            pod -> {
              List<Toleration> tolerations = pod.spec().getTolerations();
              if (tolerations == null) {
                return;
              }
              for (int i = 0; i < tolerations.size(); i++) {
                String key = tolerations.get(i).getKey();
                if (Accelerators.isAcceleratorResource(key)) {
                  ctx.report(
                      pod.specPath().child("tolerations").index(i),
                      null,
                      "the pod tolerates the accelerator taint "
                          + Text.quote(key)
                          + " but requests no accelerator",
                      "remove the toleration, or request the accelerator through"
                          + " resources.limits or a ResourceClaim");
                }
              }
            });
  }
}
