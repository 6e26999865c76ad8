package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * {@code metadata.namespace} of a namespaced object is a namespace name, a DNS-1123 label
 * (ValidateObjectMeta with ValidateNamespaceName). An object without a namespace is not reported:
 * the client (kubectl, fabric8, the in-memory cluster) fills in the request's namespace before the
 * server validates.
 */
public final class NamespaceRule extends CoreRule {
  private static final FieldPath NAMESPACE = FieldPath.of("metadata", "namespace");

  public NamespaceRule() {
    super(
        RuleInfo.builder()
            .id("core.metadata.namespace")
            .category(Category.API)
            .severity(Severity.ERROR)
            .title("Namespaces are DNS-1123 labels")
            .description(
                "metadata.namespace must be a valid namespace name: a lower-case DNS-1123 label of"
                    + " at most 63 characters. Source: apimachinery api/validation/objectmeta.go"
                    + " (ValidateNamespaceName).")
            .failingExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ML_Team\n")
            .fixedExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ml-team\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    if (object.getMetadata() == null || BuiltinKinds.isClusterScoped(GroupKind.of(object))) {
      return;
    }
    String namespace = object.getMetadata().getNamespace();
    if (namespace == null || namespace.isEmpty()) {
      return;
    }
    for (String problem : NameFormat.DNS1123_LABEL.problems(namespace)) {
      ctx.report(
          NAMESPACE,
          Reason.INVALID,
          "namespace " + Text.quote(namespace) + " " + problem,
          "use a lower-case namespace name such as 'ml-team'");
    }
  }
}
