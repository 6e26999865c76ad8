package dev.aiconform.cli;

import dev.aiconform.cli.internal.Inputs;
import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.cluster.ApplyOptions;
import dev.aiconform.core.cluster.ApplyProgress;
import dev.aiconform.core.cluster.ApplyResult;
import dev.aiconform.core.cluster.Fabric8ClusterClient;
import dev.aiconform.core.cluster.ObjectOutcome;
import dev.aiconform.core.cluster.Prune;
import dev.aiconform.core.cluster.ReadinessReport;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code aiconform apply}: applies manifests to a real cluster by server-side apply, gang-safe,
 * with retries; progress on stderr, a result table (or JSON) on stdout, exit code 1 when any object
 * failed (or, with {@code --wait}, is not ready in time). See docs/apply.md.
 *
 * <pre>{@code
 * aiconform apply --dry-run=server k8s/
 * aiconform apply --context kind-ai --wait --timeout 10m k8s/
 * }</pre>
 */
@Command(
    name = "apply",
    description = {
      "Apply manifests to a cluster by server-side apply: gang objects, device claims and their"
          + " templates before the workloads that need them, a workload never without its gang,"
          + " retries on throttling, server errors and dropped connections.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  aiconform apply --dry-run=server k8s/",
      "  aiconform apply --context kind-ai --wait --timeout 10m k8s/",
      "  aiconform apply --prune --bundle train k8s/train/",
      "  aiconform apply --format json k8s/ | jq '.objects[] | select(.failed)'",
      "  helm template charts/llm | aiconform apply -",
      "",
      "Exit codes: 0 every object applied (and ready, with --wait);",
      "1 an object failed, was skipped, or was not ready in time;",
      "2 usage error, unreadable input or no kubeconfig."
    })
public final class ApplyCommand implements Callable<Integer> {
  /** Exit code: everything applied (and ready). */
  public static final int OK = 0;

  /** Exit code: an object failed, was skipped or is not ready. */
  public static final int FAILED = 1;

  /** Exit code: usage error, unreadable input or no cluster to talk to. */
  public static final int USAGE = 2;

  /** {@code --dry-run}: where the run stops. */
  enum DryRun {
    NONE,
    CLIENT,
    SERVER
  }

  /** {@code --format}. */
  enum Format {
    TABLE,
    JSON
  }

  @Spec CommandSpec spec;

