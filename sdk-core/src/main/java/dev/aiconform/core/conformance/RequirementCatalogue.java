package dev.aiconform.core.conformance;

import dev.aiconform.core.TargetVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The requirements of one AI conformance checklist, read from the upstream template shipped with
 * the SDK ({@code dev/aiconform/core/conformance/AIConformance-1.NN.yaml}, byte-identical to
 * cncf/k8s-ai-conformance {@code docs/}). Requirements are data: ids come and go between versions
 * ({@code dra_support} is MUST in 1.34 and 1.35 and absent from 1.36), so nothing here names one.
 *
 * <pre>{@code
 * RequirementCatalogue catalogue = RequirementCatalogue.forTarget(TargetVersion.V1_37);
 * catalogue.find("secure_accelerator_access").map(Requirement::level); // Optional[MUST]
 * }</pre>
 */
public final class RequirementCatalogue {
  /**
   * A requirement is conditional when its text opens with a condition on the platform: "If the
   * platform provides…", "If high performance pod-to-pod communication is needed…", or "For
   * accelerators that support…". A scope such as "For supported accelerator types" is not a
   * condition: every AI platform supports some accelerator.
   */
  private static final Pattern CONDITIONAL_OPENING =
      Pattern.compile("^(if\\s|for\\s[^.,]*?\\bthat\\s+supports?\\s)");

  private final ConformanceVersion version;
  private final List<Requirement> requirements;
  private final Map<String, Requirement> byId;

  private RequirementCatalogue(ConformanceVersion version, List<Requirement> requirements) {
    this.version = version;
    this.requirements = List.copyOf(requirements);
    Map<String, Requirement> index = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      if (index.put(r.id(), r) != null) {
        throw new IllegalStateException(
            "AI conformance checklist " + version + " lists requirement '" + r.id() + "' twice");
      }
    }
    this.byId = Collections.unmodifiableMap(index);
  }

  /** The checklist of {@code version}. */
  public static RequirementCatalogue of(ConformanceVersion version) {
    return Loaded.CATALOGUES.get(version);
  }

  /** The checklist a cluster of {@code target} is certified against. */
  public static RequirementCatalogue forTarget(TargetVersion target) {
    return of(ConformanceVersion.of(target));
  }

  public ConformanceVersion version() {
    return version;
  }

  /** Every requirement, in the template's order (by section, then as listed). */
  public List<Requirement> requirements() {
    return requirements;
  }

  public int size() {
    return requirements.size();
  }

  public Optional<Requirement> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * The requirement {@code id}.
   *
   * @throws IllegalArgumentException naming the requirements of this version when there is none
   */
  public Requirement require(String id) {
    Requirement r = byId.get(id);
    if (r == null) {
      throw new IllegalArgumentException(
          "AI conformance "
              + version
              + " has no requirement '"
              + id
              + "'; it has: "
              + String.join(", ", byId.keySet()));
    }
    return r;
  }

  public List<Requirement> withLevel(RequirementLevel level) {
    return requirements.stream()
        .filter(r -> r.level() == level)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The checklist's sections, in template order. */
  public List<String> categories() {
    return requirements.stream()
        .map(Requirement::category)
        .distinct()
        .collect(Collectors.toUnmodifiableList());
  }

  /** Whether a requirement text makes the requirement conditional (see {@link Requirement}). */
  public static boolean isConditional(String description) {
    return CONDITIONAL_OPENING.matcher(description.trim().toLowerCase(Locale.ROOT)).find();
  }

  @Override
  public String toString() {
    return "RequirementCatalogue[" + version + ", " + requirements.size() + " requirements]";
  }

  /** Reads every template once, on first use. */
  private static final class Loaded {
    static final Map<ConformanceVersion, RequirementCatalogue> CATALOGUES = loadAll();

    private static Map<ConformanceVersion, RequirementCatalogue> loadAll() {
      Map<ConformanceVersion, RequirementCatalogue> all = new EnumMap<>(ConformanceVersion.class);
      for (ConformanceVersion v : ConformanceVersion.values()) {
        all.put(v, new RequirementCatalogue(v, read(v)));
      }
      return Collections.unmodifiableMap(all);
    }

    private static List<Requirement> read(ConformanceVersion version) {
      String resource = version.resourceName();
      Object document;
      try (InputStream in = RequirementCatalogue.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("AI conformance checklist " + resource + " is missing");
        }
        LoadSettings settings =
            LoadSettings.builder()
                .setLabel(resource)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(0)
                .build();
        document = new Load(settings).loadFromInputStream(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read AI conformance checklist " + resource, e);
      }
      Map<?, ?> spec = mapAt(asMap(document, resource, "the document"), "spec", resource);
      List<Requirement> requirements = new ArrayList<>();
      for (Map.Entry<?, ?> section : spec.entrySet()) {
        String category = String.valueOf(section.getKey());
        if (!(section.getValue() instanceof List)) {
          throw malformed(resource, "spec." + category + " is not a list");
        }
        int index = 0;
        for (Object item : (List<?>) section.getValue()) {
          String where = "spec." + category + "[" + index++ + "]";
          Map<?, ?> entry = asMap(item, resource, where);
          String description = text(entry, "description", resource, where);
          requirements.add(
              Requirement.builder()
                  .id(text(entry, "id", resource, where))
                  .category(category)
                  .level(level(text(entry, "level", resource, where), resource, where))
                  .description(description)
                  .conditional(isConditional(description))
                  .version(version)
                  .build());
        }
      }
      return requirements;
    }

    private static RequirementLevel level(String text, String resource, String where) {
      try {
        return RequirementLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw malformed(resource, where + ".level is '" + text + "', expected MUST or SHOULD");
      }
    }

    private static Map<?, ?> mapAt(Map<?, ?> map, String key, String resource) {
      return asMap(map.get(key), resource, key);
    }

    private static Map<?, ?> asMap(Object value, String resource, String where) {
      if (!(value instanceof Map)) {
        throw malformed(resource, where + " is not a mapping");
      }
      return (Map<?, ?>) value;
    }

    private static String text(Map<?, ?> map, String key, String resource, String where) {
      Object value = map.get(key);
      if (!(value instanceof String) || ((String) value).isBlank()) {
        throw malformed(resource, where + "." + key + " is missing or not text");
      }
      return (String) value;
    }

    private static IllegalStateException malformed(String resource, String what) {
      return new IllegalStateException("AI conformance checklist " + resource + ": " + what);
    }
  }
}
