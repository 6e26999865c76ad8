package dev.aiconform.cli.internal;

import dev.aiconform.core.SourceLocation;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code SARIF viewer): one run of the
 * {@code aiconform} driver with one rule entry per rule id (every rule that ran, plus the ids of
 * the reader's findings), and one result per finding with its file, line and column.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  static String render(ValidationRun run) {
    Map<String, Optional<RuleInfo>> rules = new LinkedHashMap<>();
    run.ruleIds().forEach(id -> rules.put(id, run.rule(id)));
    for (Diagnostic d : run.diagnostics()) {
      rules.putIfAbsent(d.rule(), run.rule(d.rule()));
    }
    List<String> ids = new ArrayList<>(rules.keySet());

    JsonWriter json = new JsonWriter().pretty();
    json.beginObject();
    json.field("$schema", SCHEMA);
    json.field("version", "2.1.0");
    json.name("runs").beginArray().beginObject();
    json.name("tool").beginObject().name("driver").beginObject();
    json.field("name", "aiconform");
    json.field("version", ToolVersion.get());
    json.name("rules").beginArray();
    for (Map.Entry<String, Optional<RuleInfo>> rule : rules.entrySet()) {
      rule(rule.getKey(), rule.getValue(), json);
    }
    json.endArray();
    json.endObject().endObject();
    json.name("properties").beginObject();
    json.field("kubernetesVersion", run.version().label());
    json.field("objects", run.objects());
    json.endObject();
    json.name("results").beginArray();
    for (Diagnostic d : run.diagnostics()) {
      result(d, ids.indexOf(d.rule()), json);
    }
    json.endArray();
    json.endObject().endArray();
    json.endObject();
    return json + "\n";
  }

  private static void rule(String id, Optional<RuleInfo> info, JsonWriter json) {
    json.beginObject();
    json.field("id", id);
    if (info.isPresent()) {
      RuleInfo r = info.get();
      json.name("shortDescription").beginObject().field("text", r.title()).endObject();
      json.name("fullDescription").beginObject().field("text", r.description()).endObject();
      json.name("defaultConfiguration")
          .beginObject()
          .field("level", level(r.severity()))
          .endObject();
      json.name("properties").beginObject();
      json.field("category", r.category().label());
      json.field("requirement", r.requirement().orElse(null));
      json.field("versions", r.versions().toString());
      json.name("tags").beginArray().value(r.category().label());
      r.requirement().ifPresent(json::value);
      json.endArray();
      json.endObject();
    } else {
      json.name("shortDescription").beginObject().field("text", id).endObject();
    }
    json.endObject();
  }

  private static void result(Diagnostic d, int ruleIndex, JsonWriter json) {
    json.beginObject();
    json.field("ruleId", d.rule());
    json.field("ruleIndex", ruleIndex);
    json.field("level", level(d.severity()));
    String text =
        (d.path().isEmpty() ? "" : d.path() + ": ")
            + d.reason().map(r -> r.wireName() + ": ").orElse("")
            + d.message()
            + (d.hint().isEmpty() ? "" : " Fix: " + d.hint());
    json.name("message").beginObject().field("text", text).endObject();
    json.name("locations").beginArray().beginObject();
    if (d.source().isPresent()) {
      SourceLocation s = d.source().get();
      json.name("physicalLocation").beginObject();
      json.name("artifactLocation").beginObject().field("uri", uri(s.file())).endObject();
      json.name("region").beginObject();
      json.field("startLine", Math.max(1, s.line()));
      json.field("startColumn", Math.max(1, s.column()));
      json.endObject();
      json.endObject();
    }
    d.object()
        .ifPresent(
            o -> {
              json.name("logicalLocations").beginArray().beginObject();
              json.field(
                  "fullyQualifiedName",
                  Lines.object(o) + (d.path().isEmpty() ? "" : " " + d.path()));
              json.field("kind", "object");
              json.endObject().endArray();
            });
    json.endObject().endArray();
    json.name("properties").beginObject();
    json.field("category", d.category().label());
    json.field("requirement", d.requirement().orElse(null));
    json.field("path", d.path());
    json.field("reason", d.reason().map(Reason::wireName).orElse(null));
    json.field("hint", d.hint());
    json.endObject();
    json.endObject();
  }

  static String level(Severity severity) {
    switch (severity) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "note";
    }
  }

  /** A relative URI reference: forward slashes, spaces and the like percent-encoded. */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    StringBuilder out = new StringBuilder();
    for (char c : path.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || "/-._~:@!$&'()*+,;=".indexOf(c) >= 0) {
        out.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          out.append(String.format("%%%02X", b & 0xff));
        }
      }
    }
    return out.toString();
  }
}
