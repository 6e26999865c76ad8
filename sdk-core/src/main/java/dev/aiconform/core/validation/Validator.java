package dev.aiconform.core.validation;

import dev.aiconform.core.FeatureGate;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks manifests the way the API server and the AI Conformance program would: every rule that
 * applies to each object for the target version, after the server's defaulting.
 *
 * <p>Rules come from every module on the class path ({@link RuleSet} services) unless given
 * explicitly. A validator is immutable and safe to share between threads.
 *
 * <pre>{@code
 * ValidationReport report = Validator.forVersion(TargetVersion.V1_37).validate(bundle);
 * Validator apiOnly = Validator.builder().categories(Category.API).build();
 * }</pre>
 */
public final class Validator {
  private final TargetVersion targetVersion;
  private final Map<String, Boolean> featureGates;
  private final List<Rule> rules;
  private final List<Defaulter> defaulters;

  private Validator(Builder b) {
    this.targetVersion = b.targetVersion;
    this.featureGates = Map.copyOf(b.featureGates);
    List<Rule> selected = new ArrayList<>();
    for (Rule r : b.rules) {
      if (b.categories.contains(r.info().category())
          && r.info().versions().contains(targetVersion)) {
        selected.add(r);
      }
    }
    this.rules = List.copyOf(selected);
    this.defaulters = List.copyOf(b.defaulters);
  }

  /** Every registered rule, for {@code version}. */
  public static Validator forVersion(TargetVersion version) {
    return builder().targetVersion(version).build();
  }

  /** Every registered rule, for the newest supported version. */
  public static Validator defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rule sets registered on the class path. */
  public static List<RuleSet> registeredRuleSets() {
    List<RuleSet> sets = new ArrayList<>();
    ServiceLoader.load(RuleSet.class, Validator.class.getClassLoader()).forEach(sets::add);
    sets.sort((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()));
    return sets;
  }

  public TargetVersion targetVersion() {
    return targetVersion;
  }

  /** The rules this validator runs (those of its categories that apply to its version). */
  public List<Rule> rules() {
    return rules;
  }

  public boolean isEnabled(FeatureGate gate) {
    return gate.isEnabled(targetVersion, featureGates);
  }

  public ValidationReport validate(HasMetadata object) {
    return validate(ManifestBundle.of(object));
  }

  public ValidationReport validate(ManifestBundle bundle) {
    List<Diagnostic> out = new ArrayList<>();
    for (Manifest m : bundle) {
      validate(m, bundle, out);
    }
    return new ValidationReport(targetVersion, bundle.size(), out);
  }

  /**
   * Validates one object of {@code context}: the bundle its rules see (for admission into a
   * cluster, what the cluster holds).
   */
  public List<Diagnostic> validate(Manifest manifest, ManifestBundle context) {
    List<Diagnostic> out = new ArrayList<>();
    validate(manifest, context, out);
    return out;
  }

  /**
   * The object as the API server would store it: a defaulted copy ({@code object} is unchanged).
   */
  public HasMetadata defaulted(HasMetadata object) {
    HasMetadata copy = null;
    for (Defaulter d : defaulters) {
      if (d.appliesTo(object)) {
        if (copy == null) {
          copy = KubeSerialization.get().clone(object);
        }
        d.apply(copy, targetVersion);
      }
    }
    return copy == null ? object : copy;
  }

