package dev.aiconform.cli;

import dev.aiconform.autoscale.Dcgm;
import dev.aiconform.autoscale.ReplicaTimeline;
import dev.aiconform.autoscale.ScalingStep;
import dev.aiconform.autoscale.Vllm;
import dev.aiconform.cli.internal.Lines;
import dev.aiconform.cli.internal.Style;
import dev.aiconform.cli.internal.Table;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.cluster.ApplyOptions;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.ClusterCapabilities;
import dev.aiconform.core.cluster.Fabric8ClusterClient;
import dev.aiconform.core.cluster.InMemoryCluster;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.SimulationReport;
import dev.aiconform.core.cluster.SimulationReport.Device;
import dev.aiconform.core.cluster.SimulationReport.Group;
import dev.aiconform.core.cluster.SimulationReport.Phase;
import dev.aiconform.core.cluster.SimulationReport.PodPlacement;
import dev.aiconform.core.conformance.ConformanceVersion;
import dev.aiconform.core.conformance.Requirement;
import dev.aiconform.core.conformance.RequirementCatalogue;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.Severity;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import dev.aiconform.examples.Clusters;
import dev.aiconform.examples.FineTuning;
import dev.aiconform.examples.LlmInference;
import dev.aiconform.gang.GangBackend;
import dev.aiconform.gang.GangRenderException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aiconform demo}: the README's main job. Builds the fine-tuning and inference examples in
 * code, validates them for a Kubernetes version and its AI-conformance checklist, writes their
 * YAML, runs the training gang on an in-memory cluster of H100 nodes (and one worker too many, to
 * show all-or-nothing), and replays the inference autoscaler over a synthetic rush hour.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Aiconform.Version.class,
    description = {
      "Build two AI workloads in code (distributed fine-tuning on H100s, gang-scheduled; vLLM"
          + " inference, autoscaled), validate them for Kubernetes and AI Conformance, write their"
          + " YAML, run the training gang on an in-memory cluster of 4 nodes x 8 H100 (and with"
          + " one worker too many, all or nothing) and replay the autoscaler over a rush hour.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  aiconform demo",
      "  aiconform demo --output /tmp/demo --kubernetes-version 1.36",
      "  aiconform demo --kubeconfig ~/.kube/config            # server-side dry run on a cluster",
      "  aiconform demo --kubeconfig ~/.kube/config --apply",
      "  aiconform validate aiconform-demo/inference/hpa.yaml    # then use the files it wrote",
      "",
      "Exit codes: 0 the demo ran; 2 usage error or the output directory cannot be written."
    })
