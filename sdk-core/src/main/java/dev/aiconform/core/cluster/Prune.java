package dev.aiconform.core.cluster;

import dev.aiconform.core.AiconformStyle;
import dev.aiconform.core.GroupKind;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Prune for an apply: every applied object is labelled {@code <labelKey>=<bundleName>}, and objects
 * of the cluster carrying that label that are no longer in the bundle are deleted afterwards (only
 * when every object of the bundle applied). Only kinds in the bundle, in {@link #kinds()}, or among
 * the kinds AIConform renders are looked at.
 *
 * <pre>{@code
 * cluster.apply(bundle, ApplyOptions.defaults(), Prune.bundle("train"));
 * // labels objects aiconform.dev/bundle=train; deletes labelled objects no longer in the bundle
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class Prune {
  public static final String DEFAULT_LABEL_KEY = "aiconform.dev/bundle";

  // staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go: LabelValueMaxLength
  private static final int LABEL_VALUE_MAX_LENGTH = 63;
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  /** The bundle's name: the label value. */
  public abstract String bundleName();

  @Value.Default
  public String labelKey() {
    return DEFAULT_LABEL_KEY;
  }

  /** More kinds to look for labelled leftovers in, beyond the bundle's and the rendered ones. */
  public abstract Set<GroupKind> kinds();

  /** {@code aiconform.dev/bundle=<bundleName>}. */
  public String selector() {
    return labelKey() + "=" + bundleName();
  }

  public static Prune bundle(String bundleName) {
    return ImmutablePrune.builder().bundleName(bundleName).build();
  }

  public static ImmutablePrune.Builder builder() {
    return ImmutablePrune.builder();
  }

  @Value.Check
  protected void check() {
    String v = bundleName();
    if (v.isEmpty() || v.length() > LABEL_VALUE_MAX_LENGTH || !LABEL_VALUE.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "bundle name must be a label value (1-63 characters: letters, digits, '-', '_', '.',"
              + " starting and ending with a letter or digit), was '"
              + v
              + "'");
    }
  }
}
