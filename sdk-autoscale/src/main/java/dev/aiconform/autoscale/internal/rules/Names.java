package dev.aiconform.autoscale.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Kubernetes name checks the HPA's validation uses, with the API server's messages' meaning. */
final class Names {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  // k8s.io/apimachinery/pkg/util/validation: DNS1123LabelMaxLength
  static final int DNS1123_LABEL_MAX = 63;

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

  static boolean isDns1123Label(String s) {
    return s.length() <= DNS1123_LABEL_MAX && DNS1123_LABEL.matcher(s).matches();
  }

  /** A container resource name: a standard one (cpu, memory, ...) or a domain-prefixed name. */
  static boolean isContainerResourceName(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return s.equals("cpu")
          || s.equals("memory")
          || s.equals("ephemeral-storage")
          || s.startsWith("hugepages-");
    }
    String prefix = s.substring(0, slash);
    String name = s.substring(slash + 1);
    return prefix.length() <= 253
        && DNS1123_SUBDOMAIN.matcher(prefix).matches()
        && name.length() <= 63
        && QUALIFIED_NAME.matcher(name).matches();
  }
}
