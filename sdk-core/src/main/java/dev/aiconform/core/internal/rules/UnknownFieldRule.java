package dev.aiconform.core.internal.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.VersionRange;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.FieldPath;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleContext;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fields the Kubernetes API does not define. kubectl and server-side apply validate fields strictly
 * by default ({@code --validate=strict}), so the API server answers "strict decoding error: unknown
 * field" instead of dropping them. fabric8 keeps such fields in each model's {@code
 * additionalProperties}, which is where this rule finds them; kinds without a fabric8 model (custom
 * resources) are not checked.
 */
public final class UnknownFieldRule implements Rule {
  private static final RuleInfo INFO =
      RuleInfo.builder()
          .id("yaml.unknown-field")
          .category(Category.API)
          .severity(Severity.ERROR)
          .title("Fields the Kubernetes API does not define")
          .description(
              "The API server validates fields strictly by default (kubectl --validate=strict,"
                  + " server-side apply) and rejects an object with a field its schema does not"
                  + " define, usually a typo or a field at the wrong level. Checked for every kind"
                  + " with a fabric8 model; custom resources are not checked.")
          .failingExample(
              "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n"
                  + "    image: busybox\n    resource:\n      limits:\n        cpu: 1\n")
          .fixedExample(
              "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n"
                  + "    image: busybox\n    resources:\n      limits:\n        cpu: 1\n")
          .build();

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  /**
   * Fields an older version defines that the fabric8 model (built from the newest API) no longer
   * has, with the versions that define them: the 1.35 Workload API's Pod {@code spec.workloadRef},
   * tombstoned in 1.36 (k8s.io/api core/v1 types.go, field 42).
   */
  private static final Map<Class<?>, Map<String, VersionRange>> OLDER_FIELDS =
      Map.of(PodSpec.class, Map.of("workloadRef", VersionRange.only(TargetVersion.V1_35)));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean appliesTo(HasMetadata object) {
    return !(object instanceof GenericKubernetesResource);
  }

  @Override
  public void check(HasMetadata object, RuleContext context) {
    walk(context.original(), FieldPath.root(), context);
  }

  private void walk(Object value, FieldPath path, RuleContext ctx) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object item : (Collection<?>) value) {
        walk(item, path.index(i++), ctx);
      }
      return;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        walk(e.getValue(), path.key(String.valueOf(e.getKey())), ctx);
      }
      return;
    }
    if (!isModel(value.getClass()) || value instanceof GenericKubernetesResource) {
      return;
    }
    for (Field f : fields(value.getClass())) {
      Object v;
      try {
        v = f.get(value);
      } catch (IllegalAccessException e) {
        continue;
      }
      if (f.getName().equals("additionalProperties")) {
        if (v instanceof Map) {
          for (Object key : ((Map<?, ?>) v).keySet()) {
            VersionRange known =
                OLDER_FIELDS.getOrDefault(value.getClass(), Map.of()).get(String.valueOf(key));
            if (known != null && known.contains(ctx.targetVersion())) {
              continue;
            }
            FieldPath at = child(path, String.valueOf(key));
            ctx.report(
                at,
                null,
                "unknown field \""
                    + at
                    + "\": "
                    + value.getClass().getSimpleName()
                    + " has no field \""
                    + key
                    + "\"",
                "check the spelling and the indentation (kubectl explain shows the fields"
                    + " of each level)");
          }
        }
      } else if (f.getType() != Object.class) {
        // Object-typed fields (opaque driver parameters, raw extensions) have no schema to check
        walk(v, child(path, jsonName(f)), ctx);
      }
    }
  }

  private static FieldPath child(FieldPath path, String name) {
    return path.isRoot() ? FieldPath.of(name) : path.child(name);
  }

  private static boolean isModel(Class<?> c) {
    return c.getName().startsWith("io.fabric8.kubernetes.api.model.")
        && !c.getName().equals("io.fabric8.kubernetes.api.model.Quantity")
        && !c.getName().equals("io.fabric8.kubernetes.api.model.IntOrString");
  }

  private static List<Field> fields(Class<?> c) {
    return FIELDS.computeIfAbsent(
        c,
        k -> {
          List<Field> out = new ArrayList<>();
          for (Class<?> t = k; t != null && t != Object.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
              if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                continue;
              }
              if (f.trySetAccessible()) {
                out.add(f);
              }
            }
          }
          return out;
        });
  }

  private static String jsonName(Field f) {
    JsonProperty p = f.getAnnotation(JsonProperty.class);
    return p != null && !p.value().isEmpty() ? p.value() : f.getName();
  }
}
