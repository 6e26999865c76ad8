package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.dra.DraFeatureGates;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Set;

/**
 * {@code adminAccess: true} needs the label {@code resource.kubernetes.io/admin-access: "true"} on
 * the claim's namespace (pkg/registry/resource/resourceclaim/strategy.go,
 * authorizedForAdminAccess). Checked when the Namespace is part of what is validated; otherwise a
 * warning says so.
 */
final class AdminAccessNamespaceRule implements Rule {
  static final String LABEL = "resource.kubernetes.io/admin-access";

  private final RuleInfo info =
      RuleInfo.builder()
          .id("dra.request.admin-access")
          .category(Category.API)
          .severity(Severity.ERROR)
          .kinds(DraRuleSet.CLAIMS)
          .title("adminAccess requires an admin namespace")
          .description(
              "Admin access to devices is only admitted in namespaces labelled resource.kubernetes.io/admin-access: \"true\" (Forbidden otherwise). When the Namespace is not among the validated objects the rule warns that it cannot check.")
          .failingExample(
              "apiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n---\napiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: monitor, namespace: ml}\nspec:\n  devices:\n    requests: [{name: all, exactly: {deviceClassName: gpu.nvidia.com, allocationMode: All, adminAccess: true}}]\n")
          .fixedExample(
              "apiVersion: v1\nkind: Namespace\nmetadata: {name: ml, labels: {resource.kubernetes.io/admin-access: \"true\"}}\n---\napiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: monitor, namespace: ml}\nspec:\n  devices:\n    requests: [{name: all, exactly: {deviceClassName: gpu.nvidia.com, allocationMode: All, adminAccess: true}}]\n")
          .build();

  @Override
  public RuleInfo info() {
    return info;
  }

  @Override
  public void check(HasMetadata o, RuleContext ctx) {
    ClaimDevices devices = ClaimDevices.of(o).orElse(null);
    // with DRAAdminAccess off the strategy drops adminAccess before AuthorizedForAdmin looks at it
    if (devices == null || !ctx.isEnabled(DraFeatureGates.ADMIN_ACCESS)) return;
    var rs = devices.requests();
    String ns = o.getMetadata().getNamespace() == null ? "default" : o.getMetadata().getNamespace();
    for (int i = 0; i < rs.size(); i++) {
      var e = rs.get(i).getExactly();
      if (e == null || !Boolean.TRUE.equals(e.getAdminAccess())) continue;
      FieldPath p = devices.request(i).child("exactly", "adminAccess");
      var nsObj = ctx.bundle().find(GroupKind.of("", "Namespace"), "", ns);
      if (nsObj.isEmpty()) {
        ctx.report(
            Severity.WARNING,
            p,
            null,
            "admin access needs namespace "
                + ns
                + " to carry the label "
                + LABEL
                + ": \"true\"; the Namespace is not among the validated objects, so this was not checked",
            "validate the Namespace together with the claim");
        return;
      }
      Map<String, String> labels = nsObj.get().object().getMetadata().getLabels();
      if (labels == null || !"true".equals(labels.get(LABEL))) {
        ctx.report(
            p,
            Reason.FORBIDDEN,
            "admin access to devices requires the `"
                + LABEL
                + ": true` label on the containing namespace "
                + ns,
            "label namespace " + ns + " with " + LABEL + "=true (cluster admins only)");
      }
      // AuthorizedForAdmin looks at the namespace once, for the first request asking for admin
      // access, and reports at most that one
      return;
    }
  }

  @SuppressWarnings("unused")
  private static final Set<String> UNUSED = Set.of();
}
