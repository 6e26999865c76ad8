package dev.aiconform.site;

import static dev.aiconform.site.Html.escape;

import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.conformance.ConformanceVersion;
import dev.aiconform.core.conformance.Requirement;
import dev.aiconform.core.conformance.RequirementCatalogue;
import dev.aiconform.core.validation.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The AI-conformance requirement matrix (requirement × conformance version: level and the rules
 * that support it) and the Kubernetes version compatibility matrix (rule × target version).
 */
final class ConformanceMatrix {
  private ConformanceMatrix() {}

  static Page requirements(List<RuleInfo> rules) {
    ConformanceVersion[] versions = ConformanceVersion.values();
    Map<String, Requirement> any = new LinkedHashMap<>();
    for (ConformanceVersion v : versions) {
      for (Requirement r : RequirementCatalogue.of(v).requirements()) {
        any.putIfAbsent(r.id(), r);
      }
    }
    StringBuilder b = new StringBuilder("<h1>AI Conformance requirements</h1>\n");
    b.append(
            "<p>The CNCF Kubernetes AI Conformance checklists per version (loaded from the upstream")
        .append(
            " templates) and the AIConform rules that support each requirement. MUST items need")
        .append(" evidence for certification; SHOULD items are recommended.</p>\n<table>\n<tr><th>")
        .append("requirement</th><th>category</th>");
    for (ConformanceVersion v : versions) {
      b.append("<th>").append(escape(v.label())).append("</th>");
    }
    b.append("<th>rules</th></tr>\n");
    for (Requirement req : any.values()) {
      b.append("<tr id=\"")
          .append(escape(req.id()))
          .append("\"><td><code>")
          .append(escape(req.id()))
          .append("</code></td><td>")
          .append(escape(req.category()))
          .append("</td>");
      for (ConformanceVersion v : versions) {
        Optional<Requirement> inVersion = RequirementCatalogue.of(v).find(req.id());
        b.append("<td>")
            .append(
                inVersion
                    .map(
                        r ->
                            "<span class=\"tag "
                                + (r.isMust() ? "must" : "should")
                                + "\">"
                                + r.level()
                                + (r.conditional() ? " (conditional)" : "")
                                + "</span>")
                    .orElse("—"))
            .append("</td>");
      }
      List<RuleInfo> supporting =
          rules.stream().filter(r -> r.requirement().filter(req.id()::equals).isPresent()).toList();
      b.append("<td>")
          .append(
              supporting.isEmpty()
                  ? "(no static check: needs a live cluster)"
                  : supporting.stream()
                      .map(
                          r ->
                              "<a href=\"rules.html#"
                                  + RuleCatalogue.anchor(r.id())
                                  + "\"><code>"
                                  + escape(r.id())
                                  + "</code></a>")
                      .collect(Collectors.joining("<br>")))
          .append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Descriptions (newest version)</h2>\n<dl>\n");
    ConformanceVersion newest = versions[versions.length - 1];
    for (Requirement req : any.values()) {
      Requirement shown = RequirementCatalogue.of(newest).find(req.id()).orElse(req);
      b.append("<dt><code>")
          .append(escape(shown.id()))
          .append("</code> (")
          .append(escape(shown.version().label()))
          .append(")</dt><dd>")
          .append(escape(shown.description()))
          .append("</dd>\n");
    }
    b.append("</dl>\n");
    return new Page("conformance.html", "AI Conformance matrix", "Reference", b.toString());
  }

  static Page compatibility(List<RuleInfo> rules) {
    TargetVersion[] versions = TargetVersion.values();
    StringBuilder b = new StringBuilder("<h1>Kubernetes version compatibility</h1>\n");
    b.append("<p>Target versions ")
        .append(escape(TargetVersion.supportedLabels()))
        .append(" (default ")
        .append(TargetVersion.latest().label())
        .append(
            ", the version fabric8 8.0.0 models). Each rule declares the versions it applies to;")
        .append(
            " a rule that is not applied to a version is marked —. Feature-gated rules follow the")
        .append(
            " target version's gate defaults unless overridden.</p>\n<table>\n<tr><th>rule</th>");
    for (TargetVersion v : versions) {
      b.append("<th>").append(v.label()).append("</th>");
    }
    b.append("</tr>\n");
    TreeSet<String> modules = new TreeSet<>();
    rules.forEach(r -> modules.add(r.id().substring(0, r.id().indexOf('.'))));
    for (RuleInfo r : rules) {
      if (r.versions().versions().size() == versions.length) {
        continue; // shown in the summary below
      }
      b.append("<tr><td><a href=\"rules.html#")
          .append(RuleCatalogue.anchor(r.id()))
          .append("\"><code>")
          .append(escape(r.id()))
          .append("</code></a></td>");
      for (TargetVersion v : versions) {
        b.append("<td>").append(r.versions().contains(v) ? "✓" : "—").append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n<p>Rules applied to every supported version, per module:</p>\n<ul>\n");
    for (String m : modules) {
      long n =
          rules.stream()
              .filter(r -> r.id().startsWith(m + "."))
              .filter(r -> r.versions().versions().size() == versions.length)
              .count();
      b.append("<li><code>").append(escape(m)).append(".*</code>: ").append(n).append("</li>\n");
    }
    b.append("</ul>\n");
    return new Page("compatibility.html", "Version compatibility", "Reference", b.toString());
  }
}
