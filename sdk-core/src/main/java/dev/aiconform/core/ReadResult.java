package dev.aiconform.core;

import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Severity;
import java.util.List;

/**
 * What {@link ManifestReader} read: the objects, in file and document order, and the findings about
 * input that could not become objects (syntax errors, documents that are not objects, wrong field
 * types, limits).
 *
 * <pre>{@code
 * ReadResult read = ManifestReader.defaults().read(Path.of("k8s/"));
 * if (read.hasErrors()) read.diagnostics().forEach(System.err::println);
 * }</pre>
 */
public final class ReadResult {
  private final ManifestBundle bundle;
  private final List<Diagnostic> diagnostics;

  public ReadResult(ManifestBundle bundle, List<Diagnostic> diagnostics) {
    this.bundle = bundle;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ManifestBundle bundle() {
    return bundle;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Whether some input could not be read (the CLI exits with 2). */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  @Override
  public String toString() {
    return "ReadResult[objects=" + bundle.size() + ", diagnostics=" + diagnostics.size() + "]";
  }
}
