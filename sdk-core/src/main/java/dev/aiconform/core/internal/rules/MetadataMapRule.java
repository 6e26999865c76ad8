package dev.aiconform.core.internal.rules;

import dev.aiconform.core.validation.EmbeddedPodSpec;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.function.Function;

/**
 * A rule on a string map of object metadata (labels, annotations), checked where the API server
 * checks it: on the object's own metadata ({@code metadata.labels}) and on the metadata of the pod
 * template the object holds ({@code spec.template.labels}).
 */
abstract class MetadataMapRule extends CoreRule {
  private final String field;
  private final Function<ObjectMeta, Map<String, String>> map;

  MetadataMapRule(RuleInfo info, String field, Function<ObjectMeta, Map<String, String>> map) {
    super(info);
    this.field = field;
    this.map = map;
  }

  @Override
  public final void check(HasMetadata object, RuleContext ctx) {
    if (object.getMetadata() != null) {
      checkPresent(map.apply(object.getMetadata()), FieldPath.of("metadata", field), ctx);
    }
    EmbeddedPodSpec.of(object)
        .ifPresent(
            pod ->
                pod.templatePath()
                    .ifPresent(
                        template ->
                            pod.templateMetadata()
                                .ifPresent(
                                    meta ->
                                        checkPresent(
                                            map.apply(meta), template.child(field), ctx))));
  }

  private void checkPresent(Map<String, String> entries, FieldPath path, RuleContext ctx) {
    if (entries != null) {
      check(entries, path, ctx);
    }
  }

  /** Checks one map; problems are reported at the map's own path, as the API server does. */
  abstract void check(Map<String, String> entries, FieldPath path, RuleContext ctx);
}
