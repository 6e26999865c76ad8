package dev.aiconform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ManifestBundle;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link RuleContext#shared}: one computation per object and run, whichever rules ask. */
class SharedValuesTest {
  final AtomicInteger computed = new AtomicInteger();
  final List<String> seen = new ArrayList<>();

  Rule asking(String id) {
    RuleInfo info =
        RuleInfo.builder()
            .id(id)
            .category(Category.PRACTICE)
            .severity(Severity.INFO)
            .addKinds(GroupKind.of("", "ConfigMap"))
            .title(id)
            .build();
    return new Rule() {
      @Override
      public RuleInfo info() {
        return info;
      }

      @Override
      public void check(HasMetadata object, RuleContext ctx) {
        seen.add(
            ctx.shared(
                SharedValuesTest.class,
                () -> object.getMetadata().getName() + "#" + computed.incrementAndGet()));
      }
    };
  }

  static HasMetadata configMap(String name) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  @Test
  void rulesOfOneObjectShareOneComputationAndEachObjectAndRunGetsItsOwn() {
    Validator validator =
        Validator.builder().rules(List.of(asking("test.a"), asking("test.b"))).build();
    ManifestBundle bundle = ManifestBundle.of(List.of(configMap("one"), configMap("two")));

    validator.validate(bundle);
    validator.validate(bundle);

    assertThat(seen)
        .containsExactly("one#1", "one#1", "two#2", "two#2", "one#3", "one#3", "two#4", "two#4");
  }
}
