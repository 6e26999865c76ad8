package dev.aiconform.core.cluster;

import dev.aiconform.core.AiconformStyle;
import org.immutables.value.Value;

/**
 * How to apply a bundle: dry run, the server-side-apply field manager and whether to force
 * conflicts.
 *
 * <pre>{@code
 * ApplyOptions.builder().dryRun(ApplyOptions.DryRun.SERVER).build()
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class ApplyOptions {
  /** Where a dry run stops. */
  public enum DryRun {
    /** Really apply. */
    NONE,
    /** Validate locally (admission rules), send nothing. */
    CLIENT,
    /** Send with {@code dryRun=All}: the server admits but does not persist. */
    SERVER
  }

  /** The field manager of server-side apply. */
  public static final String DEFAULT_FIELD_MANAGER = "aiconform";

  @Value.Default
  public DryRun dryRun() {
    return DryRun.NONE;
  }

  @Value.Default
  public String fieldManager() {
    return DEFAULT_FIELD_MANAGER;
  }

  /** Take ownership of fields another manager owns (server-side apply {@code force=true}). */
  @Value.Default
  public boolean forceConflicts() {
    return false;
  }

  public static ApplyOptions defaults() {
    return ImmutableApplyOptions.builder().build();
  }

  public static ImmutableApplyOptions.Builder builder() {
    return ImmutableApplyOptions.builder();
  }

  @Value.Check
  protected void check() {
    String fm = fieldManager();
    if (fm.isEmpty() || fm.length() > 128 || !fm.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "field manager must be 1-128 printable ASCII characters, was '" + fm + "'");
    }
  }
}
