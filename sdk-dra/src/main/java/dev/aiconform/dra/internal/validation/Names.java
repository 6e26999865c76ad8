package dev.aiconform.dra.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Kubernetes name formats (apimachinery util/validation), as messages; empty list = valid. */
final class Names {
  // apimachinery/pkg/util/validation: DNS1123LabelMaxLength, DNS1123SubdomainMaxLength
  static final int DNS1123_LABEL_MAX_LENGTH = 63;
  static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  // apimachinery/pkg/util/validation: LabelValueMaxLength, qualifiedNameMaxLength
  static final int LABEL_VALUE_MAX_LENGTH = 63;
  static final int QUALIFIED_NAME_MAX_LENGTH = 63;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  static List<String> dnsLabel(String v) {
    List<String> out = new ArrayList<>();
    if (v.length() > DNS1123_LABEL_MAX_LENGTH) {
      out.add("must be no more than " + DNS1123_LABEL_MAX_LENGTH + " characters");
    }
    if (!LABEL.matcher(v).matches()) {
      out.add(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
              + " and must start and end with an alphanumeric character (e.g. 'my-name', or"
              + " '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    }
    return out;
  }

  static List<String> dnsSubdomain(String v) {
    List<String> out = new ArrayList<>();
    if (v.length() > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      out.add("must be no more than " + DNS1123_SUBDOMAIN_MAX_LENGTH + " characters");
    }
    if (!SUBDOMAIN.matcher(v).matches()) {
      out.add(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
              + " '-' or '.', and must start and end with an alphanumeric character (e.g."
              + " 'example.com', regex used for validation is"
              + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }
    return out;
  }

  /** A label key / qualified name: optional DNS-subdomain prefix and a 63-character name. */
  static List<String> qualifiedName(String v) {
    List<String> out = new ArrayList<>();
    String[] parts = v.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      if (parts[0].isEmpty()) {
        out.add("prefix part must be non-empty");
      } else {
        for (String m : dnsSubdomain(parts[0])) out.add("prefix part " + m);
      }
      name = parts[1];
    } else {
      out.add(
          "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must"
              + " start and end with an alphanumeric character, with an optional DNS subdomain"
              + " prefix and '/' (e.g. 'example.com/MyName')");
      return out;
    }
    if (name.isEmpty()) {
      out.add("name part must be non-empty");
    } else if (name.length() > QUALIFIED_NAME_MAX_LENGTH) {
      out.add("name part must be no more than " + QUALIFIED_NAME_MAX_LENGTH + " characters");
    }
    // the format check runs on an empty name too (IsQualifiedName reports both)
    if (!QUALIFIED.matcher(name).matches()) {
      out.add(
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
              + " and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or"
              + " '123-abc', regex used for validation is"
              + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }
    return out;
  }

  static List<String> labelValue(String v) {
    List<String> out = new ArrayList<>();
    if (v.length() > LABEL_VALUE_MAX_LENGTH) {
      out.add("must be no more than " + LABEL_VALUE_MAX_LENGTH + " characters");
    }
    if (!v.isEmpty() && !QUALIFIED.matcher(v).matches()) {
      out.add(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
              + " or '.', and must start and end with an alphanumeric character");
    }
    return out;
  }

  static boolean isCIdentifier(String v) {
    return C_IDENTIFIER.matcher(v).matches();
  }
}
