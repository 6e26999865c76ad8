package dev.aiconform.core.validation;

import java.util.Set;

/**
 * How Kubernetes classifies resource names ({@code pkg/apis/core/helper} and {@code
 * pkg/apis/core/v1/helper}): the standard ones a quota may name, those a container may request, the
 * native ones (no domain, or {@code kubernetes.io}) and extended resources such as {@code
 * nvidia.com/gpu}. Rules of every module ask here, so that one list decides.
 *
 * <pre>{@code
 * ResourceNames.isExtended("nvidia.com/gpu"); // true
 * ResourceNames.isStandardContainerResource("gpu"); // false: a bare name must be cpu, memory, ...
 * }</pre>
 */
public final class ResourceNames {
  // pkg/apis/core/helper/helpers.go: standardContainerResources
  private static final Set<String> STANDARD_CONTAINER_RESOURCES =
      Set.of("cpu", "memory", "ephemeral-storage");
  // pkg/apis/core/helper/helpers.go: standardResources
  private static final Set<String> STANDARD_RESOURCES =
      Set.of(
          "cpu",
          "memory",
          "ephemeral-storage",
          "requests.cpu",
          "requests.memory",
          "requests.ephemeral-storage",
          "limits.cpu",
          "limits.memory",
          "limits.ephemeral-storage",
          "pods",
          "resourcequotas",
          "services",
          "replicationcontrollers",
          "secrets",
          "persistentvolumeclaims",
          "configmaps",
          "storage",
          "services.nodeports",
          "services.loadbalancers",
          "requests.storage");
  // pkg/apis/core/types.go: ResourceHugePagesPrefix, DefaultResourceRequestsPrefix
  public static final String HUGEPAGES_PREFIX = "hugepages-";
  public static final String REQUESTS_PREFIX = "requests.";

  private ResourceNames() {}

  /** IsStandardResourceName: a name a quota may use, huge pages included. */
  public static boolean isStandard(String name) {
    return STANDARD_RESOURCES.contains(name)
        || name.startsWith(HUGEPAGES_PREFIX)
        || name.startsWith(REQUESTS_PREFIX + HUGEPAGES_PREFIX);
  }

  /** IsStandardContainerResourceName: cpu, memory, ephemeral-storage or hugepages-(size). */
  public static boolean isStandardContainerResource(String name) {
    return STANDARD_CONTAINER_RESOURCES.contains(name) || isHugePages(name);
  }

  /** IsHugePageResourceName. */
  public static boolean isHugePages(String name) {
    return name.startsWith(HUGEPAGES_PREFIX);
  }

  /** IsNativeResource: no domain, or the kubernetes.io domain. */
  public static boolean isNative(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  /**
   * IsExtendedResourceName: not native, not {@code requests.}-prefixed, and {@code requests.<name>}
   * is a qualified name (so that a quota can name it).
   */
  public static boolean isExtended(String name) {
    if (isNative(name) || name.startsWith(REQUESTS_PREFIX)) {
      return false;
    }
    return LabelSyntax.keyProblems(REQUESTS_PREFIX + name).isEmpty();
  }
}
