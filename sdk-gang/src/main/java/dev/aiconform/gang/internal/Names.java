package dev.aiconform.gang.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name formats of apimachinery's {@code util/validation}, with messages in the API server's
 * words: DNS labels ({@code k8s-short-name}), DNS subdomains ({@code k8s-long-name}), label keys
 * and path segment names. Each check returns the problems found; empty means valid.
 */
public final class Names {
  // k8s.io/apimachinery/pkg/util/validation/validation.go: DNS1123LabelMaxLength
  public static final int DNS_LABEL_MAX_LENGTH = 63;
  // k8s.io/apimachinery/pkg/util/validation/validation.go: DNS1123SubdomainMaxLength
  public static final int DNS_SUBDOMAIN_MAX_LENGTH = 253;
  // k8s.io/apimachinery/pkg/util/validation/validation.go: qualifiedNameMaxLength
  public static final int QUALIFIED_NAME_MAX_LENGTH = 63;

  private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern LABEL = Pattern.compile(LABEL_FMT);
  private static final Pattern SUBDOMAIN = Pattern.compile(LABEL_FMT + "(\\." + LABEL_FMT + ")*");
  private static final String QUALIFIED_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED = Pattern.compile(QUALIFIED_FMT);

  private Names() {}

  public static boolean isDnsLabel(String value) {
    return dnsLabel(value).isEmpty();
  }

  public static boolean isDnsSubdomain(String value) {
    return dnsSubdomain(value).isEmpty();
  }

  /** RFC 1123 label: what {@code +k8s:format=k8s-short-name} checks. */
  public static List<String> dnsLabel(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS_LABEL_MAX_LENGTH) {
      errs.add("must be no more than " + DNS_LABEL_MAX_LENGTH + " characters");
    }
    if (!LABEL.matcher(value).matches()) {
      errs.add(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
              + " and must start and end with an alphanumeric character (e.g. 'my-name', or"
              + " '123-abc', regex used for validation is '"
              + LABEL_FMT
              + "')");
    }
    return errs;
  }

  /** RFC 1123 subdomain: what {@code +k8s:format=k8s-long-name} checks. */
  public static List<String> dnsSubdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS_SUBDOMAIN_MAX_LENGTH) {
      errs.add("must be no more than " + DNS_SUBDOMAIN_MAX_LENGTH + " characters");
    }
    if (!SUBDOMAIN.matcher(value).matches()) {
      errs.add(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
              + " '-' or '.', and must start and end with an alphanumeric character (e.g."
              + " 'example.com', regex used for validation is '"
              + LABEL_FMT
              + "(\\."
              + LABEL_FMT
              + ")*')");
    }
    return errs;
  }

  /** A label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 chars. */
  public static List<String> labelKey(String value) {
    List<String> errs = new ArrayList<>();
    String name = value;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      String prefix = value.substring(0, slash);
      name = value.substring(slash + 1);
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        for (String e : dnsSubdomain(prefix)) {
          errs.add("prefix part " + e);
        }
      }
      if (name.contains("/")) {
        errs.add(
            "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must"
                + " start and end with an alphanumeric character");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else {
      if (name.length() > QUALIFIED_NAME_MAX_LENGTH) {
        errs.add("name part must be no more than " + QUALIFIED_NAME_MAX_LENGTH + " characters");
      }
      if (!QUALIFIED.matcher(name).matches()) {
        errs.add(
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
                + " and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
                + " '123-abc', regex used for validation is '"
                + QUALIFIED_FMT
                + "')");
      }
    }
    return errs;
  }

  /** A label value: empty, or at most 63 characters of the qualified-name alphabet. */
  public static List<String> labelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > QUALIFIED_NAME_MAX_LENGTH) {
      errs.add("must be no more than " + QUALIFIED_NAME_MAX_LENGTH + " characters");
    }
    if (!value.isEmpty() && !QUALIFIED.matcher(value).matches()) {
      errs.add(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
              + " or '.', and must start and end with an alphanumeric character");
    }
    return errs;
  }

  /** What {@code +k8s:format=k8s-path-segment-name} checks: not '.', '..', no '/' or '%'. */
  public static List<String> pathSegmentName(String value) {
    List<String> errs = new ArrayList<>();
    if (value.equals(".") || value.equals("..")) {
      errs.add("may not be '" + value + "'");
    }
    for (String illegal : new String[] {"/", "%"}) {
      if (value.contains(illegal)) {
        errs.add("may not contain '" + illegal + "'");
      }
    }
    return errs;
  }
}
