package dev.aiconform.core.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL_PATTERN = Pattern.compile(LABEL);
  private static final Pattern DNS1123_SUBDOMAIN_PATTERN =
      Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final Pattern DNS1035_LABEL_PATTERN =
      Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  /** What is wrong with {@code value} as a complete name; empty when it is valid. */
  public List<String> problems(String value) {
    List<String> problems = new ArrayList<>();
    switch (this) {
      case DNS1123_SUBDOMAIN:
        maxLength(value, DNS1123_SUBDOMAIN_MAX_LENGTH, problems);
        if (!DNS1123_SUBDOMAIN_PATTERN.matcher(value).matches()) {
          problems.add(
              "must be a lower-case RFC 1123 subdomain: lower-case letters, digits, '-' and '.',"
                  + " starting and ending with a letter or digit (for example 'example.com')");
        }
        break;
      case DNS1123_LABEL:
        maxLength(value, DNS1123_LABEL_MAX_LENGTH, problems);
        if (!DNS1123_LABEL_PATTERN.matcher(value).matches()) {
          if (DNS1123_SUBDOMAIN_PATTERN.matcher(value).matches()) {
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
        if (!DNS1035_LABEL_PATTERN.matcher(value).matches()) {
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
