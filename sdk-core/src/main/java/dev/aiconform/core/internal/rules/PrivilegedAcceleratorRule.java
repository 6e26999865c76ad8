package dev.aiconform.core.internal.rules;

import dev.aiconform.core.Accelerators;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A privileged container sees every device of the node, so in a pod that asks for accelerators it
 * bypasses the device plugin or DRA driver that should hand out only the allocated ones.
 */
public final class PrivilegedAcceleratorRule extends CoreRule {
  public PrivilegedAcceleratorRule() {
    super(
        AcceleratorRules.info("core.accelerator.privileged")
            .title("Accelerator pods run unprivileged")
            .description(
                "secure_accelerator_access requires device access to be mediated by the device"
                    + " plugin or DRA driver. A privileged container in a pod that requests an"
                    + " accelerator (an extended resource such as nvidia.com/gpu, or a DRA claim)"
                    + " can open every device on the node, including GPUs allocated to other pods.")
            .failingExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: train\nspec:\n  containers:\n"
                    + "  - name: trainer\n    image: nvcr.io/nvidia/pytorch:25.01-py3\n"
                    + "    securityContext:\n      privileged: true\n    resources:\n"
                    + "      limits:\n        nvidia.com/gpu: 1\n")
            .fixedExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: train\nspec:\n  containers:\n"
                    + "  - name: trainer\n    image: nvcr.io/nvidia/pytorch:25.01-py3\n"
                    + "    resources:\n      limits:\n        nvidia.com/gpu: 1\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object)
        .filter(pod -> Accelerators.requestsAccelerator(pod.spec()))
        .ifPresent(pod -> PodSpecChecks.eachContainer(pod, (c, path) -> check(c, path, ctx)));
  }

  private static void check(Container c, FieldPath path, RuleContext ctx) {
    if (c.getSecurityContext() != null
        && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged())) {
      ctx.report(
          path.child("securityContext", "privileged"),
          null,
          "container "
              + Text.quote(String.valueOf(c.getName()))
              + " is privileged in a pod that requests an accelerator: it can reach every device"
              + " on the node, not only the ones allocated to it",
          "remove privileged: true; add only the capabilities the workload needs");
    }
  }
}
