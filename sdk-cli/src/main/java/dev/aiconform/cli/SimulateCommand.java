package dev.aiconform.cli;

import dev.aiconform.cli.internal.Inputs;
import dev.aiconform.cli.internal.Lines;
import dev.aiconform.cli.internal.SimulationOutput;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.validation.Diagnostic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aiconform simulate}: runs workloads on an in-memory cluster; see docs/cli.md. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = Aiconform.Version.class,
    description = {
      "Load cluster objects (Nodes, DeviceClasses, ResourceSlices, queues, …) into an in-memory"
          + " cluster, apply the workloads, run controllers and the scheduler until nothing"
          + " changes, and report where every pod landed and why the others wait.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  aiconform simulate --cluster cluster/ workloads/",
      "  aiconform simulate --cluster nodes.yaml --format json train.yaml | jq '.summary'",
      "  aiconform simulate --cluster cluster/ --kubernetes-version 1.35 -",
      "",
      "Exit codes: 0 the simulation ran (pending pods are a result, not a failure);",
      "1 a workload was rejected at admission; 2 usage error or unreadable input."
    })
final class SimulateCommand implements Callable<Integer> {
  @ParentCommand Aiconform root;

  @Spec CommandSpec spec;

  @Option(
      names = "--cluster",
      paramLabel = "PATH",
      required = true,
      description =
          "The cluster's objects: Nodes, DeviceClasses, ResourceSlices, queues (file or directory;"
              + " repeatable).")
  List<String> cluster;

  @Option(
      names = "--kubernetes-version",
      paramLabel = "V",
      converter = Options.KubernetesVersion.class,
      description = "Kubernetes version of the simulated cluster (default: ${DEFAULT-VALUE}).")
  TargetVersion version = TargetVersion.latest();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = Options.SimulationFormatName.class,
      description = "Report format: text or json (default: text).")
  SimulationOutput.Format format = SimulationOutput.Format.TEXT;

  @Mixin ColourOption colour;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Workload manifests: files or directories; - reads stdin.")
  List<String> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> all = new ArrayList<>(cluster);
    all.addAll(paths);
    Options.stdinAtMostOnce(spec, all);
    ReadResult clusterObjects = Inputs.read(cluster, root.stdin());
    ReadResult workloads = Inputs.read(paths, root.stdin());
    if (clusterObjects.hasErrors() || workloads.hasErrors()) {
      Failures.inputErrors(err, "simulate", clusterObjects.diagnostics());
      Failures.inputErrors(err, "simulate", workloads.diagnostics());
      return Aiconform.USAGE;
    }

    InMemoryCluster sim =
        InMemoryCluster.builder().targetVersion(version).objects(clusterObjects.bundle()).build();
    ApplyResult applied = sim.apply(workloads.bundle());
    SimulationReport report = withRejections(sim.report(), sim.initialApply(), applied);
    for (String problem : sim.errors()) {
      err.println("aiconform simulate: simulation problem: " + Lines.oneLine(problem));
    }
    out.print(SimulationOutput.render(format, version, report, colour.style()));
    out.flush();
    return report.rejected().isEmpty() ? Aiconform.OK : Aiconform.FINDINGS;
  }

  /**
   * The report, with the causes of every rejected object (cluster objects and workloads) listed
   * once under "rejected".
   */
  static SimulationReport withRejections(SimulationReport report, ApplyResult... applied) {
    Set<Diagnostic> rejected = new LinkedHashSet<>(report.rejected());
    for (ApplyResult result : applied) {
      for (ObjectOutcome o : result.outcomes()) {
        if (o.action() == ObjectOutcome.Action.REJECTED) {
          rejected.addAll(o.causes());
        }
      }
    }
    return new SimulationReport(report.pods(), report.groups(), new ArrayList<>(rejected));
  }
}
