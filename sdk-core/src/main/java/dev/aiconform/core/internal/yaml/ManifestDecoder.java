package dev.aiconform.core.internal.yaml;

import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.SourceLocation;
import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns YAML documents into Kubernetes objects: typed fabric8 models for the kinds fabric8 knows,
 * {@link GenericKubernetesResource} for the others; {@code List} kinds are expanded into their
 * items. A document that is not an object, lacks apiVersion or kind, or has a field of the wrong
 * type becomes a diagnostic; an object with a wrong-typed field is kept as a generic object so
 * nothing the user wrote is lost.
 */
public final class ManifestDecoder {
  public static final String NOT_A_MAPPING = "yaml.not-a-mapping";
  public static final String MISSING_KIND = "yaml.missing-kind";
  public static final String FIELD_TYPE = "yaml.field-type";
  public static final String UNREADABLE = "yaml.unreadable";

  /** Decodes every document of a parsed stream into {@code bundle}. */
  public void decode(
      YamlTreeReader.Result parsed, ManifestBundle.Builder bundle, List<Diagnostic> diagnostics) {
    for (YamlProblem p : parsed.problems()) {
      diagnostics.add(problem(p.rule(), p.location(), p.message(), p.hint()));
    }
    for (YamlDocument doc : parsed.documents()) {
      decode(doc.root(), "", doc, bundle, diagnostics);
    }
  }

  private void decode(
      JsonNode node,
      String prefix,
      YamlDocument doc,
      ManifestBundle.Builder bundle,
      List<Diagnostic> diagnostics) {
    SourceLocation at =
        prefix.isEmpty() ? doc.start() : doc.locations().getOrDefault(prefix, doc.start());
    if (!node.isObject()) {
      diagnostics.add(
          problem(
              NOT_A_MAPPING,
              at,
              "expected a Kubernetes object (a mapping with apiVersion, kind and metadata), found "
                  + describe(node),
              "each YAML document must be one object; separate objects with '---'"));
      return;
    }
    JsonNode apiVersion = node.get("apiVersion");
    JsonNode kind = node.get("kind");
    boolean hasVersion =
        apiVersion != null && apiVersion.isString() && !apiVersion.asString().isBlank();
    boolean hasKind = kind != null && kind.isString() && !kind.asString().isBlank();
    if (!hasVersion || !hasKind) {
      String missing =
          !hasVersion && !hasKind ? "apiVersion and kind" : !hasVersion ? "apiVersion" : "kind";
      diagnostics.add(
          problem(
              MISSING_KIND,
              at,
              "object has no " + missing + " (expected strings such as apiVersion: v1, kind: Pod)",
              "add " + missing + " at the top of the document"));
      return;
    }
    JsonNode items = node.get("items");
    if (kind.asString().endsWith("List") && items != null && items.isArray()) {
      for (int i = 0; i < items.size(); i++) {
        String itemPrefix = (prefix.isEmpty() ? "" : prefix + ".") + "items[" + i + "]";
        decode(items.get(i), itemPrefix, doc, bundle, diagnostics);
      }
      return;
    }
    Map<String, SourceLocation> locations = relocate(doc.locations(), prefix);
    HasMetadata object;
    try {
      object = toObject((ObjectNode) node);
    } catch (IllegalArgumentException | JacksonException thrown) {
      JacksonException e = jacksonCause(thrown);
      if (e == null) {
        throw thrown;
      }
      FieldPath path = pathOf(e);
      SourceLocation where = locate(locations, path, at);
      diagnostics.add(
          Diagnostic.builder()
              .rule(FIELD_TYPE)
              .category(Category.API)
              .severity(Severity.ERROR)
              .object(
                  dev.aiconform.core.ObjectRef.of(
                      apiVersion.asString(),
                      kind.asString(),
                      text(node, "metadata", "namespace"),
                      text(node, "metadata", "name")))
              .source(where)
              .path(path.toString())
              .message(typeMessage(e, node, path))
              .hint(
                  "use the type the Kubernetes API defines for "
                      + path.lastSegment()
                      + " (see kubectl explain "
                      + kind.asString().toLowerCase(java.util.Locale.ROOT)
                      + "."
                      + path.toString().replaceAll("\\[[^]]*]", "")
                      + ")")
              .build());
      object = genericOrNull((ObjectNode) node);
      if (object == null) {
        return;
      }
    }
    bundle.add(Manifest.read(object, at, locations));
  }

