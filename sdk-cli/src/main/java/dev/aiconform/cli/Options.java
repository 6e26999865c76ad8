package dev.aiconform.cli;

import dev.aiconform.cli.internal.Inputs;
import dev.aiconform.cli.internal.SimulationOutput;
import dev.aiconform.cli.internal.Style;
import dev.aiconform.cli.internal.ValidationFormat;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Severity;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Option types shared by the commands. */
final class Options {
  private Options() {}

  /** Standard input can be read once: {@code -} may appear once among all PATHs. */
  static void stdinAtMostOnce(CommandSpec spec, List<String> paths) {
    if (paths.stream().filter(Inputs.STDIN::equals).count() > 1) {
      throw new ParameterException(
          spec.commandLine(), "'-' (standard input) can be given only once");
    }
  }

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

  /** Reads an enum option in any case and names the accepted values in lower case. */
  abstract static class LowerCaseEnum<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    LowerCaseEnum(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(value.trim())) {
          return e;
        }
      }
      throw new TypeConversionException(
          "'"
              + value
              + "' is not one of "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
  }

  static final class ValidationFormatName extends LowerCaseEnum<ValidationFormat> {
    ValidationFormatName() {
      super(ValidationFormat.class);
    }
  }

  static final class SimulationFormatName extends LowerCaseEnum<SimulationOutput.Format> {
    SimulationFormatName() {
      super(SimulationOutput.Format.class);
    }
  }

  static final class FailOnName extends LowerCaseEnum<FailOn> {
    FailOnName() {
      super(FailOn.class);
    }
  }

  static final class ColourName extends LowerCaseEnum<Colour> {
    ColourName() {
      super(Colour.class);
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
