package dev.aiconform.cli;

import dev.aiconform.cli.internal.Style;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option types shared by the commands. */
final class Options {
  private Options() {}

  /** {@code --kubernetes-version 1.36}: one of the supported target versions. */
  static final class KubernetesVersion implements ITypeConverter<TargetVersion> {
    @Override
    public TargetVersion convert(String value) {
      return TargetVersion.find(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unsupported Kubernetes version '"
                          + value
                          + "': expected one of "
                          + TargetVersion.supportedLabels()));
    }
  }

  /** {@code --fail-on}: the least serious finding that makes the exit code 1. */
  enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING);

    final Severity severity;

    FailOn(Severity severity) {
      this.severity = severity;
    }
  }

  /** {@code --color}: colour text output on a terminal only (auto), always or never. */
  enum Colour {
    AUTO,
    ALWAYS,
    NEVER;

    Style style() {
      switch (this) {
        case ALWAYS:
          return Style.colour();
        case NEVER:
          return Style.plain();
        default:
          return Style.detect();
      }
    }
  }
}