  /** The aiconform command this runs under (null when run on its own): it owns stdin. */
  @ParentCommand Aiconform root;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Manifest files or directories (*.yaml, *.yml, *.json), or - for stdin.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--dry-run",
      paramLabel = "MODE",
      arity = "0..1",
      fallbackValue = "client",
      converter = DryRunName.class,
      description =
          "client: validate locally and send nothing; server: the API server admits but stores"
              + " nothing (dryRun=All); none (default): apply.")
  DryRun dryRun = DryRun.NONE;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context to use.")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Namespace for objects that name none (default: the context's, or default).")
  String namespace;

  @Option(
      names = "--field-manager",
      paramLabel = "NAME",
      description = "Server-side-apply field manager (default: ${DEFAULT-VALUE}).")
  String fieldManager = ApplyOptions.DEFAULT_FIELD_MANAGER;

  @Option(
      names = "--force-conflicts",
      description = "Take over fields another field manager owns instead of reporting a conflict.")
  boolean forceConflicts;

  @Option(
      names = "--wait",
      description =
          "Wait until every applied object is ready (pods bound and ready, Jobs running).")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "D",
      converter = DurationName.class,
      description = "How long --wait waits: 90s, 5m, 1h30m (default: 5m).")
  Duration timeout = Duration.ofMinutes(5);

  @Option(
      names = "--prune",
      description =
          "Label objects with aiconform.dev/bundle=<bundle> and delete labelled objects that are"
              + " no longer in the manifests (needs --bundle).")
  boolean prune;

  @Option(names = "--bundle", paramLabel = "NAME", description = "The bundle name --prune uses.")
  String bundleName;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatName.class,
      description = "Result format on stdout: table or json (default: table).")
  Format format = Format.TABLE;

  private final Map<String, String> env;
  private final Path home;
  private final InputStream stdin;

  /** The command as the {@code aiconform} tool runs it: the process environment and home. */
  public ApplyCommand() {
    this(System.getenv(), Path.of(System.getProperty("user.home")), System.in);
  }

  /** For tests: an explicit environment, home directory and standard input. */
  ApplyCommand(Map<String, String> env, Path home, InputStream stdin) {
    this.env = env;
    this.home = home;
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (prune && (bundleName == null || bundleName.isBlank())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--prune needs --bundle NAME: the label value that marks the bundle");
    }
    Prune pruneSpec;
    try {
      pruneSpec = prune ? Prune.bundle(bundleName) : null;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--bundle: " + e.getMessage());
    }
    Optional<ManifestBundle> read = read(err);
    if (read.isEmpty()) {
      return USAGE;
    }
    ManifestBundle bundle = read.get();
    if (bundle.isEmpty()) {
      err.println("aiconform apply: no Kubernetes objects in " + String.join(", ", paths));
      return USAGE;
    }
    StderrProgress progress = new StderrProgress(err);
    Fabric8ClusterClient.Builder builder = Fabric8ClusterClient.builder().progress(progress);
    if (namespace != null) {
      builder.namespace(namespace);
    }
    Optional<String> missing = configureCluster(builder);
    // A client-side dry run validates locally and sends nothing: it needs no cluster.
    if (missing.isPresent() && dryRun != DryRun.CLIENT) {
      err.println(missing.get());
      return USAGE;
    }
    ApplyOptions options =
        ApplyOptions.builder()
            .dryRun(ApplyOptions.DryRun.valueOf(dryRun.name()))
            .fieldManager(fieldManager)
            .forceConflicts(forceConflicts)
            .build();
    Fabric8ClusterClient built;
    try {
      built = builder.build();
    } catch (RuntimeException e) {
      err.println(
          "aiconform apply: cannot use the kubeconfig"
              + (context == null ? "" : " context " + context)
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return USAGE;
    }
    try (Fabric8ClusterClient cluster = built) {
      err.println(
          (dryRun == DryRun.NONE ? "applying " : "dry run (" + label(dryRun) + ") of ")
              + bundle.size()
              + " object"
              + (bundle.size() == 1 ? "" : "s")
              + (dryRun == DryRun.CLIENT ? "" : " to " + server(cluster))
              + " as field manager "
              + fieldManager);
      ApplyResult result =
          pruneSpec == null
              ? cluster.apply(bundle, options)
              : cluster.apply(bundle, options, pruneSpec);
      ReadinessReport readiness = null;
      if (result.unreachable().isPresent()) {
        // One line instead of a line per object that was never sent.
        int n = progress.notAttempted;
        err.println(
            "aiconform apply: "
                + result.unreachable().get()
                + (n == 0 ? "" : "; " + n + " object" + (n == 1 ? "" : "s") + " not attempted")
                + ". Is the cluster running, and is it the server the kubeconfig"
                + (context == null ? "" : "'s context " + context)
                + " names? (kubectl cluster-info)");
      }
      if (await && dryRun != DryRun.NONE) {
        err.println("--wait has nothing to wait for in a dry run: nothing was stored");
      }
      if (await && dryRun == DryRun.NONE && result.unreachable().isEmpty()) {
        err.println("waiting up to " + ReadinessReport.formatDuration(timeout) + " for readiness");
        readiness = cluster.awaitReady(result, timeout);
        err.println(readiness.summary());
      }
      if (format == Format.JSON) {
        out.println(json(result, readiness));
      } else {
        printTable(out, result, readiness);
      }
      boolean ok = result.isSuccess() && (readiness == null || readiness.allReady());
      return ok ? OK : FAILED;
    }
  }

  private Optional<ManifestBundle> read(PrintWriter err) {
    for (String p : paths) {
      if (!p.equals(Inputs.STDIN) && !Files.exists(Path.of(p))) {
        err.println("aiconform apply: " + p + ": no such file or directory");
        return Optional.empty();
      }
    }
    ReadResult read = Inputs.read(paths, root != null ? root.stdin() : stdin);
    List<Diagnostic> errors =
        read.diagnostics().stream()
            .filter(d -> d.severity() == Severity.ERROR)
            .collect(Collectors.toList());
    if (!errors.isEmpty()) {
      errors.forEach(d -> err.println(d));
      err.println(
          "aiconform apply: nothing applied: "
              + errors.size()
              + " input error"
              + (errors.size() == 1 ? "" : "s")
              + "; fix the manifests (aiconform validate shows every finding)");
      return Optional.empty();
    }
    return Optional.of(read.bundle());
  }

  /**
   * Points the builder at the kubeconfig (or in-cluster account) to use; a sentence saying how to
   * get one when there is none.
   */
  private Optional<String> configureCluster(Fabric8ClusterClient.Builder builder) {
    if (context != null) {
      builder.context(context);
    }
    if (kubeconfig != null) {
      if (!Files.isReadable(kubeconfig)) {
        return Optional.of(
            "aiconform apply: --kubeconfig " + kubeconfig + ": no such readable file");
      }
      builder.kubeconfig(kubeconfig);
      return Optional.empty();
    }
    String fromEnv = env.get("KUBECONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      for (String f : fromEnv.split(File.pathSeparator)) {
        if (!f.isBlank() && Files.isReadable(Path.of(f))) {
          builder.kubeconfig(Path.of(f));
          return Optional.empty();
        }
      }
    }
    Path dflt = home.resolve(".kube").resolve("config");
    if (Files.isReadable(dflt)) {
      builder.kubeconfig(dflt);
      return Optional.empty();
    }
    if (env.get("KUBERNETES_SERVICE_HOST") != null) {
      return Optional.empty(); // in a pod: fabric8 reads the service account
    }
    return Optional.of(
        String.join(
            "\n",
            "aiconform apply: no kubeconfig found (no --kubeconfig, $KUBECONFIG is "
                + (fromEnv == null || fromEnv.isBlank()
                    ? "unset"
                    : "'" + fromEnv + "' (unreadable)")
                + ", no "
                + dflt
                + ", not in a pod).",
            "To apply to a cluster, get a kubeconfig, for example:",
            "  kind create cluster                                   # a local cluster",
            "  gcloud container clusters get-credentials NAME        # GKE",
            "  aws eks update-kubeconfig --name NAME                 # EKS",
            "  az aks get-credentials --resource-group RG --name NAME  # AKS",
            "and pass it with --kubeconfig FILE or KUBECONFIG=FILE.",
            "Without a cluster: aiconform apply --dry-run=client PATH validates locally, and",
            "aiconform simulate PATH runs the workloads on the in-memory cluster."));
  }

  private static String server(Fabric8ClusterClient cluster) {
    String url = cluster.kubernetesClient().getMasterUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String label(DryRun d) {
    return d.name().toLowerCase(Locale.ROOT);
  }

  private void printTable(PrintWriter out, ApplyResult result, ReadinessReport readiness) {
    List<String[]> rows = new ArrayList<>();
    boolean withReady = readiness != null;
    rows.add(
        withReady
            ? new String[] {"KIND", "NAMESPACE", "NAME", "RESULT", "ATTEMPTS", "READY", "MESSAGE"}
            : new String[] {"KIND", "NAMESPACE", "NAME", "RESULT", "ATTEMPTS", "MESSAGE"});
    for (ObjectOutcome o : result.outcomes()) {
      ObjectRef ref = o.ref();
      String ready =
          readiness == null
              ? ""
              : readiness
                  .object(ref)
                  .map(r -> r.failed() ? "failed" : r.stage().label())
                  .orElse("-");
      String message = o.message();
      Optional<ReadinessReport.ObjectReadiness> r =
          readiness == null ? Optional.empty() : readiness.object(ref);
      if (r.isPresent() && !r.get().isReady() && !r.get().detail().isEmpty()) {
        message = (message.isEmpty() ? "" : message + "; ") + r.get().detail();
      }
      String kind = ref.groupKind().toString();
      String result1 = o.action().name().toLowerCase(Locale.ROOT);
      String attempts = Integer.toString(o.attempts());
      rows.add(
          withReady
              ? new String[] {kind, ref.namespace(), ref.name(), result1, attempts, ready, message}
              : new String[] {kind, ref.namespace(), ref.name(), result1, attempts, message});
    }
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] row : rows) {
      for (int i = 0; i < cols - 1; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        sb.append(i == cols - 1 ? row[i] : String.format("%-" + (width[i] + 2) + "s", row[i]));
      }
      out.println(sb.toString().stripTrailing());
    }
    for (ObjectOutcome o : result.outcomes()) {
      for (Diagnostic d : o.causes()) {
        out.println(
            "  "
                + o.ref()
                + (d.path().isEmpty() ? "" : " " + d.path())
                + ": "
                + d.reason().map(x -> x.wireName() + ": ").orElse("")
                + d.message()
                + (d.hint().isEmpty() ? "" : " (hint: " + d.hint() + ")"));
      }
    }
    long failed = result.failures().size();
    out.println(
        result.outcomes().size()
            + " object"
            + (result.outcomes().size() == 1 ? "" : "s")
            + ": "
            + (result.outcomes().size() - failed)
            + " ok, "
            + failed
            + " failed"
            + (readiness == null ? "" : "; " + readiness.summary())
            + result.unreachable().map(u -> "; " + u).orElse(""));
  }

  private String json(ApplyResult result, ReadinessReport readiness) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dryRun", label(dryRun));
    root.put("fieldManager", fieldManager);
    root.put("forceConflicts", forceConflicts);
    List<Map<String, Object>> objects = new ArrayList<>();
    for (ObjectOutcome o : result.outcomes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("apiVersion", o.ref().apiVersion());
      m.put("kind", o.ref().kind());
      m.put("namespace", o.ref().namespace());
      m.put("name", o.ref().name());
      m.put("result", o.action().name().toLowerCase(Locale.ROOT));
      m.put("failed", o.action().isFailure());
      m.put("attempts", o.attempts());
      m.put("message", o.message());
      List<Map<String, Object>> causes = new ArrayList<>();
      for (Diagnostic d : o.causes()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rule", d.rule());
        c.put("path", d.path());
        c.put("reason", d.reason().map(x -> x.wireName()).orElse(null));
        c.put("message", d.message());
        c.put("hint", d.hint());
        causes.add(c);
      }
      m.put("causes", causes);
      if (readiness != null) {
        readiness
            .object(o.ref())
            .ifPresent(
                r -> {
                  Map<String, Object> rm = new LinkedHashMap<>();
                  rm.put("stage", r.stage().label());
                  rm.put("ready", r.isReady());
                  rm.put("failed", r.failed());
                  rm.put("detail", r.detail());
                  m.put("readiness", rm);
                });
      }
      objects.add(m);
    }
    root.put("objects", objects);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("objects", result.outcomes().size());
    summary.put("failed", result.failures().size());
    result.unreachable().ifPresent(u -> summary.put("unreachable", u));
    if (readiness != null) {
      summary.put("ready", readiness.objects().size() - readiness.notReady().size());
      summary.put("timedOut", readiness.timedOut());
      summary.put("elapsedSeconds", readiness.elapsed().toMillis() / 1000.0);
    }
    root.put("summary", summary);
    return new KubernetesSerialization().asJson(root);
  }

  /**
   * Progress lines on stderr: one per outcome, retry and readiness change; once the API server is
   * unreachable, the objects then failed without a request are only counted.
   */
  private static final class StderrProgress implements ApplyProgress {
    private final PrintWriter err;
    private boolean unreachable;
    int notAttempted;

    StderrProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void unreachable(String reason) {
      unreachable = true;
    }

    @Override
    public void applied(ObjectOutcome outcome) {
      if (unreachable) {
        notAttempted++;
        return;
      }
      err.println(
          String.format(
              "  %-10s %s%s",
              outcome.action().name().toLowerCase(Locale.ROOT),
              outcome.ref(),
              outcome.message().isEmpty() ? "" : ": " + outcome.message()));
      err.flush();
    }

    @Override
    public void retrying(ObjectRef ref, int attempt, Duration delay, String reason) {
      err.println(
          String.format(
              "  %-10s %s in %s (attempt %d: %s)",
              "retrying", ref, ReadinessReport.formatDuration(delay), attempt, reason));
      err.flush();
    }

    @Override
    public void stage(ObjectRef ref, ReadinessReport.Stage stage, String detail) {
      err.println(
          String.format("  %-10s %s%s", stage.label(), ref, detail.isEmpty() ? "" : ": " + detail));
      err.flush();
    }
  }

  static final class DryRunName implements ITypeConverter<DryRun> {
    @Override
    public DryRun convert(String value) {
      for (DryRun d : DryRun.values()) {
        if (d.name().equalsIgnoreCase(value.trim())) {
          return d;
        }
      }
      throw new TypeConversionException("'" + value + "' is not one of client, server, none");
    }
  }

  static final class FormatName implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.name().equalsIgnoreCase(value.trim())) {
          return f;
        }
      }
      throw new TypeConversionException("'" + value + "' is not one of table, json");
    }
  }

  /** Go-style durations as kubectl takes them: {@code 90s}, {@code 5m}, {@code 1h30m}. */
  static final class DurationName implements ITypeConverter<Duration> {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
      String v = value.trim();
      Duration total = Duration.ZERO;
      if (WHOLE.matcher(v).matches()) {
        Matcher m = PART.matcher(v);
        while (m.find()) {
          long n = Long.parseLong(m.group(1));
          switch (m.group(2)) {
            case "ms":
              total = total.plusMillis(n);
              break;
            case "s":
              total = total.plusSeconds(n);
              break;
            case "m":
              total = total.plusMinutes(n);
              break;
            default:
              total = total.plusHours(n);
          }
        }
      }
      if (total.isZero()) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration: expected a positive one such as 90s, 5m or 1h30m");
      }
      return total;
    }
  }
}
