package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A namespace on a cluster-scoped object is not an error: the API server clears it before it
 * validates (rest.BeforeCreate, EnsureObjectNamespaceMatchesRequestNamespace). It is a sign the
 * author expected the object to be private to a namespace, which it is not.
 */
public final class ClusterScopedNamespaceRule extends CoreRule {
  public ClusterScopedNamespaceRule() {
    super(
        RuleInfo.builder()
            .id("core.metadata.namespace-ignored")
            .category(Category.PRACTICE)
            .severity(Severity.WARNING)
            .title("No namespace on cluster-scoped objects")
            .description(
                "Cluster-scoped kinds (Namespace, Node, DeviceClass, ResourceSlice, PriorityClass,"
                    + " ClusterRole, StorageClass, Kueue ClusterQueue and ResourceFlavor, …) have no"
                    + " namespace; the API server silently drops metadata.namespace. The object is"
                    + " shared by the whole cluster, whatever namespace the manifest names.")
            .failingExample(
                "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\n"
                    + "  namespace: ml-team\n")
            .fixedExample(
                "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    GroupKind kind = GroupKind.of(object);
    if (object.getMetadata() == null || !BuiltinKinds.isClusterScoped(kind)) {
      return;
    }
    String namespace = object.getMetadata().getNamespace();
    if (namespace != null && !namespace.isEmpty()) {
      ctx.report(
          FieldPath.of("metadata", "namespace"),
          null,
          kind.kind()
              + " is cluster-scoped: the API server ignores namespace "
              + Text.quote(namespace)
              + " and the object is shared by every namespace",
          "remove metadata.namespace");
    }
  }
}