  private void validate(Manifest manifest, ManifestBundle bundle, List<Diagnostic> out) {
    HasMetadata original = manifest.object();
    HasMetadata object;
    try {
      object = defaulted(original);
    } catch (RuntimeException e) {
      object = original;
    }
    Manifest checked = manifest.withObject(object);
    Map<Object, Object> shared = new HashMap<>();
    for (Rule rule : rules) {
      if (!rule.appliesTo(object)) {
        continue;
      }
      Context ctx = new Context(rule.info(), checked, original, bundle, out, shared);
      try {
        rule.check(object, ctx);
      } catch (RuntimeException e) {
        ctx.report(
            Severity.ERROR,
            FieldPath.root(),
            Reason.INTERNAL,
            "rule "
                + rule.info().id()
                + " could not check this object: "
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()),
            "this is a bug in AIConform; please report it with the manifest");
      }
    }
  }

  private final class Context implements RuleContext {
    private final RuleInfo info;
    private final Manifest manifest;
    private final HasMetadata original;
    private final ManifestBundle bundle;
    private final List<Diagnostic> out;
    private final Map<Object, Object> shared;

    Context(
        RuleInfo info,
        Manifest manifest,
        HasMetadata original,
        ManifestBundle bundle,
        List<Diagnostic> out,
        Map<Object, Object> shared) {
      this.info = info;
      this.manifest = manifest;
      this.original = original;
      this.bundle = bundle;
      this.out = out;
      this.shared = shared;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Supplier<T> compute) {
      Object value = shared.get(key);
      if (value == null) {
        value = compute.get();
        shared.put(key, value);
      }
      return (T) value;
    }

    @Override
    public TargetVersion targetVersion() {
      return targetVersion;
    }

    @Override
    public boolean isEnabled(FeatureGate gate) {
      return Validator.this.isEnabled(gate);
    }

    @Override
    public ManifestBundle bundle() {
      return bundle;
    }

    @Override
    public Manifest manifest() {
      return manifest;
    }

    @Override
    public HasMetadata original() {
      return original;
    }

    @Override
    public void report(FieldPath path, Reason reason, String message, String hint) {
      report(info.severity(), path, reason, message, hint);
    }

    @Override
    public void report(
        Severity severity, FieldPath path, Reason reason, String message, String hint) {
      ObjectRef ref = ObjectRef.of(original);
      out.add(
          Diagnostic.builder()
              .rule(info.id())
              .category(info.category())
              .requirement(info.requirement())
              .severity(severity)
              .object(ref)
              .source(manifest.locate(path))
              .path(path.toString())
              .reason(java.util.Optional.ofNullable(reason))
              .message(message)
              .hint(hint == null ? "" : hint)
              .build());
    }
  }

  /** Configures a {@link Validator}. */
  public static final class Builder {
    private TargetVersion targetVersion = TargetVersion.latest();
    private final Map<String, Boolean> featureGates = new HashMap<>();
    private List<Rule> rules;
    private List<Defaulter> defaulters;
    private final Set<Category> categories = EnumSet.allOf(Category.class);

    private Builder() {}

    public Builder targetVersion(TargetVersion version) {
      this.targetVersion = version;
      return this;
    }

    /** Overrides a feature gate's default for the target version. */
    public Builder featureGate(String name, boolean enabled) {
      featureGates.put(name, enabled);
      return this;
    }

    public Builder featureGates(Map<String, Boolean> gates) {
      featureGates.putAll(gates);
      return this;
    }

    /** Runs only these rules (and no registered ones). */
    public Builder rules(Collection<? extends Rule> only) {
      this.rules = new ArrayList<>(only);
      return this;
    }

    /** Uses only these defaulters (and no registered ones). */
    public Builder defaulters(Collection<? extends Defaulter> only) {
      this.defaulters = new ArrayList<>(only);
      return this;
    }

    /** Runs only the rules of these categories. */
    public Builder categories(Category first, Category... more) {
      categories.clear();
      categories.add(first);
      categories.addAll(List.of(more));
      return this;
    }

    public Validator build() {
      if (rules == null || defaulters == null) {
        List<Rule> foundRules = new ArrayList<>();
        List<Defaulter> foundDefaulters = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleSet set : registeredRuleSets()) {
          for (Rule r : set.rules()) {
            if (!ids.add(r.info().id())) {
              throw new IllegalStateException(
                  "two registered rules share the id '" + r.info().id() + "'");
            }
            foundRules.add(r);
          }
          foundDefaulters.addAll(set.defaulters());
        }
        if (rules == null) rules = foundRules;
        if (defaulters == null) defaulters = foundDefaulters;
      }
      return new Validator(this);
    }
  }
}
