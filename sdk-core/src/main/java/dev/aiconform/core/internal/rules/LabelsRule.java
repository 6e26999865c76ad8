package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.LabelSyntax;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.TreeMap;

/**
 * Label keys are qualified names and values are label values (apimachinery
 * meta/v1/validation.ValidateLabels), on the object and on the pod template it holds. The server
 * reports every label problem at the map itself ({@code metadata.labels}, {@code
 * spec.template.labels}), not at the key.
 */
public final class LabelsRule extends MetadataMapRule {
  public LabelsRule() {
    super(
        RuleInfo.builder()
            .id("core.metadata.labels")
            .category(Category.API)
            .severity(Severity.ERROR)
            .title("Label keys and values have the label syntax")
            .description(
                "A label key is an optional DNS-subdomain prefix and '/', then a name of at most 63"
                    + " letters, digits, '-', '_' and '.', starting and ending with a letter or"
                    + " digit. A value is empty or at most 63 such characters. Checked on"
                    + " metadata.labels and on the labels of pod templates (reported at"
                    + " spec.template.labels, as the API server does). Source: apimachinery"
                    + " apis/meta/v1/validation ValidateLabels.")
            .failingExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n"
                    + "    team: ML Platform\n")
            .fixedExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n"
                    + "    team: ml-platform\n")
            .build(),
        "labels",
        ObjectMeta::getLabels);
  }

  @Override
  void check(Map<String, String> labels, FieldPath path, RuleContext ctx) {
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      String key = label.getKey();
      for (String problem : LabelSyntax.keyProblems(key)) {
        ctx.report(
            path,
            Reason.INVALID,
            "label key " + Text.quote(key) + ": " + problem,
            "use a key such as 'app.kubernetes.io/name' or 'team'");
      }
      String value = label.getValue() == null ? "" : label.getValue();
      for (String problem : LabelSyntax.valueProblems(value)) {
        ctx.report(
            path,
            Reason.INVALID,
            "value " + Text.quote(value) + " of label " + Text.quote(key) + " " + problem,
            "labels are for selecting; keep the value short and put free text in an annotation");
      }
    }
  }
}
