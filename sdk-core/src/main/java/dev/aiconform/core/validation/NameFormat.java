package dev.aiconform.core.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The formats the Kubernetes API server holds object names and other identifiers to (from
 * apimachinery's {@code util/validation} and {@code api/validation/path}). Each check returns what
 * is wrong, one sentence per problem, or nothing.
 *
 * <pre>{@code
 * NameFormat.DNS1123_LABEL.problems("train.job"); // ["must not contain dots ..."]
 * NameFormat.DNS1123_SUBDOMAIN.problemsAsPrefix("train-"); // [] (a generateName prefix)
 * }</pre>
 */
public enum NameFormat {
  /** Lower-case RFC 1123 subdomain, at most 253 characters: most object names. */
  DNS1123_SUBDOMAIN,
  /**
   * Lower-case RFC 1123 label, at most 63 characters: Namespaces, StatefulSets, container names.
   */
  DNS1123_LABEL,
  /** RFC 1035 label (starts with a letter), at most 63 characters: Service names. */
  DNS1035_LABEL,
  /** Anything usable as a URL path segment: RBAC names; every name must also be one. */
  PATH_SEGMENT;

  // staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go: DNS1123LabelMaxLength
  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  // staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go: DNS1123SubdomainMaxLength
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  // staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go: DNS1035LabelMaxLength
  public static final int DNS1035_LABEL_MAX_LENGTH = 63;

  // Hand-written scanners for apimachinery's regexes (every object name goes through them):
  // label [a-z0-9]([-a-z0-9]*[a-z0-9])?, subdomain label(\\.label)*, 1035
  // [a-z]([-a-z0-9]*[a-z0-9])?

  /** What is wrong with {@code value} as a complete name; empty when it is valid. */
  public List<String> problems(String value) {
    List<String> problems = new ArrayList<>();
    switch (this) {
      case DNS1123_SUBDOMAIN:
        maxLength(value, DNS1123_SUBDOMAIN_MAX_LENGTH, problems);
        if (!isSubdomain(value)) {
          problems.add(
              "must be a lower-case RFC 1123 subdomain: lower-case letters, digits, '-' and '.',"
                  + " starting and ending with a letter or digit (for example 'example.com')");
        }
        break;
      case DNS1123_LABEL:
        maxLength(value, DNS1123_LABEL_MAX_LENGTH, problems);
        if (!isLabel(value, 0, value.length())) {
          if (isSubdomain(value)) {
            problems.add("must not contain dots: it must be a single RFC 1123 label");
          } else {
            problems.add(
                "must be a lower-case RFC 1123 label: lower-case letters, digits and '-',"
                    + " starting and ending with a letter or digit (for example 'my-name')");
          }
        }
        break;
      case DNS1035_LABEL:
        maxLength(value, DNS1035_LABEL_MAX_LENGTH, problems);
        if (!isDns1035Label(value)) {
          problems.add(
              "must be an RFC 1035 label: lower-case letters, digits and '-', starting with a"
                  + " letter and ending with a letter or digit (for example 'my-name')");
        }
        break;
      case PATH_SEGMENT:
        if (value.equals(".") || value.equals("..")) {
          problems.add("must not be '" + value + "'");
          break;
        }
        pathSegmentContent(value, problems);
        break;
      default:
        throw new AssertionError(this);
    }
    return problems;
  }

  /**
   * What is wrong with {@code prefix} as a {@code generateName}: the server appends five random
   * characters, so a trailing '-' is fine.
   */
  public List<String> problemsAsPrefix(String prefix) {
    if (this == PATH_SEGMENT) {
      List<String> problems = new ArrayList<>();
      pathSegmentContent(prefix, problems);
      return problems;
    }
    // apimachinery's maskTrailingDash: replace "x-" by "a" so the rest is checked as a name.
    String masked =
        prefix.length() > 1 && prefix.endsWith("-")
            ? prefix.substring(0, prefix.length() - 2) + "a"
            : prefix;
    return problems(masked);
  }

  /** Whether {@code value} is a valid complete name. */
  public boolean accepts(String value) {
    return problems(value).isEmpty();
  }

  /** {@code "DNS-1123 subdomain"}, for messages. */
  public String description() {
    switch (this) {
      case DNS1123_SUBDOMAIN:
        return "DNS-1123 subdomain";
      case DNS1123_LABEL:
        return "DNS-1123 label";
      case DNS1035_LABEL:
        return "DNS-1035 label";
      default:
        return "path segment";
    }
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} on {@code s[from, to)}. */
  private static boolean isLabel(String s, int from, int to) {
    if (to <= from || !lowerAlnum(s.charAt(from)) || !lowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!lowerAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isSubdomain(String s) {
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        if (!isLabel(s, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  private static boolean isDns1035Label(String s) {
    return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && isLabel(s, 0, s.length());
  }

  private static boolean lowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static void pathSegmentContent(String value, List<String> problems) {
    for (String forbidden : List.of("/", "%")) {
      if (value.contains(forbidden)) {
        problems.add("must not contain '" + forbidden + "'");
      }
    }
  }

  private static void maxLength(String value, int max, List<String> problems) {
    int length = byteLength(value);
    if (length > max) {
      problems.add("must be no more than " + max + " characters, found " + length);
    }
  }

  /** Go's {@code len}: the API server counts bytes of the UTF-8 encoding. */
  static int byteLength(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}