final class DemoCommand implements Callable<Integer> {
  /** Nodes of the demo's in-memory cluster, each with 8 H100 80GB. */
  static final int NODES = 4;

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
      description =
          "Kubernetes version (and AI Conformance checklist) to render, validate and simulate for"
              + " (default: ${DEFAULT-VALUE}).")
  TargetVersion version = TargetVersion.latest();

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      converter = Options.ColourName.class,
      description = "Colour output: auto (on a terminal only), always or never (default: auto).")
  Options.Colour colour = Options.Colour.AUTO;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Apply the fine-tuning gang and the inference server to the cluster of this kubeconfig"
              + " instead of simulating them: a server-side dry run (nothing stored) unless"
              + " --apply.")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "With --kubeconfig: the kubeconfig context to use (default: its current one).")
  String context;

  @Option(
      names = "--apply",
      description =
          "With --kubeconfig: really apply (server-side apply, field manager aiconform) instead of"
              + " the server-side dry run.")
  boolean apply;

  /** One rendering of an example: the file it is written to, what it is, its objects. */
  record Rendering(
      String file, String title, ManifestBundle bundle, Map<String, String> intentional) {}

  private PrintWriter out;
  private Style style;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    style = colour.style();
    if ((apply || context != null) && kubeconfig == null) {
      throw new ParameterException(
          spec.commandLine(),
          (apply ? "--apply" : "--context") + " needs --kubeconfig FILE: the cluster to apply to");
    }
    if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
      throw new ParameterException(
          spec.commandLine(), "--kubeconfig " + kubeconfig + ": no such readable file");
    }
    ConformanceVersion conformance = ConformanceVersion.of(version);
    out.println(
        style.bold(
            "AIConform demo — Kubernetes " + version + ", AI Conformance " + conformance.label()));
    out.println();

    List<Rendering> renderings = build();
    validate(renderings, conformance);
    Path cluster = write(renderings);
    Rendering gang = renderings.get(0);
    if (kubeconfig != null) {
      if (!applyToCluster(renderings)) {
        out.flush();
        return Aiconform.USAGE;
      }
    } else {
      simulateGang(gang);
      allOrNothing(gang);
    }
    autoscale();
    next(renderings, cluster);
    out.flush();
    return Aiconform.OK;
  }

  // ---------------------------------------------------------------- 1. build

  private List<Rendering> build() {
    out.println(section("1. Two AI workloads, built in code (module examples)"));
    out.println("   Distributed fine-tuning  FineTuning: 4 workers x 8 H100 80GB, all or nothing");
    out.println(
        "   LLM inference with vLLM  LlmInference: one H100, else 2 A100, else a MIG slice;"
            + " autoscaled");
    out.println();
    List<Rendering> renderings = new ArrayList<>();
    try {
      renderings.add(
          new Rendering(
              "fine-tuning/workload-api.yaml",
              "fine-tuning, native Workload API",
              FineTuning.workloadApi(version, FineTuning.WORKERS),
              FineTuning.INTENTIONAL_FINDINGS));
    } catch (GangRenderException e) {
      out.println("   " + style.dim("(no Workload API rendering: " + e.getMessage() + ")"));
    }
    renderings.add(
        new Rendering(
            "fine-tuning/kueue.yaml",
            "fine-tuning, Kueue (JobSet)",
            FineTuning.kueue(version, FineTuning.WORKERS),
            FineTuning.INTENTIONAL_FINDINGS));
    renderings.add(
        new Rendering(
            "inference/hpa.yaml",
            "inference, HPA + prometheus-adapter",
            LlmInference.withHpa(),
            LlmInference.INTENTIONAL_FINDINGS));
    renderings.add(
        new Rendering(
            "inference/keda.yaml",
            "inference, KEDA",
            LlmInference.withKeda(),
            LlmInference.INTENTIONAL_FINDINGS));
    Table t = Table.of("rendering", ">objects", "kinds");
    for (Rendering r : renderings) {
      t.row(r.title(), r.bundle().size(), kinds(r.bundle()));
    }
    out.print(t.render("   ", style));
    out.println();
    return renderings;
  }

  private static String kinds(ManifestBundle bundle) {
    Set<String> kinds = new LinkedHashSet<>();
    bundle.forEach(m -> kinds.add(m.ref().kind()));
    return String.join(", ", kinds);
  }

  // ---------------------------------------------------------------- 2. validate

  private void validate(List<Rendering> renderings, ConformanceVersion conformance) {
    out.println(
        section(
            "2. Validated for Kubernetes "
                + version
                + " and AI Conformance "
                + conformance.label()
                + " (every rule of every module)"));
    Validator validator = Validator.forVersion(version);
    Table summary = Table.of("file", ">objects", ">errors", ">warnings", ">infos");
    List<Diagnostic> all = new ArrayList<>();
    Map<String, List<String>> fileOf = new LinkedHashMap<>();
    Map<String, String> intentional = new TreeMap<>();
    for (Rendering r : renderings) {
      ValidationReport report = validator.validate(r.bundle());
      summary.row(
          r.file(),
          report.objects(),
          count(report.errors().size(), Severity.ERROR),
          count(report.warnings().size(), Severity.WARNING),
          report.infos().size());
      for (Diagnostic d : report.diagnostics()) {
        all.add(d);
        fileOf.computeIfAbsent(d.rule(), k -> new ArrayList<>()).add(r.file());
        if (r.intentional().containsKey(d.rule())) {
          intentional.put(d.rule(), r.intentional().get(d.rule()));
        }
      }
    }
    out.print(summary.render("   ", style));
    out.println();
    Map<String, List<Diagnostic>> byRule = new LinkedHashMap<>();
    all.forEach(d -> byRule.computeIfAbsent(d.rule(), k -> new ArrayList<>()).add(d));
    for (Map.Entry<String, List<Diagnostic>> e : byRule.entrySet()) {
      Diagnostic first = e.getValue().get(0);
      long files = fileOf.get(e.getKey()).stream().distinct().count();
      out.println(
          "   "
              + style.severity(first.severity(), first.severity().label())
              + "  "
              + e.getKey()
              + style.dim(
                  "  ("
                      + e.getValue().size()
                      + (e.getValue().size() == 1 ? " finding" : " findings")
                      + " in "
                      + files
                      + (files == 1 ? " file" : " files")
                      + ")"));
      out.println("      " + first.message());
      String why = intentional.get(e.getKey());
      out.println(
          "      "
              + (why != null ? style.green("kept on purpose: ") + why : "fix: " + first.hint()));
    }
    if (!byRule.isEmpty()) {
      out.println();
    }
    conformance(validator, conformance, all);
  }

  private String count(int n, Severity severity) {
    return n == 0 ? "0" : style.severity(severity, Integer.toString(n));
  }

  /** The requirements of the checklist that rules check statically, with their findings. */
  private void conformance(
      Validator validator, ConformanceVersion conformance, List<Diagnostic> all) {
    Map<String, Integer> rules = new TreeMap<>();
    for (Rule r : validator.rules()) {
      r.info().requirement().ifPresent(q -> rules.merge(q, 1, Integer::sum));
    }
    Table t = Table.of("requirement", "level", ">rules", ">findings");
    List<String> unchecked = new ArrayList<>();
    for (Requirement q : RequirementCatalogue.of(conformance).requirements()) {
      Integer n = rules.get(q.id());
      if (n == null) {
        unchecked.add(q.id());
        continue;
      }
      long findings =
          all.stream()
              .filter(d -> d.requirement().filter(q.id()::equals).isPresent())
              .filter(d -> d.severity() != Severity.INFO)
              .count();
      t.row(
          q.id(),
          q.level() + (q.conditional() ? " (if applicable)" : ""),
          n,
          findings == 0
              ? Table.styled("0", style::green)
              : Table.styled(Long.toString(findings), s -> style.severity(Severity.WARNING, s)));
    }
    out.println(
        "   AI Conformance "
            + conformance.label()
            + ": requirements that rules check in manifests");
    out.print(t.render("   ", style));
    out.println(
        style.dim(
            "   "
                + unchecked.size()
                + " more need a live cluster to show: "
                + String.join(", ", unchecked)));
    out.println();
  }

  // ---------------------------------------------------------------- 3. write

  private Path write(List<Rendering> renderings) throws IOException {
    out.println(section("3. Wrote the YAML to " + output));
    Table t = Table.of("file", ">objects", "what");
    for (Rendering r : renderings) {
      Path file = output.resolve(r.file());
      ManifestWriter.yaml().write(r.bundle(), file);
      t.row(r.file(), r.bundle().size(), r.title());
    }
    ManifestBundle inventory = ManifestBundle.of(Clusters.h100Nodes(NODES));
    Path cluster = output.resolve("cluster.yaml");
    ManifestWriter.yaml().write(inventory, cluster);
    t.row(
        "cluster.yaml",
        inventory.size(),
        "the cluster: " + NODES + " nodes x 8 H100 80GB, the NVIDIA DeviceClasses");
    out.print(t.render("   ", style));
    out.println();
    return cluster;
  }

  // ---------------------------------------------------------------- 4. + 5. simulate

  private SimulationReport simulate(ManifestBundle bundle) {
    List<HasMetadata> inventory = Clusters.h100Nodes(NODES);
    InMemoryCluster cluster =
        InMemoryCluster.builder().targetVersion(version).objects(inventory).build();
    ApplyResult applied = cluster.apply(bundle);
    return SimulateCommand.withRejections(cluster.report(), cluster.initialApply(), applied);
  }

  private void simulateGang(Rendering gang) {
    out.println(
        section(
            "4. The fine-tuning gang ("
                + gang.title().replace("fine-tuning, ", "")
                + ") on an in-memory cluster of "
                + NODES
                + " nodes x 8 H100 80GB"));
    SimulationReport report = simulate(gang.bundle());
    groups(report);
    Table pods = Table.of("pod", "node", "devices (request: GPUs)");
    for (PodPlacement p : report.pods()) {
      pods.row(
          p.namespace() + "/" + p.name(),
          p.node().orElse("-"),
          p.phase() == Phase.BOUND ? devices(p.devices()) : "pending: " + p.reason().orElse(""));
    }
    out.print(pods.render("   ", style));
    rejected(report);
    out.println();
  }

  private void allOrNothing(Rendering gang) {
    int workers = FineTuning.WORKERS + 1;
    out.println(
        section(
            "5. All or nothing: the same gang with "
                + workers
                + " workers on the same "
                + NODES
                + " nodes"));
    ManifestBundle bigger =
        gang.file().contains("kueue")
            ? FineTuning.kueue(version, workers)
            : FineTuning.workloadApi(version, workers);
    SimulationReport report = simulate(bigger);
    groups(report);
    long pending = report.pending();
    out.println(
        "   "
            + report.bound()
            + " of "
            + report.pods().size()
            + " pods bound, "
            + pending
            + " pending: no worker holds a GPU while the gang cannot start");
    Set<String> reasons = new LinkedHashSet<>();
    for (PodPlacement p : report.pods()) {
      p.reason().ifPresent(reasons::add);
    }
    for (String reason : reasons) {
      out.println("   reason: " + reason);
    }
    rejected(report);
    out.println();
  }

  private void groups(SimulationReport report) {
    for (Group g : report.groups()) {
      out.println(
          "   gang "
              + g.namespace()
              + "/"
              + g.name()
              + " ("
              + g.backend()
              + "): "
              + (g.admitted() ? style.green("admitted") : style.red("not admitted"))
              + ", "
              + g.bound()
              + " of "
              + g.minCount()
              + " members bound");
    }
  }

  private void rejected(SimulationReport report) {
    for (Diagnostic d : report.rejected()) {
      out.println("   " + style.severity(Severity.ERROR, "rejected") + "  " + d);
    }
  }

  /** {@code pair-0: gpu-0 gpu-1 pair-1: gpu-2 gpu-3}, requests in order. */
  static String devices(List<Device> devices) {
    Map<String, List<String>> byRequest = new LinkedHashMap<>();
    for (Device d : devices) {
      byRequest.computeIfAbsent(d.request(), k -> new ArrayList<>()).add(d.device());
    }
    if (byRequest.isEmpty()) {
      return "-";
    }
    return byRequest.entrySet().stream()
        .map(e -> e.getKey() + ": " + String.join(" ", e.getValue()))
        .collect(Collectors.joining("  "));
  }

  // ---------------------------------------------------------------- 4. a real cluster

  /**
   * Applies the gang (in the rendering the cluster serves) and the inference server (KEDA where the
   * cluster serves it, else the HPA) with the fabric8 client; false when the cluster cannot be
   * used.
   */
  private boolean applyToCluster(List<Rendering> renderings) {
    String mode = apply ? "applied" : "server-side dry run: the API server admits, stores nothing";
    Fabric8ClusterClient.Builder builder = Fabric8ClusterClient.builder().kubeconfig(kubeconfig);
    if (context != null) {
      builder.context(context);
    }
    try (Fabric8ClusterClient cluster = builder.build()) {
      ClusterCapabilities caps = cluster.capabilities();
      String server = cluster.kubernetesClient().getMasterUrl().toString().replaceAll("/$", "");
      out.println(
          section(
              "4. Applied to "
                  + server
                  + caps.serverVersion().map(v -> " (" + v + ")").orElse("")
                  + " — "
                  + mode));
      boolean nativeApi = GangBackend.NATIVE.isServedBy(caps);
      boolean kueue = GangBackend.KUEUE.isServedBy(caps);
      boolean keda = caps.serves("keda.sh/v1alpha1");
      List<Rendering> chosen = new ArrayList<>();
      for (Rendering r : renderings) {
        boolean wanted =
            r.file().equals("fine-tuning/workload-api.yaml")
                ? nativeApi || !kueue
                : r.file().equals("fine-tuning/kueue.yaml")
                    ? kueue && !nativeApi
                    : r.file().equals("inference/keda.yaml") == keda;
        if (wanted) {
          chosen.add(r);
        }
      }
      out.println(
          "   the cluster serves"
              + (nativeApi ? " the Workload API" : "")
              + (kueue ? (nativeApi ? ", Kueue" : " Kueue") : "")
              + (keda ? ", KEDA" : "")
              + (nativeApi || kueue || keda ? "" : " none of the Workload API, Kueue or KEDA")
              + ": applying "
              + chosen.stream().map(Rendering::file).collect(Collectors.joining(" and ")));
      ApplyOptions options =
          ApplyOptions.builder()
              .dryRun(apply ? ApplyOptions.DryRun.NONE : ApplyOptions.DryRun.SERVER)
              .build();
      for (Rendering r : chosen) {
        ApplyResult result = cluster.apply(r.bundle(), options);
        out.println();
        out.println(
            "   "
                + r.file()
                + ": "
                + (result.isSuccess()
                    ? style.green(result.outcomes().size() + " objects ok")
                    : style.red(result.failures().size() + " failed")));
        Table t = Table.of("object", "result", "message");
        for (ObjectOutcome o : result.outcomes()) {
          String action = o.action().name().toLowerCase(java.util.Locale.ROOT);
          t.row(
              o.ref().kind() + " " + qualified(o.ref()),
              o.action().isFailure() ? Table.styled(action, style::red) : action,
              Lines.oneLine(o.message()));
        }
        out.print(t.render("   ", style));
      }
      out.println();
      return true;
    } catch (RuntimeException e) {
      spec.commandLine()
          .getErr()
          .println(
              "aiconform demo: cannot use the cluster of "
                  + kubeconfig
                  + (context == null ? "" : " (context " + context + ")")
                  + ": "
                  + Lines.oneLine(
                      e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return false;
    }
  }

  private static String qualified(dev.aiconform.core.ObjectRef ref) {
    return (ref.namespace().isEmpty() ? "" : ref.namespace() + "/") + ref.name();
  }

  // ---------------------------------------------------------------- 6. autoscale

  private void autoscale() {
    out.println(
        section(
            "6. vLLM autoscaling through a synthetic rush hour (HPA controller, a sync every 15 s)"));
    out.println(
        "   requests waiting: 0 rising to 60 over 5 min, held until 15 min, then 3;"
            + " GPU engines busy with them;");
    out.println(
        "   a new pod is ready "
            + LlmInference.POD_STARTUP.toSeconds()
            + " s after it is created; HPA: "
            + "5 waiting requests or 70 % engine activity per pod, 1-8 replicas");
    ReplicaTimeline timeline = LlmInference.rushHour();
    Table t = Table.of(">time", ">waiting", "replicas", ">ready", "the HPA read");
    for (ScalingStep s : timeline.changes()) {
      t.row(
          clock(s.at()),
          decimal(LlmInference.RUSH_HOUR.at(s.at())),
          s.replicas() + " -> " + s.desiredReplicas(),
          s.readyReplicas(),
          why(s));
    }
    out.print(t.render("   ", style));
    out.println(
        "   "
            + timeline.maxReplicas()
            + " replicas at "
            + timeline.firstTimeAtLeast(timeline.maxReplicas()).map(DemoCommand::clock).orElse("-")
            + ", all ready at "
            + timeline.firstTimeReady(timeline.maxReplicas()).map(DemoCommand::clock).orElse("-")
            + "; back to "
            + timeline.finalReplicas()
            + " at "
            + lastChange(timeline).map(DemoCommand::clock).orElse("-"));
    out.println();
  }

  /** When the replica count last changed. */
  private static java.util.Optional<Duration> lastChange(ReplicaTimeline timeline) {
    List<ScalingStep> changes = timeline.changes();
    return changes.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(changes.get(changes.size() - 1).at());
  }

  /** What the HPA read per pod: requests waiting and GPU engine activity. */
  private static String why(ScalingStep s) {
    List<String> readings = new ArrayList<>();
    BigDecimal waiting = s.usage().get(Vllm.NUM_REQUESTS_WAITING.apiName());
    if (waiting != null) {
      readings.add(decimal(waiting.doubleValue()) + " waiting");
    }
    BigDecimal busy = s.usage().get(Dcgm.GR_ENGINE_ACTIVE.apiName());
    if (busy != null) {
      readings.add(Math.round(busy.doubleValue() * 100) + " % busy");
    }
    return String.join(", ", readings) + " per pod";
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String decimal(double v) {
    return v == Math.rint(v)
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  // ---------------------------------------------------------------- next

  private void next(List<Rendering> renderings, Path cluster) {
    out.println(section("Next"));
    Path gang = output.resolve(renderings.get(0).file());
    out.println("   aiconform validate " + output.resolve("inference/hpa.yaml"));
    out.println("   aiconform simulate --cluster " + cluster + " " + gang);
    out.println(
        "   ./mvnw -q -pl site -am -DskipTests package   # the documentation site: site/target/site/");
  }

  private String section(String title) {
    return style.bold(title);
  }
}
