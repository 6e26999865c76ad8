package dev.aiconform.core.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of label keys and values and of every other "qualified name" Kubernetes uses
 * (annotation keys, finalizers, resource names, condition types), as apimachinery's {@code
 * IsQualifiedName} and {@code IsValidLabelValue} check it.
 *
 * <pre>{@code
 * LabelSyntax.keyProblems("app.kubernetes.io/name"); // []
 * LabelSyntax.valueProblems("-bad");                   // ["must be empty or ..."]
 * }</pre>
 */
public final class LabelSyntax {
  // staging/src/k8s.io/apimachinery/pkg/api/validate/content/kube.go: labelKeyMaxLength
  public static final int NAME_PART_MAX_LENGTH = 63;
  // staging/src/k8s.io/apimachinery/pkg/api/validate/content/kube.go: LabelValueMaxLength
  public static final int VALUE_MAX_LENGTH = 63;

  private LabelSyntax() {}

  /**
   * What is wrong with {@code key} as a qualified name: an optional DNS-1123 subdomain prefix and
   * '/', then a name part of at most 63 letters, digits, '-', '_' and '.', starting and ending with
   * a letter or digit.
   */
  public static List<String> keyProblems(String key) {
    List<String> problems = new ArrayList<>();
    String[] parts = key.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        problems.add("prefix part must not be empty");
      } else {
        for (String p : NameFormat.DNS1123_SUBDOMAIN.problems(prefix)) {
          problems.add("prefix part " + p);
        }
      }
    } else {
      problems.add(
          "must be a name of letters, digits, '-', '_' and '.' with an optional DNS subdomain"
              + " prefix and one '/' (for example 'example.com/my-name'), found "
              + (parts.length - 1)
              + " '/'");
      return problems;
    }
    if (name.isEmpty()) {
      problems.add("name part must not be empty");
    } else if (NameFormat.byteLength(name) > NAME_PART_MAX_LENGTH) {
      problems.add(
          "name part must be no more than "
              + NAME_PART_MAX_LENGTH
              + " characters, found "
              + NameFormat.byteLength(name));
    }
    if (!isNamePart(name)) {
      problems.add(
          "name part must consist of letters, digits, '-', '_' and '.', starting and ending with a"
              + " letter or digit (for example 'my.name' or 'MyName')");
    }
    return problems;
  }

  /**
   * {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}, scanned by hand: every label goes through it.
   */
  private static boolean isNamePart(String s) {
    int n = s.length();
    if (n == 0 || !alnum(s.charAt(0)) || !alnum(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** What is wrong with {@code value} as a label value; empty values are valid. */
  public static List<String> valueProblems(String value) {
    List<String> problems = new ArrayList<>();
    int length = NameFormat.byteLength(value);
    if (length > VALUE_MAX_LENGTH) {
      problems.add("must be no more than " + VALUE_MAX_LENGTH + " characters, found " + length);
    }
    if (!value.isEmpty() && !isNamePart(value)) {
      problems.add(
          "must be empty or consist of letters, digits, '-', '_' and '.', starting and ending with"
              + " a letter or digit (for example 'my_value' or '12345')");
    }
    return problems;
  }
}
