package dev.aiconform.autoscale.internal.rules;

import dev.aiconform.core.validation.LabelSyntax;
import dev.aiconform.core.validation.ResourceNames;
import java.util.ArrayList;
import java.util.List;

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
    } else if (!domain && !ResourceNames.isStandard(name)) {
      out.add("must be a standard resource type or fully qualified");
    }
    if (!domain) {
      if (!ResourceNames.isStandardContainerResource(name)) {
        out.add("must be a standard resource for containers");
      }
    } else if (!ResourceNames.isNative(name) && !ResourceNames.isExtended(name)) {
      out.add("doesn't follow extended resource name standard");
    }
    return out;
  }
}
