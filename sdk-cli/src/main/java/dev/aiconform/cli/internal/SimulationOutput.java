package dev.aiconform.cli.internal;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.cluster.SimulationReport.Device;
import dev.aiconform.core.cluster.SimulationReport.Group;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import dev.aiconform.core.validation.Diagnostic;
import java.util.List;
import java.util.Locale;

/**
 * The report of {@code aiconform simulate}: text (pods, gangs, rejections) or the JSON object
 * docs/cli.md specifies.
 *
 * <pre>{@code
 * out.print(SimulationOutput.json(cluster.report()));
 * }</pre>
 */
public final class SimulationOutput {
  private SimulationOutput() {}

  /** Output formats of {@code simulate --format}. */
  public enum Format {
    TEXT,
    JSON;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static String render(
      Format format, TargetVersion version, SimulationReport report, Style style) {
    return format == Format.JSON ? json(report) : text(version, report, style);
  }

  /**
   * {@code {"summary":{"bound","pending"},"pods":[…],"groups":[…],"rejected":[diagnostics as in
   * validate]}}.
   */
  public static String json(SimulationReport report) {
    JsonWriter json = new JsonWriter();
    json.beginObject();
    json.name("summary").beginObject();
    json.field("bound", report.bound());
    json.field("pending", report.pending());
    json.endObject();
    json.name("pods").beginArray();
    for (PodPlacement p : report.pods()) {
      json.beginObject();
      json.field("namespace", p.namespace());
      json.field("name", p.name());
      json.name("owner");
      if (p.owner().isPresent()) {
        json.beginObject();
        json.field("kind", p.owner().get().kind());
        json.field("name", p.owner().get().name());
        json.endObject();
      } else {
        json.nullValue();
      }
      json.field("phase", p.phase().label());
      json.field("node", p.node().orElse(null));
      json.name("devices").beginArray();
      for (Device d : p.devices()) {
        json.beginObject();
        json.field("request", d.request());
        json.field("driver", d.driver());
        json.field("pool", d.pool());
        json.field("device", d.device());
        json.endObject();
      }
      json.endArray();
      json.field("reason", p.reason().orElse(null));
      json.endObject();
    }
    json.endArray();
    json.name("groups").beginArray();
    for (Group g : report.groups()) {
      json.beginObject();
      json.field("namespace", g.namespace());
      json.field("name", g.name());
      json.field("backend", g.backend());
      json.field("minCount", g.minCount());
      json.field("bound", g.bound());
      json.field("admitted", g.admitted());
      json.endObject();
    }
    json.endArray();
    json.name("rejected").beginArray();
    for (Diagnostic d : report.rejected()) {
      JsonReport.diagnostic(d, json);
    }
    json.endArray();
    json.endObject();
    return json + "\n";
  }

  /** Pods with their node and devices or why they wait, gangs, then what admission rejected. */
  public static String text(TargetVersion version, SimulationReport report, Style style) {
    StringBuilder out = new StringBuilder();
    out.append(
            style.bold(
                "Simulated on Kubernetes "
                    + version
                    + ": "
                    + Lines.plural(report.bound(), "pod")
                    + " bound, "
                    + report.pending()
                    + " pending"
                    + (report.rejected().isEmpty()
                        ? ""
                        : ", " + Lines.plural(report.rejected().size(), "rejection"))))
        .append("\n\n");
    if (!report.pods().isEmpty()) {
      out.append(style.bold("Pods")).append('\n');
      int width = report.pods().stream().mapToInt(p -> qualified(p).length()).max().orElse(0);
      for (PodPlacement p : report.pods()) {
        out.append("  ").append(pad(qualified(p), width)).append("  ");
        if (p.phase() == Phase.BOUND) {
          out.append(style.green("Bound  ")).append("  on ").append(p.node().orElse("?"));
        } else {
          out.append(style.severity(dev.aiconform.core.validation.Severity.WARNING, "Pending"))
              .append("  ")
              .append(Lines.oneLine(p.reason().orElse("waiting")));
        }
        p.owner().ifPresent(o -> out.append(style.dim("  (" + o.kind() + " " + o.name() + ")")));
        out.append('\n');
        for (Device d : p.devices()) {
          out.append("  ")
              .append(" ".repeat(width))
              .append("    ")
              .append(d.request())
              .append(": ")
              .append(d.driver())
              .append('/')
              .append(d.pool())
              .append('/')
              .append(d.device())
              .append('\n');
        }
      }
      out.append('\n');
    }
    if (!report.groups().isEmpty()) {
      out.append(style.bold("Gangs")).append('\n');
      for (Group g : report.groups()) {
        out.append("  ")
            .append(g.namespace().isEmpty() ? "" : g.namespace() + "/")
            .append(g.name())
            .append("  ")
            .append(g.backend())
            .append("  ")
            .append(g.bound())
            .append('/')
            .append(g.minCount())
            .append(" bound  ")
            .append(g.admitted() ? style.green("admitted") : style.red("not admitted"))
            .append('\n');
      }
      out.append('\n');
    }
    List<Diagnostic> rejected = report.rejected();
    if (!rejected.isEmpty()) {
      out.append(style.bold("Rejected at admission")).append('\n');
      String previous = null;
      for (Diagnostic d : rejected) {
        String header =
            d.object().map(Lines::object).orElse("input")
                + d.source().map(l -> " (" + l.file() + ")").orElse("");
        if (!header.equals(previous)) {
          out.append(style.bold(header)).append('\n');
          previous = header;
        }
        TextReport.finding(d, style, out);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String qualified(PodPlacement p) {
    return (p.namespace().isEmpty() ? "" : p.namespace() + "/") + p.name();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
