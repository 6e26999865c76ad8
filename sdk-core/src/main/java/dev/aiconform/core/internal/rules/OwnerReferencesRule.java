package dev.aiconform.core.internal.rules;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Set;

/**
 * {@code metadata.ownerReferences} as apimachinery's ValidateOwnerReferences checks them: each
 * reference has an apiVersion with a version, a kind, a name and a uid; an Event cannot own
 * anything; at most one reference is the controller. The server reports a reference's problems at
 * {@code metadata.ownerReferences.<field>}, without the list index.
 */
public final class OwnerReferencesRule extends CoreRule {
  // staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go: BannedOwners
  static final Set<String> BANNED_OWNERS = Set.of("/v1/Event");

  private static final FieldPath OWNER_REFERENCES = FieldPath.of("metadata", "ownerReferences");

  public OwnerReferencesRule() {
    super(
        RuleInfo.builder()
            .id("core.metadata.owner-references")
            .category(Category.API)
            .severity(Severity.ERROR)
            .title("Owner references name their owner completely; one controller at most")
            .description(
                "Every owner reference needs an apiVersion with a version (such as batch/v1), a"
                    + " kind, a name and the owner's uid; an Event cannot be an owner; at most one"
                    + " reference may set controller: true. Reported at"
                    + " metadata.ownerReferences.apiVersion/.kind/.name/.uid (FieldValueInvalid,"
                    + " without the list index, as the API server reports it) and at"
                    + " metadata.ownerReferences. Source: apimachinery api/validation/objectmeta.go"
                    + " ValidateOwnerReferences.")
            .failingExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                    + "  ownerReferences:\n  - apiVersion: batch/v1\n    kind: Job\n"
                    + "    name: train\n")
            .fixedExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                    + "  ownerReferences:\n  - apiVersion: batch/v1\n    kind: Job\n"
                    + "    name: train\n    uid: 6c1b2e0a-3f1d-4a57-9a3e-2d8c7f1e0b42\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    if (!BuiltinKinds.isApiObject(GroupKind.of(object))
        || object.getMetadata() == null
        || object.getMetadata().getOwnerReferences() == null) {
      return;
    }
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    String firstController = null;
    for (OwnerReference ref : refs) {
      if (ref == null) {
        continue;
      }
      reference(ref, ctx);
      if (Boolean.TRUE.equals(ref.getController())) {
        String current = ref.getKind() + "/" + ref.getName();
        if (firstController == null) {
          firstController = current;
        } else {
          ctx.report(
              OWNER_REFERENCES,
              Reason.INVALID,
              "only one owner reference can set controller: true, found it on "
                  + firstController
                  + " and "
                  + current,
              "keep controller: true on the one owner that manages this object");
        }
      }
    }
  }

  private static void reference(OwnerReference ref, RuleContext ctx) {
    String apiVersion = nullToEmpty(ref.getApiVersion());
    String version = version(apiVersion);
    if (version.isEmpty()) {
      ctx.report(
          OWNER_REFERENCES.child("apiVersion"),
          Reason.INVALID,
          "owner reference apiVersion " + Text.quote(apiVersion) + " has no version",
          "write the owner's group and version, such as 'batch/v1' (or 'v1' for core kinds)");
    }
    for (String[] field :
        new String[][] {{"kind", ref.getKind()}, {"name", ref.getName()}, {"uid", ref.getUid()}}) {
      if (nullToEmpty(field[1]).isEmpty()) {
        ctx.report(
            OWNER_REFERENCES.child(field[0]),
            Reason.INVALID,
            "owner reference " + field[0] + " must not be empty",
            field[0].equals("uid")
                ? "set the owner's metadata.uid (read it from the cluster), or drop the reference"
                : "set the owner's " + field[0]);
      }
    }
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    if (!version.isEmpty()
        && BANNED_OWNERS.contains(group + "/" + version + "/" + nullToEmpty(ref.getKind()))) {
      ctx.report(
          OWNER_REFERENCES,
          Reason.INVALID,
          apiVersion + " " + ref.getKind() + " cannot be an owner",
          "remove the owner reference to the Event");
    }
  }

  /** The version of an apiVersion as schema.ParseGroupVersion reads it; empty when malformed. */
  private static String version(String apiVersion) {
    int slashes = apiVersion.length() - apiVersion.replace("/", "").length();
    if (slashes == 0) {
      return apiVersion;
    }
    if (slashes == 1) {
      return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }
    return "";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
