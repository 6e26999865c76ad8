package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Optional;

/**
 * hostPath volumes of device nodes ({@code /dev}, {@code /dev/nvidia*}, …) or of the kubelet's
 * device-plugin directory hand devices to a pod outside the resource framework.
 */
public final class HostDeviceMountRule extends CoreRule {
  /** Host paths that give direct device access, with what they expose. */
  static final List<String> DEVICE_PATH_PREFIXES =
      List.of(
          "/dev/nvidia", // NVIDIA GPUs, nvidiactl, nvidia-uvm, nvidia-caps
          "/dev/dri", // Intel and AMD GPUs (render nodes)
          "/dev/kfd", // AMD ROCm compute
          "/dev/accel", // Intel Gaudi, Google TPU (accel class devices)
          "/dev/neuron", // AWS Inferentia and Trainium
          "/dev/vfio", // passthrough devices
          "/dev/hl"); // Habana Gaudi

  // The kubelet's device-plugin registration directory: owning it means serving devices.
  static final String DEVICE_PLUGINS_DIR = "/var/lib/kubelet/device-plugins";

  public HostDeviceMountRule() {
    super(
        AcceleratorRules.info("core.accelerator.host-device")
            .title("No hostPath mounts of device nodes")
            .description(
                "secure_accelerator_access requires device access to go through the device plugin"
                    + " or DRA driver. A hostPath volume of /dev, of an accelerator device node"
                    + " (/dev/nvidia*, /dev/dri, /dev/kfd, /dev/accel*, /dev/neuron*, /dev/vfio,"
                    + " /dev/hl*) or of /var/lib/kubelet/device-plugins gives a pod devices nobody"
                    + " allocated to it. Expected only in the device plugin or driver itself.")
            .failingExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n"
                    + "  - name: probe\n    image: ubuntu:24.04\n    volumeMounts:\n"
                    + "    - {name: gpu0, mountPath: /dev/nvidia0}\n  volumes:\n"
                    + "  - name: gpu0\n    hostPath: {path: /dev/nvidia0}\n")
            .fixedExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n"
                    + "  - name: probe\n    image: ubuntu:24.04\n    resources:\n"
                    + "      limits: {nvidia.com/gpu: 1}\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    EmbeddedPodSpec.of(object).ifPresent(pod -> check(pod, ctx));
  }

  private static void check(EmbeddedPodSpec pod, RuleContext ctx) {
    List<Volume> volumes = pod.spec().getVolumes();
    if (volumes == null) {
      return;
    }
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v.getHostPath() == null || v.getHostPath().getPath() == null) {
        continue;
      }
      String path = v.getHostPath().getPath();
      FieldPath at = pod.specPath().child("volumes").index(i).child("hostPath", "path");
      deviceAccess(path)
          .ifPresent(
              what ->
                  ctx.report(
                      at,
                      null,
                      "volume "
                          + Text.quote(String.valueOf(v.getName()))
                          + " mounts host path "
                          + Text.quote(path)
                          + ", "
                          + what
                          + ", outside the device plugin or DRA driver",
                      "request the device through resources.limits or a ResourceClaim instead;"
                          + " only the device plugin or driver itself should mount this"));
    }
  }

  /** What a host path exposes, when it is one of the device paths. */
  static Optional<String> deviceAccess(String hostPath) {
    String p = normalize(hostPath);
    if (p.equals("/dev")) {
      return Optional.of("every device node of the host");
    }
    if (p.equals(DEVICE_PLUGINS_DIR) || p.startsWith(DEVICE_PLUGINS_DIR + "/")) {
      return Optional.of("the kubelet's device-plugin sockets");
    }
    for (String prefix : DEVICE_PATH_PREFIXES) {
      if (p.startsWith(prefix)) {
        return Optional.of("an accelerator device node");
      }
    }
    return Optional.empty();
  }

  private static String normalize(String path) {
    String p = path.trim().replaceAll("/{2,}", "/");
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
