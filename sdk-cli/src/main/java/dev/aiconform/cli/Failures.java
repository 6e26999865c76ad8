package dev.aiconform.cli;

import static dev.aiconform.cli.internal.Lines.oneLine;

import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command ends when something goes wrong: one line on stderr and exit 2, never a stack
 * trace.
 */
final class Failures {
  private Failures() {}

  /** A usage error: what was wrong and where to read about it. */
  static int usage(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    cmd.getErr().println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
    return Aiconform.USAGE;
  }

  /** An exception from a command: reported in one line. */
  static int execution(Exception e, CommandLine cmd, ParseResult parseResult) {
    cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + describe(e));
    return Aiconform.USAGE;
  }

  /**
   * Each error among the diagnostics of the command's input, one line each on stderr (warnings are
   * the report's business).
   */
  static void inputErrors(PrintWriter err, String command, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Severity.ERROR) {
        err.println("aiconform " + command + ": " + oneLine(d.toString()));
      }
    }
  }

  static String describe(Throwable t) {
    if (t instanceof OutOfMemoryError) {
      return "out of memory: the input is too large for this JVM (try a larger -Xmx)";
    }
    if (t instanceof StackOverflowError) {
      return "the input is nested too deeply to process";
    }
    String message = t.getMessage();
    if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
      return "cannot read or write a file: "
          + t.getClass().getSimpleName().replace("Exception", "")
          + (message == null ? "" : " " + oneLine(message));
    }
    return (t instanceof IllegalArgumentException || t instanceof IllegalStateException
            ? ""
            : "internal error (" + t.getClass().getSimpleName() + "): ")
        + oneLine(message == null ? "no detail" : message);
  }
}
