package dev.aiconform.cli;

import dev.aiconform.cli.internal.DemoBundle;
import dev.aiconform.cli.internal.SimulationOutput;
import dev.aiconform.cli.internal.Style;
import dev.aiconform.cli.internal.ValidationFormat;
import dev.aiconform.cli.internal.ValidationRun;
import dev.aiconform.core.Manifest;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aiconform demo}: builds a sample bundle in code, validates it, writes its YAML and runs it
 * on the in-memory cluster.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Aiconform.Version.class,
    description = {
      "Build a sample AI workload in code (training Jobs and an inference server on GPUs),"
          + " validate it, write its YAML to a directory and run it on an in-memory cluster of"
          + " GPU nodes.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  aiconform demo",
      "  aiconform demo --output /tmp/demo --kubernetes-version 1.35",
      "  aiconform validate aiconform-demo/workloads.yaml    # then check the files it wrote",
      "",
      "Exit codes: 0 the demo ran; 2 usage error or the output directory cannot be written."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Where to write the YAML (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("aiconform-demo");

  @Option(
      names = "--kubernetes-version",
      paramLabel = "V",
      converter = Options.KubernetesVersion.class,
      description = "Kubernetes version to validate and simulate for (default: ${DEFAULT-VALUE}).")
  TargetVersion version = TargetVersion.latest();

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      converter = Options.ColourName.class,
      description = "Colour output: auto (on a terminal only), always or never (default: auto).")
  Options.Colour colour = Options.Colour.AUTO;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Style style = colour.style();
    ManifestBundle workloads = DemoBundle.workloads();
    ManifestBundle cluster = DemoBundle.cluster();

    out.println(style.bold("AIConform demo — Kubernetes " + version));
    out.println();
    out.println(
        style.bold("1. A sample AI workload, built in code (" + workloads.size() + " objects)"));
    for (Manifest m : workloads) {
      out.println("   " + m.ref().kind() + " " + qualified(m));
    }
    out.println();

    Validator validator = Validator.forVersion(version);
    ValidationReport report = validator.validate(workloads);
    out.println(
        style.bold("2. Validated like the API server and the AI Conformance program would"));
    ValidationRun run =
        new ValidationRun(
            version, workloads, report.diagnostics(), ValidateCommand.rulesOf(validator));
    out.print(indent(ValidationFormat.TEXT.render(run, Severity.ERROR, style)));
    out.println();

    Path workloadsFile = output.resolve("workloads.yaml");
    Path clusterFile = output.resolve("cluster.yaml");
    ManifestWriter.yaml().write(workloads, workloadsFile);
    ManifestWriter.yaml().write(cluster, clusterFile);
    out.println(style.bold("3. Wrote the YAML"));
    out.println("   " + workloadsFile + "  (" + workloads.size() + " objects)");
    out.println("   " + clusterFile + "  (" + cluster.size() + " nodes)");
    out.println();

    InMemoryCluster sim = InMemoryCluster.builder().targetVersion(version).objects(cluster).build();
    ApplyResult applied = sim.apply(workloads);
    SimulationReport simulation =
        SimulateCommand.withRejections(sim.report(), sim.initialApply(), applied);
    out.println(
        style.bold(
            "4. Ran it on an in-memory cluster: "
                + DemoBundle.GPU_NODES
                + " GPU nodes with "
                + DemoBundle.GPUS_PER_NODE
                + " nvidia.com/gpu each, and a CPU node"));
    out.print(indent(SimulationOutput.text(version, simulation, style)));
    out.println(style.bold("Next"));
    out.println("   aiconform validate " + workloadsFile);
    out.println("   aiconform simulate --cluster " + clusterFile + " " + workloadsFile);
    return Aiconform.OK;
  }

  private static String qualified(Manifest m) {
    return (m.ref().namespace().isEmpty() ? "" : m.ref().namespace() + "/") + m.ref().name();
  }

  private static String indent(String text) {
    return text.lines()
        .map(l -> l.isEmpty() ? "" : "   " + l)
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
