package dev.aiconform.cli;

import dev.aiconform.cli.internal.ToolVersion;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.conformance.ConformanceVersion;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aiconform version}: the tool version and what it validates for. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = Aiconform.Version.class,
    description =
        "Print the version, the supported Kubernetes versions and the AI conformance checklists.",
    footerHeading = "%nExamples:%n",
    footer = {"  aiconform version", "  aiconform --version"})
final class VersionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("aiconform " + ToolVersion.get());
    out.println(
        "Kubernetes versions: "
            + TargetVersion.supportedLabels()
            + " (default "
            + TargetVersion.latest()
            + ")");
    out.println(
        "AI conformance checklists: "
            + Arrays.stream(ConformanceVersion.values())
                .map(ConformanceVersion::label)
                .collect(Collectors.joining(", ")));
    out.println(
        "Java: "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    return Aiconform.OK;
  }
}
