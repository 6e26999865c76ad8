package dev.aiconform.cli;

import dev.aiconform.cli.internal.Style;
import picocli.CommandLine.Option;

/**
 * {@code --color WHEN}: the option of the commands whose report may be coloured text (validate,
 * simulate), added to each as a picocli mixin.
 *
 * <pre>{@code
 * @Mixin ColourOption colour;
 * out.print(format.render(run, failOn.severity, colour.style()));
 * }</pre>
 */
final class ColourOption {
  @Option(
      names = "--color",
      paramLabel = "WHEN",
      converter = Options.ColourName.class,
      description =
          "Colour text output: auto (on a terminal only), always or never (default: auto).")
  Options.Colour colour = Options.Colour.AUTO;

  /** The style the chosen colouring stands for. */
  Style style() {
    return colour.style();
  }
}
