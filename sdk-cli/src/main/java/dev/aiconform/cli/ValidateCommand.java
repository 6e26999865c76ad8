package dev.aiconform.cli;

import dev.aiconform.cli.internal.Inputs;
import dev.aiconform.cli.internal.ValidationFormat;
import dev.aiconform.cli.internal.ValidationRun;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.TargetVersion;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Rule;
import dev.aiconform.core.validation.RuleInfo;
import dev.aiconform.core.validation.RuleSet;
import dev.aiconform.core.validation.ValidationReport;
import dev.aiconform.core.validation.Validator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aiconform validate}: checks manifests and reports findings; see docs/cli.md. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Aiconform.Version.class,
    description = {
      "Check Kubernetes manifests the way the API server of the target version and the CNCF"
          + " Kubernetes AI Conformance program would, with every rule of the SDK.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  aiconform validate k8s/",
      "  aiconform validate --kubernetes-version 1.35 --fail-on warning train.yaml",
      "  aiconform validate --format json k8s/ | jq '.diagnostics[] | select(.severity == \"error\")'",
      "  aiconform validate --format sarif k8s/ > aiconform.sarif",
      "  aiconform validate --format junit k8s/ > TEST-aiconform.xml",
      "  helm template charts/llm | aiconform validate -",
      "",
      "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;",
      "2 usage error or unreadable input (the report still lists what could be read)."
    })
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand Aiconform root;

  @Spec CommandSpec spec;

  @Option(
      names = "--kubernetes-version",
      paramLabel = "V",
      converter = Options.KubernetesVersion.class,
      description =
          "Kubernetes version to validate for: 1.34, 1.35, 1.36 or 1.37 (default: ${DEFAULT-VALUE}).")
  TargetVersion version = TargetVersion.latest();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = Options.ValidationFormatName.class,
      description = "Report format: text, json, sarif or junit (default: text).")
  ValidationFormat format = ValidationFormat.TEXT;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = Options.FailOnName.class,
      description =
          "Exit with 1 when a finding is at least this serious: error or warning (default: error).")
  Options.FailOn failOn = Options.FailOn.ERROR;

  @Mixin ColourOption colour;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description =
          "Manifest files or directories (*.yaml, *.yml, *.json, recursively); - reads stdin.")
  List<String> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Options.stdinAtMostOnce(spec, paths);
    ReadResult read = Inputs.read(paths, root.stdin());
    Validator validator = Validator.forVersion(version);
    ValidationReport report = validator.validate(read.bundle());

    List<Diagnostic> all = new ArrayList<>(read.diagnostics());
    all.addAll(report.diagnostics());
    ValidationRun run = new ValidationRun(version, read.bundle(), all, rulesOf(validator));
    out.print(format.render(run, failOn.severity, colour.style()));
    out.flush();

    if (read.hasErrors()) {
      Failures.inputErrors(err, "validate", read.diagnostics());
      return Aiconform.USAGE;
    }
    return run.hasFindingsAtOrAbove(failOn.severity) ? Aiconform.FINDINGS : Aiconform.OK;
  }

  /** The rules that ran and the findings modules report outside rules (the reader's). */
  static List<RuleInfo> rulesOf(Validator validator) {
    List<RuleInfo> rules = new ArrayList<>();
    for (Rule r : validator.rules()) {
      rules.add(r.info());
    }
    for (RuleSet set : Validator.registeredRuleSets()) {
      rules.addAll(set.otherFindings());
    }
    return rules;
  }
}
