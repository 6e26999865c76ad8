package dev.aiconform.cli;

import dev.aiconform.cli.internal.ToolVersion;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code aiconform} command: validate Kubernetes manifests the way the API server and the CNCF
 * AI Conformance program would, simulate them on an in-memory cluster, and run a demo. Exit codes:
 * 0 clean, 1 findings (or a workload rejected at admission), 2 usage error or unreadable input.
 *
 * <pre>{@code
 * int exit = Aiconform.run(new String[] {"validate", "k8s/"}, System.in, System.out, System.err);
 * }</pre>
 */
@Command(
    name = "aiconform",
    mixinStandardHelpOptions = true,
    versionProvider = Aiconform.Version.class,
    description = {
      "Validate AI workloads for Kubernetes like the API server and the CNCF Kubernetes AI"
          + " Conformance program, and simulate them on an in-memory cluster."
    },
    subcommands = {
      ValidateCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      ApplyCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  aiconform validate k8s/",
      "  aiconform validate --format sarif --kubernetes-version 1.35 train.yaml > aiconform.sarif",
      "  kubectl kustomize overlays/prod | aiconform validate -",
      "  aiconform simulate --cluster cluster/ workloads/",
      "  aiconform demo",
      "",
      "Exit codes: 0 no findings at or above --fail-on; 1 findings (validate) or a workload",
      "rejected at admission (simulate); 2 usage error or unreadable input."
    })
public final class Aiconform implements Callable<Integer> {
  /** Exit code: nothing at or above the threshold. */
  public static final int OK = 0;

  /** Exit code: findings at or above the threshold, or a workload rejected at admission. */
  public static final int FINDINGS = 1;

  /** Exit code: usage error or unreadable input. */
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  private final InputStream stdin;

  private Aiconform(InputStream stdin) {
    this.stdin = stdin;
  }

  InputStream stdin() {
    return stdin;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command with the given streams and returns its exit code; never throws. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      CommandLine cmd = commandLine(in, outWriter, errWriter);
      return cmd.execute(args);
    } catch (Throwable t) {
      // Last resort: even an error picocli does not handle ends as one line and exit 2.
      errWriter.println("aiconform: " + Failures.describe(t));
      return USAGE;
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(new Aiconform(in));
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(Failures::usage);
    cmd.setExecutionExceptionHandler(Failures::execution);
    cmd.setUsageHelpWidth(100);
    return cmd;
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: validate, simulate, demo, version or help");
  }

  /** {@code aiconform 0.1.0}, for {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"aiconform " + ToolVersion.get()};
    }
  }
}
