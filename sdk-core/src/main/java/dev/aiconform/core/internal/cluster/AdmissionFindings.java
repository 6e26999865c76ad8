package dev.aiconform.core.internal.cluster;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.RuleSet;
import dev.aiconform.core.validation.Severity;
import java.util.List;

/**
 * What the in-memory cluster's admission reports on its own (outside the validator's rules), listed
 * so the rule catalogue documents every id a rejection can carry.
 */
public final class AdmissionFindings implements RuleSet {
  @Override
  public List<Rule> rules() {
    return List.of();
  }

  @Override
  public List<RuleInfo> otherFindings() {
    return List.of(
        RuleInfo.builder()
            .id(SimulatedCluster.NAME_RULE)
            .category(Category.API)
            .severity(Severity.ERROR)
            .title("An object needs metadata.name or metadata.generateName")
            .description(
                "The API server names every object: by metadata.name, or by metadata.generateName"
                    + " plus five random characters. An object with neither is rejected with"
                    + " \"metadata.name: Required value: name or generateName is required\""
                    + " (apiserver pkg/registry/rest/create.go).")
            .failingExample("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: ml\n")
            .fixedExample(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ml\n")
            .build(),
        RuleInfo.builder()
            .id(SimulatedCluster.PRIORITY_CLASS_RULE)
            .category(Category.API)
            .severity(Severity.ERROR)
            .addKinds(GroupKind.of("", "Pod"))
            .title("A pod's priorityClassName names an existing PriorityClass")
            .description(
                "The Priority admission plugin resolves spec.priorityClassName to the class's"
                    + " value; a class that does not exist, or a spec.priority that contradicts"
                    + " it, is forbidden (plugin/pkg/admission/priority/admission.go).")
            .failingExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: train\nspec:\n"
                    + "  priorityClassName: does-not-exist\n"
                    + "  containers:\n  - name: main\n    image: trainer:1\n")
            .fixedExample(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: train\nspec:\n"
                    + "  priorityClassName: system-cluster-critical\n"
                    + "  containers:\n  - name: main\n    image: trainer:1\n")
            .build());
  }
}