  private static JacksonException jacksonCause(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JacksonException) {
        return (JacksonException) t;
      }
    }
    return null;
  }

  private static HasMetadata toObject(ObjectNode node) {
    KubernetesResource r = StrictSerialization.get().convertValue(node, KubernetesResource.class);
    if (r instanceof HasMetadata) {
      return asWritten(node, (HasMetadata) r);
    }
    return asWritten(
        node, KubeSerialization.get().convertValue(node, GenericKubernetesResource.class));
  }

  private static HasMetadata genericOrNull(ObjectNode node) {
    try {
      return asWritten(
          node, KubeSerialization.get().convertValue(node, GenericKubernetesResource.class));
    } catch (IllegalArgumentException | JacksonException e) {
      return null; // metadata itself is malformed: the diagnostic says where
    }
  }

  /**
   * Undoes what fabric8's model adds on its own: an OwnerReference starts with apiVersion "v1", so
   * an owner reference written without one would otherwise read as a core/v1 owner (and be written
   * back so, and pass validation the API server fails).
   */
  private static HasMetadata asWritten(ObjectNode node, HasMetadata object) {
    JsonNode written = node.path("metadata").path("ownerReferences");
    List<OwnerReference> refs =
        object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
    if (refs != null && written.isArray()) {
      for (int i = 0; i < refs.size() && i < written.size(); i++) {
        JsonNode ref = written.get(i);
        if (ref.isObject() && !ref.has("apiVersion")) {
          refs.get(i).setApiVersion(null);
        }
        if (ref.isObject() && !ref.has("kind")) {
          refs.get(i).setKind(null);
        }
      }
    }
    return object;
  }

  private static Map<String, SourceLocation> relocate(
      Map<String, SourceLocation> all, String prefix) {
    if (prefix.isEmpty()) {
      return all;
    }
    String p = prefix + ".";
    Map<String, SourceLocation> out = new HashMap<>();
    for (Map.Entry<String, SourceLocation> e : all.entrySet()) {
      if (e.getKey().startsWith(p)) {
        out.put(e.getKey().substring(p.length()), e.getValue());
      }
    }
    return out;
  }

  private static SourceLocation locate(
      Map<String, SourceLocation> locations, FieldPath path, SourceLocation fallback) {
    for (FieldPath p = path; p != null; p = p.parent()) {
      SourceLocation l = locations.get(p.canonical());
      if (l != null) {
        return l;
      }
    }
    return fallback;
  }

  private static FieldPath pathOf(JacksonException e) {
    FieldPath p = FieldPath.root();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        p = p.isRoot() ? FieldPath.of(r.getPropertyName()) : p.child(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        p = p.index(r.getIndex());
      }
    }
    return p;
  }

  private static String typeMessage(JacksonException e, JsonNode node, FieldPath path) {
    JsonNode found = node;
    for (String seg : path.canonical().split("\\.|(?=\\[)")) {
      if (found == null || seg.isEmpty()) {
        break;
      }
      if (seg.startsWith("[")) {
        found = found.get(Integer.parseInt(seg.substring(1, seg.length() - 1)));
      } else {
        found = found.get(seg);
      }
    }
    String original = e.getOriginalMessage();
    String expected = "a value of another type";
    int i = original == null ? -1 : original.indexOf("of type `");
    if (i >= 0) {
      int end = original.indexOf('`', i + 9);
      expected = simpleType(original.substring(i + 9, end));
    }
    return "expected "
        + expected
        + ", found "
        + (found == null ? "a value it cannot read" : describe(found));
  }

  private static String simpleType(String javaType) {
    String t = javaType.substring(javaType.lastIndexOf('.') + 1);
    switch (t) {
      case "Integer":
      case "int":
      case "Long":
      case "long":
        return "an integer";
      case "Boolean":
      case "boolean":
        return "a boolean";
      case "String":
        return "a string";
      case "Double":
      case "double":
        return "a number";
      default:
        if (javaType.startsWith("java.util.List") || javaType.startsWith("java.util.ArrayList")) {
          return "a list";
        }
        if (javaType.startsWith("java.util.Map")
            || javaType.startsWith("java.util.LinkedHashMap")) {
          return "a mapping";
        }
        return "a " + t + " object";
    }
  }

  static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isString()) {
      return "the string \"" + abbreviate(n.asString()) + "\"";
    }
    if (n.isBoolean()) {
      return "the boolean " + n.asBoolean();
    }
    if (n.isNumber()) {
      return "the number " + n.asString();
    }
    return "null";
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private static String text(JsonNode node, String a, String b) {
    JsonNode n = node.path(a).path(b);
    return n.isString() ? n.asString() : "";
  }

  /** A reader finding as a diagnostic. */
  public static Diagnostic problem(String rule, SourceLocation at, String message, String hint) {
    return Diagnostic.builder()
        .rule(rule)
        .category(Category.API)
        .severity(Severity.ERROR)
        .source(at)
        .message(message)
        .hint(hint)
        .build();
  }
}
