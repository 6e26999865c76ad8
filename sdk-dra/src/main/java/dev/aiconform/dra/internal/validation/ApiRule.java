package dev.aiconform.dra.internal.validation;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Set;

/**
 * One API rule: reports the findings of {@link ResourceApiValidation} (or {@link
 * PodClaimValidation}) that carry its id. The walk runs once per object and is shared by all rules
 * through a one-entry cache.
 */
final class ApiRule implements Rule {
  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  private final RuleInfo info;

  ApiRule(
      String id,
      Set<GroupKind> kinds,
      String title,
      String description,
      String failing,
      String fixed) {
    this.info =
        RuleInfo.builder()
            .id(id)
            .category(Category.API)
            .severity(Severity.ERROR)
            .kinds(kinds)
            .title(title)
            .description(description)
            .failingExample(java.util.Optional.ofNullable(failing))
            .fixedExample(java.util.Optional.ofNullable(fixed))
            .build();
  }

  @Override
  public RuleInfo info() {
    return info;
  }

  @Override
  public boolean appliesTo(HasMetadata object) {
    return info.kinds().stream().anyMatch(k -> k.matches(object)) || (info.kinds().isEmpty());
  }

  @Override
  public void check(HasMetadata object, RuleContext ctx) {
    for (ResourceApiValidation.Finding f : findings(object, ctx)) {
      if (f.rule().equals(info.id())) {
        ctx.report(f.path(), f.reason(), f.message(), f.hint());
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<ResourceApiValidation.Finding> findings(HasMetadata object, RuleContext ctx) {
    Object[] last = LAST.get();
    String gatesKey = DraRuleSet.gatesKey(ctx);
    if (last != null
        && last[0] == object
        && last[1].equals(gatesKey)
        && last[2] == ctx.targetVersion()) {
      return (List<ResourceApiValidation.Finding>) last[3];
    }
    List<ResourceApiValidation.Finding> f =
        new java.util.ArrayList<>(
            ResourceApiValidation.validate(object, ctx::isEnabled, ctx.targetVersion()));
    f.addAll(PodClaimValidation.validate(object));
    LAST.set(new Object[] {object, gatesKey, ctx.targetVersion(), f});
    return f;
  }
}
