package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.LabelSyntax;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Annotation keys are qualified names (case does not matter) and all keys and values together take
 * at most 256 KiB (apimachinery api/validation ValidateAnnotations), on the object and on the pod
 * template it holds.
 */
public final class AnnotationsRule extends MetadataMapRule {
  // staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go: TotalAnnotationSizeLimitB
  static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

  public AnnotationsRule() {
    super(
        RuleInfo.builder()
            .id("core.metadata.annotations")
            .category(Category.API)
            .severity(Severity.ERROR)
            .title("Annotation keys are qualified names; annotations total at most 256 KiB")
            .description(
                "Annotation keys follow the label-key syntax, ignoring case; the keys and values of"
                    + " an object's annotations together must not exceed 262144 bytes (reported as"
                    + " FieldValueTooLong at metadata.annotations). Checked on metadata.annotations"
                    + " and on pod templates. Source: apimachinery api/validation/objectmeta.go"
                    + " ValidateAnnotations, TotalAnnotationSizeLimitB.")
            .failingExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  annotations:\n"
                    + "    owner email: ml@example.com\n")
            .fixedExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  annotations:\n"
                    + "    example.com/owner-email: ml@example.com\n")
            .build(),
        "annotations",
        ObjectMeta::getAnnotations);
  }

  @Override
  void check(Map<String, String> annotations, FieldPath path, RuleContext ctx) {
    long total = 0;
    for (Map.Entry<String, String> annotation : new TreeMap<>(annotations).entrySet()) {
      String key = annotation.getKey();
      for (String problem : LabelSyntax.keyProblems(key.toLowerCase(Locale.ROOT))) {
        ctx.report(
            path,
            Reason.INVALID,
            "annotation key " + Text.quote(key) + ": " + problem,
            "use a key such as 'example.com/owner'");
      }
      total += Text.byteLength(key);
      total += annotation.getValue() == null ? 0 : Text.byteLength(annotation.getValue());
    }
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
      ctx.report(
          path,
          Reason.TOO_LONG,
          "annotations must take no more than "
              + TOTAL_ANNOTATION_SIZE_LIMIT_BYTES
              + " bytes (256 KiB) in total, found "
              + total,
          "move large content into a ConfigMap and reference it");
    }
  }
}
