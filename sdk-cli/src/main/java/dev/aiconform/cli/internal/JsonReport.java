package dev.aiconform.cli.internal;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.SourceLocation;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Reason;
import dev.aiconform.core.validation.Severity;
import java.util.Optional;

/**
 * The JSON report of {@code validate --format json}: exactly one object, {@code
 * {"kubernetesVersion","summary":{"objects","errors","warnings"},"diagnostics":[...]}}, each
 * diagnostic with the fields docs/cli.md lists, in that order; absent values are {@code null}.
 */
public final class JsonReport {
  private JsonReport() {}

  static String render(ValidationRun run) {
    JsonWriter json = new JsonWriter();
    json.beginObject();
    json.field("kubernetesVersion", run.version().label());
    json.name("summary").beginObject();
    json.field("objects", run.objects());
    json.field("errors", run.count(Severity.ERROR));
    json.field("warnings", run.count(Severity.WARNING));
    json.endObject();
    json.name("diagnostics").beginArray();
    for (Diagnostic d : run.diagnostics()) {
      diagnostic(d, json);
    }
    json.endArray();
    json.endObject();
    return json + "\n";
  }

  /** One diagnostic, as {@code validate} and {@code simulate} print it. */
  public static void diagnostic(Diagnostic d, JsonWriter json) {
    Optional<SourceLocation> source = d.source();
    Optional<ObjectRef> object = d.object();
    json.beginObject();
    json.field("file", source.map(SourceLocation::file).orElse(null));
    json.name("line").value(source.map(SourceLocation::line).orElse(null));
    json.name("document").value(source.map(SourceLocation::document).orElse(null));
    json.field("apiVersion", object.map(o -> Lines.emptyToNull(o.apiVersion())).orElse(null));
    json.field("kind", object.map(o -> Lines.emptyToNull(o.kind())).orElse(null));
    json.field("namespace", object.map(o -> Lines.emptyToNull(o.namespace())).orElse(null));
    json.field("name", object.map(o -> Lines.emptyToNull(o.name())).orElse(null));
    json.field("rule", d.rule());
    json.field("category", d.category().label());
    json.field("requirement", d.requirement().orElse(null));
    json.field("severity", d.severity().label());
    json.field("path", d.path());
    json.field("reason", d.reason().map(Reason::wireName).orElse(null));
    json.field("message", d.message());
    json.field("hint", d.hint());
    json.endObject();
  }
}
