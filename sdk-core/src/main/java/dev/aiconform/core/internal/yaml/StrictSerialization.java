package dev.aiconform.core.internal.yaml;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.model.jackson.Jackson2JdkTypesModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The fabric8 serialization used to read manifests: fabric8's default mapper, but refusing the
 * scalar coercions the API server refuses (a number or boolean where a string belongs, a string or
 * boolean where a number belongs), so {@code version: 1.0} in labels is an error here as it is for
 * kubectl, instead of silently becoming {@code "1.0"}.
 */
final class StrictSerialization {
  private static final KubernetesSerialization INSTANCE =
      new KubernetesSerialization(
          JsonMapper.builderWithJackson2Defaults()
              .addModule(new Jackson2JdkTypesModule())
              .withCoercionConfig(
                  LogicalType.Textual,
                  c ->
                      c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
              .withCoercionConfig(
                  LogicalType.Integer,
                  c ->
                      c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
              .withCoercionConfig(
                  LogicalType.Boolean,
                  c ->
                      c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
              .build(),
          true);

  private StrictSerialization() {}

  static KubernetesSerialization get() {
    return INSTANCE;
  }
}
