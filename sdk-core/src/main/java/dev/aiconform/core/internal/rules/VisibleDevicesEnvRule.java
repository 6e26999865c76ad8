package dev.aiconform.core.internal.rules;

import dev.aiconform.core.Accelerators;
import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;
import java.util.Set;

/**
 * {@code NVIDIA_VISIBLE_DEVICES=all} and its kin make vendor container runtimes inject devices into
 * a container that asked the scheduler for none.
 */
public final class VisibleDevicesEnvRule extends CoreRule {
  static final String SUFFIX = "_VISIBLE_DEVICES";

  /** Values that select no device (NVIDIA container toolkit: "void" and "none"). */
  static final Set<String> NO_DEVICE_VALUES = Set.of("", "void", "none");

  public VisibleDevicesEnvRule() {
    super(
        AcceleratorRules.info("core.accelerator.visible-devices")
            .title("No *_VISIBLE_DEVICES on containers that request no accelerator")
            .description(
                "Vendor container runtimes read NVIDIA_VISIBLE_DEVICES (and ROCR_, HIP_, CUDA_,"
                    + " HABANA_…_VISIBLE_DEVICES) to decide which devices to inject. Set on a"
                    + " container that requests no accelerator (no extended resource and no DRA"
                    + " claim in resources.claims), it can expose GPUs the scheduler gave to other"
                    + " pods, which secure_accelerator_access forbids. Values void, none and"
                    + " empty select no device and are not reported.")
            .failingExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: sidecar\nspec:\n  containers:\n"
                    + "  - name: metrics\n    image: ubuntu:24.04\n    env:\n"
                    + "    - {name: NVIDIA_VISIBLE_DEVICES, value: all}\n")
            .fixedExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: sidecar\nspec:\n  containers:\n"
                    + "  - name: metrics\n    image: ubuntu:24.04\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object)
        .ifPresent(pod -> PodSpecChecks.eachContainer(pod, (c, path) -> check(c, path, ctx)));
  }

  private static void check(Container c, FieldPath path, RuleContext ctx) {
    if (c.getEnv() == null || Accelerators.requestsAccelerator(c)) {
      return;
    }
    for (int j = 0; j < c.getEnv().size(); j++) {
      EnvVar env = c.getEnv().get(j);
      if (env.getName() == null
          || !env.getName().toUpperCase(Locale.ROOT).endsWith(SUFFIX)
          || selectsNoDevice(env)) {
        continue;
      }
      ctx.report(
          path.child("env").index(j),
          null,
          "container "
              + Text.quote(String.valueOf(c.getName()))
              + " sets "
              + env.getName()
              + (env.getValue() == null ? "" : "=" + env.getValue())
              + " but requests no accelerator: the container runtime may inject devices the"
              + " scheduler did not allocate to it",
          "remove "
              + env.getName()
              + ", or request the accelerator through resources.limits or resources.claims");
    }
  }

  private static boolean selectsNoDevice(EnvVar env) {
    return env.getValueFrom() == null
        && NO_DEVICE_VALUES.contains(
            env.getValue() == null ? "" : env.getValue().trim().toLowerCase(Locale.ROOT));
  }
}
