package dev.aiconform.site;

import static dev.aiconform.site.Html.escape;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.RuleSet;
import dev.aiconform.core.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The rule catalogue: one entry per registered rule and reader finding, from the registry. */
final class RuleCatalogue {
  private RuleCatalogue() {}

  /** Every rule and finding id the validator can report, sorted by id. */
  static List<RuleInfo> all() {
    List<RuleInfo> infos = new ArrayList<>();
    for (RuleSet set : Validator.registeredRuleSets()) {
      for (Rule r : set.rules()) {
        infos.add(r.info());
      }
      infos.addAll(set.otherFindings());
    }
    infos.sort(Comparator.comparing(RuleInfo::id));
    return infos;
  }

  static Page page() {
    List<RuleInfo> rules = all();
    StringBuilder b = new StringBuilder("<h1>Rule catalogue</h1>\n");
    b.append("<p>")
        .append(rules.size())
        .append(" rules and findings, generated from the rule registry. <b>api</b>: what the")
        .append(" Kubernetes API server of the target version rejects; <b>conformance</b>: derived")
        .append(" from a CNCF Kubernetes AI Conformance requirement; <b>practice</b>: a known")
        .append(" pitfall.</p>\n<table>\n<tr><th>rule</th><th>category</th><th>severity</th>")
        .append("<th>requirement</th><th>what it checks</th></tr>\n");
    for (RuleInfo r : rules) {
      b.append("<tr><td><a href=\"#")
          .append(anchor(r.id()))
          .append("\"><code>")
          .append(escape(r.id()))
          .append("</code></a></td><td>")
          .append(r.category().label())
          .append("</td><td>")
          .append(r.severity().label())
          .append("</td><td>")
          .append(r.requirement().map(Html::escape).orElse(""))
          .append("</td><td>")
          .append(escape(r.title()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
    for (RuleInfo r : rules) {
      b.append("<section class=\"rule\" id=\"")
          .append(anchor(r.id()))
          .append("\">\n<h3><code>")
          .append(escape(r.id()))
          .append("</code></h3>\n<p><span class=\"tag\">")
          .append(r.category().label())
          .append("</span><span class=\"tag\">")
          .append(r.severity().label())
          .append("</span>");
      r.requirement()
          .ifPresent(
              q ->
                  b.append("<span class=\"tag\"><a href=\"conformance.html#")
                      .append(escape(q))
                      .append("\">")
                      .append(escape(q))
                      .append("</a></span>"));
      b.append("<span class=\"tag\">Kubernetes ")
          .append(escape(r.versions().toString()))
          .append("</span>");
      if (!r.kinds().isEmpty()) {
        b.append("<span class=\"tag\">")
            .append(
                escape(
                    r.kinds().stream()
                        .sorted()
                        .map(GroupKind::toString)
                        .collect(Collectors.joining(", "))))
            .append("</span>");
      }
      b.append("</p>\n<p><b>")
          .append(escape(r.title()))
          .append("</b></p>\n<p>")
          .append(escape(r.description()))
          .append("</p>\n");
      r.failingExample()
          .ifPresent(y -> b.append("<p>Reported:</p>\n").append(Html.code(y, "yaml")));
      r.fixedExample().ifPresent(y -> b.append("<p>Fixed:</p>\n").append(Html.code(y, "yaml")));
      b.append("</section>\n");
    }
    return new Page("rules.html", "Rule catalogue", "Reference", b.toString());
  }

  static String anchor(String ruleId) {
    return "rule-" + ruleId.replace('.', '-');
  }
}
