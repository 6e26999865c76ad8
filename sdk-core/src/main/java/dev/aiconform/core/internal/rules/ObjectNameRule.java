package dev.aiconform.core.internal.rules;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.NameFormat;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * {@code metadata.name} and {@code metadata.generateName} as ValidateObjectMeta checks them on
 * create: a name (or a generateName) is required, and each has the format of the kind; every name
 * is also a URL path segment (rest.BeforeCreate). Two kind-specific length limits follow from
 * controllers: a CronJob name leaves room for the Job suffix, and a Job name becomes a label value
 * on its pods.
 */
public final class ObjectNameRule extends CoreRule {
  /** Service names may be DNS-1123 labels (start with a digit) when on; alpha, off, since 1.34. */
  public static final FeatureGate RELAXED_SERVICE_NAME_VALIDATION =
      FeatureGate.of("RelaxedServiceNameValidation");

  // pkg/apis/batch/validation/validation.go: ValidateCronJobCreate, DNS1035LabelMaxLength-11
  static final int CRON_JOB_NAME_MAX_LENGTH = NameFormat.DNS1035_LABEL_MAX_LENGTH - 11;
  // pkg/registry/batch/job/strategy.go: generateSelector puts the name in a pod label (max 63)
  static final int JOB_NAME_MAX_LENGTH = NameFormat.DNS1123_LABEL_MAX_LENGTH;

  // staging/src/k8s.io/apiserver/pkg/storage/names/generate.go: MaxGeneratedNameLength (63 - 5)
  static final int MAX_GENERATED_NAME_PREFIX_LENGTH = 58;
  // five characters of the generator's alphabet (bcdfghjklmnpqrstvwxz2456789)
  private static final String GENERATED_NAME_SUFFIX = "x7k2b";

  private static final FieldPath NAME = FieldPath.of("metadata", "name");
  private static final FieldPath GENERATE_NAME = FieldPath.of("metadata", "generateName");

  public ObjectNameRule() {
    super(
        RuleInfo.builder()
            .id("core.metadata.name")
            .category(Category.API)
            .severity(Severity.ERROR)
            .title("Object names are set and have the format of their kind")
            .description(
                "metadata.name (or metadata.generateName) is required. Names are DNS-1123"
                    + " subdomains (at most 253 characters) unless the kind says otherwise:"
                    + " Namespaces and StatefulSets use DNS-1123 labels (at most 63), Services"
                    + " DNS-1035 labels (starting with a letter), RBAC objects any URL path"
                    + " segment. generateName is checked as a prefix. A CronJob name is at most"
                    + " 52 characters (the Jobs it creates add an 11-character suffix); a Job"
                    + " name longer than 63 characters is rejected at spec.template.labels,"
                    + " because the Job controller puts the name in its pods'"
                    + " batch.kubernetes.io/job-name label. Source: apimachinery"
                    + " api/validation/objectmeta.go ValidateObjectMetaAccessor, util/validation,"
                    + " and each kind's validation in pkg/apis.")
            .failingExample(
                "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: llm.server\n")
            .fixedExample("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: llm-server\n")
            .build());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    if (!BuiltinKinds.isApiObject(GroupKind.of(object))) {
      return;
    }
    ObjectMeta meta = object.getMetadata();
    String name = meta == null ? null : meta.getName();
    String generateName = meta == null ? null : meta.getGenerateName();
    GroupKind kind = GroupKind.of(object);
    NameFormat format = nameFormat(kind, ctx);

    if (generateName != null && !generateName.isEmpty()) {
      for (String problem : format.problemsAsPrefix(generateName)) {
        ctx.report(
            GENERATE_NAME,
            Reason.INVALID,
            kindLabel(kind) + " generateName '" + generateName + "' " + problem,
            "use a " + format.description() + " prefix such as 'train-'");
      }
    }
    boolean generated = false;
    if (name == null || name.isEmpty()) {
      if (generateName == null || generateName.isEmpty()) {
        ctx.report(
            NAME,
            Reason.REQUIRED,
            "name or generateName is required, found neither",
            "set metadata.name, or metadata.generateName to let the server pick a unique name");
        return;
      }
      // rest.BeforeCreate names the object from generateName before it validates, so the
      // generated name goes through the same checks as a given one.
      name = generatedName(generateName);
      generated = true;
    }
    for (String problem : format.problems(name)) {
      ctx.report(
          NAME,
          Reason.INVALID,
          kindLabel(kind)
              + (generated ? " name generated from generateName (such as '" : " name '")
              + name
              + "'"
              + (generated ? ")" : "")
              + " "
              + problem,
          generated
              ? "use a generateName that starts a valid " + format.description()
              : "rename it to a " + format.description() + suggestion(name, format));
    }
    if (kind.equals(GroupKind.of("batch", "CronJob"))
        && Text.byteLength(name) > CRON_JOB_NAME_MAX_LENGTH) {
      ctx.report(
          NAME,
          Reason.INVALID,
          "CronJob name must be no more than "
              + CRON_JOB_NAME_MAX_LENGTH
              + " characters, found "
              + Text.byteLength(name)
              + ": the Jobs it creates append an 11-character suffix",
          "shorten the CronJob name to " + CRON_JOB_NAME_MAX_LENGTH + " characters or fewer");
    }
    if (object instanceof Job
        && Text.byteLength(name) > JOB_NAME_MAX_LENGTH
        && !manualSelector((Job) object)) {
      ctx.report(
          FieldPath.of("spec", "template", "labels"),
          Reason.INVALID,
          "the Job controller labels its pods batch.kubernetes.io/job-name="
              + name
              + ", and a label value must be no more than "
              + JOB_NAME_MAX_LENGTH
              + " characters, found "
              + Text.byteLength(name),
          "shorten the Job name to " + JOB_NAME_MAX_LENGTH + " characters or fewer");
    }
  }

  /**
   * A name as names.SimpleNameGenerator makes it: the prefix cut to 58 characters plus five random
   * lower-case letters or digits (any five give the same validation result).
   */
  static String generatedName(String generateName) {
    String base =
        generateName.length() > MAX_GENERATED_NAME_PREFIX_LENGTH
            ? generateName.substring(0, MAX_GENERATED_NAME_PREFIX_LENGTH)
            : generateName;
    return base + GENERATED_NAME_SUFFIX;
  }

  private static NameFormat nameFormat(GroupKind kind, RuleContext ctx) {
    if (kind.equals(GroupKind.of("", "Service"))
        && ctx.isEnabled(RELAXED_SERVICE_NAME_VALIDATION)) {
      return NameFormat.DNS1123_LABEL;
    }
    return BuiltinKinds.nameFormat(kind);
  }

  private static boolean manualSelector(Job job) {
    return job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getManualSelector());
  }

  private static String kindLabel(GroupKind kind) {
    return kind.kind().isEmpty() ? "object" : kind.kind();
  }

  /** A fixed-up name, when lower-casing and replacing bad characters gives a valid one. */
  private static String suggestion(String name, NameFormat format) {
    if (format == NameFormat.PATH_SEGMENT) {
      return " without '/' or '%'";
    }
    String candidate =
        name.toLowerCase(java.util.Locale.ROOT)
            .replaceAll(format == NameFormat.DNS1123_SUBDOMAIN ? "[^a-z0-9.-]" : "[^a-z0-9-]", "-")
            .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    if (format == NameFormat.DNS1035_LABEL) {
      candidate = candidate.replaceAll("^[^a-z]+", "");
    }
    return !candidate.isEmpty() && format.accepts(candidate) ? " such as '" + candidate + "'" : "";
  }
}
