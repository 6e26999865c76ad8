package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.core.validation.LabelSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Kubernetes name checks the HPA's validation uses, with the API server's messages' meaning. */
final class Names {
  private Names() {}

  /**
   * Why {@code name} cannot be a path segment (apimachinery's IsValidPathSegmentName): it may not
   * be {@code .} or {@code ..} nor contain {@code /} or {@code %}. Empty when it can.
   */
  static List<String> pathSegmentProblems(String name) {
    List<String> out = new ArrayList<>();
    if (name.equals(".") || name.equals("..")) {
      out.add("may not be '" + name + "'");
      return out;
    }
    if (name.contains("/")) {
      out.add("may not contain '/'");
    }
    if (name.contains("%")) {
      out.add("may not contain '%'");
    }
    return out;
  }

  /**
   * Why {@code name} cannot be a containerResource metric's resource name, one message per error
   * the API server reports: core validation's validateResourceName (a qualified name; without a
   * domain, a standard resource) and then ValidateContainerResourceName (without a domain, a
   * container resource; with one, a native or extended resource). Empty when it can.
   */
  static List<String> containerResourceNameProblems(String name) {
    List<String> out = new ArrayList<>();
    List<String> qualified = LabelSyntax.keyProblems(name);
    boolean domain = name.contains("/");
    if (!qualified.isEmpty()) {
      out.addAll(qualified);
    } else if (!domain && !isStandardResource(name)) {
      out.add("must be a standard resource type or fully qualified");
    }
    if (!domain) {
      if (!isStandardContainerResource(name)) {
        out.add("must be a standard resource for containers");
      }
    } else if (!isNativeResource(name) && !isExtendedResource(name)) {
      out.add("doesn't follow extended resource name standard");
    }
    return out;
  }

  // pkg/apis/core/helper/helpers.go: standardResources (IsStandardResourceName)
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
          "configmaps",
          "persistentvolumeclaims",
          "storage",
          "requests.storage",
          "services.nodeports",
          "services.loadbalancers");

  private static boolean isStandardResource(String name) {
    return STANDARD_RESOURCES.contains(name)
        || name.startsWith("hugepages-")
        || name.startsWith("requests.hugepages-");
  }

  private static boolean isStandardContainerResource(String name) {
    return name.equals("cpu")
        || name.equals("memory")
        || name.equals("ephemeral-storage")
        || name.startsWith("hugepages-");
  }

  /** No domain, or a kubernetes.io one (pkg/apis/core/v1/helper: IsNativeResource). */
  private static boolean isNativeResource(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  /** A resource a device plugin or the scheduler's extended resources may name. */
  private static boolean isExtendedResource(String name) {
    return !isNativeResource(name)
        && !name.startsWith("requests.")
        && LabelSyntax.keyProblems("requests." + name).isEmpty();
  }
}
