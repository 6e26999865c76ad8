package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.LabelSyntax;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Set;

/**
 * Finalizers are qualified names (apimachinery ValidateFinalizers, reported at {@code
 * metadata.finalizers}); on built-in kinds one without a domain must be a standard finalizer
 * (pkg/apis/core validateKubeFinalizerName, reported at {@code metadata.finalizers[i]}); and
 * "orphan" and "foregroundDeletion" exclude each other.
 */
public final class FinalizersRule extends CoreRule {
  // pkg/apis/core/helper/helpers.go: standardFinalizers
  static final Set<String> STANDARD_FINALIZERS =
      Set.of("kubernetes", "orphan", "foregroundDeletion");

  public FinalizersRule() {
    super(
        RuleInfo.builder()
            .id("core.metadata.finalizers")
            .category(Category.API)
            .severity(Severity.ERROR)
            .title("Finalizers are qualified names")
            .description(
                "Each finalizer is a qualified name such as 'example.com/cleanup'. On built-in"
                    + " kinds a finalizer without a domain must be one of kubernetes, orphan or"
                    + " foregroundDeletion; orphan and foregroundDeletion cannot both be set."
                    + " Source: apimachinery api/validation/objectmeta.go ValidateFinalizers;"
                    + " pkg/apis/core/validation validateKubeFinalizerName.")
            .failingExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  finalizers:\n"
                    + "  - cleanup\n")
            .fixedExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  finalizers:\n"
                    + "  - example.com/cleanup\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    if (object.getMetadata() == null || object.getMetadata().getFinalizers() == null) {
      return;
    }
    List<String> finalizers = object.getMetadata().getFinalizers();
    FieldPath path = FieldPath.of("metadata", "finalizers");
    boolean builtin = BuiltinKinds.isBuiltinGroup(GroupKind.of(object).group());
    for (int i = 0; i < finalizers.size(); i++) {
      String finalizer = finalizers.get(i) == null ? "" : finalizers.get(i);
      for (String problem : LabelSyntax.keyProblems(finalizer)) {
        ctx.report(
            path,
            Reason.INVALID,
            "finalizer " + Text.quote(finalizer) + ": " + problem,
            "use a domain-qualified finalizer such as 'example.com/cleanup'");
      }
      if (builtin && !finalizer.contains("/") && !STANDARD_FINALIZERS.contains(finalizer)) {
        ctx.report(
            path.index(i),
            Reason.INVALID,
            "finalizer "
                + Text.quote(finalizer)
                + " is neither a standard finalizer (kubernetes, orphan, foregroundDeletion) nor"
                + " domain-qualified",
            "qualify it with your domain, such as 'example.com/" + finalizer + "'");
      }
    }
    if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
      ctx.report(
          path,
          Reason.INVALID,
          "finalizers orphan and foregroundDeletion cannot both be set",
          "keep the one deletion policy you want");
    }
  }
}
