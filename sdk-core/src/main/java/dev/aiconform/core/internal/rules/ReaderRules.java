package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.RuleSet;
import dev.aiconform.core.validation.Severity;
import java.util.List;

/**
 * What the manifest reader reports ({@code yaml.*}): input that could not become an object, and
 * fields the API does not define.
 */
public final class ReaderRules implements RuleSet {
  @Override
  public List<Rule> rules() {
    return List.of(new UnknownFieldRule());
  }

  @Override
  public List<RuleInfo> otherFindings() {
    return List.of(
        finding(
            "yaml.parse",
            "Input that is not valid YAML or JSON",
            "A syntax error (indentation, an unclosed quote or bracket, a tab), text that is not"
                + " UTF-8, or an alias to an anchor that does not exist. Documents before the error"
                + " are still read.",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [c\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n"),
        finding(
            "yaml.not-a-mapping",
            "A document that is not an object",
            "Each YAML document must be one Kubernetes object (a mapping); a list or a scalar at"
                + " the top of a document is not.",
            "- apiVersion: v1\n  kind: Namespace\n",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ml\n"),
        finding(
            "yaml.missing-kind",
            "An object without apiVersion or kind",
            "Every object names its apiVersion and kind; without them neither kubectl nor the"
                + " API server can tell what it is.",
            "kind: Namespace\nmetadata:\n  name: ml\n",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ml\n"),
        finding(
            "yaml.field-type",
            "A field of the wrong type",
            "A value whose type is not the one the API defines for its field, such as a string"
                + " for an integer port or a number for a label value. Read as kubectl reads"
                + " YAML (yes/no/on/off are booleans, 0644 is octal). The object is kept as a"
                + " generic object so nothing is lost.",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    version: 1.0\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    version: \"1.0\"\n"),
        finding(
            "yaml.duplicate-key",
            "A key that appears twice in one mapping",
            "The API server's YAML decoding rejects duplicate keys rather than picking one.",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"),
        finding(
            "yaml.too-large",
            "A file or document over the reader's limits",
            "Files over 32 MiB are not read; a document over 3 MiB (the API server's request"
                + " limit) is rejected. Limits are configurable on ManifestReader.",
            null,
            null),
        finding(
            "yaml.too-deep",
            "Nesting deeper than the reader's limit",
            "Structures nested deeper than 100 levels are rejected, which keeps memory and stack"
                + " bounded; no Kubernetes object nests that deep.",
            null,
            null),
        finding(
            "yaml.alias-limit",
            "Too many aliases, or an alias expansion that is too large",
            "At most 100 aliases per document and 1,000,000 nodes after expansion, which stops"
                + " 'billion laughs' documents.",
            null,
            null),
        finding(
            "yaml.unreadable",
            "A path that cannot be read",
            "The file or directory does not exist or cannot be read.",
            null,
            null));
  }

  private static RuleInfo finding(
      String id, String title, String description, String failing, String fixed) {
    return RuleInfo.builder()
        .id(id)
        .category(Category.API)
        .severity(Severity.ERROR)
        .title(title)
        .description(description)
        .failingExample(java.util.Optional.ofNullable(failing))
        .fixedExample(java.util.Optional.ofNullable(fixed))
        .build();
  }
}
