package dev.aiconform.cli.internal;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.validation.Diagnostic;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the PATH arguments of a command: files and directories through {@link ManifestReader}, and
 * {@code -} from standard input, in the order given.
 *
 * <pre>{@code
 * ReadResult read = Inputs.read(List.of("k8s/", "-"), System.in);
 * }</pre>
 */
public final class Inputs {
  /** The PATH that means standard input. */
  public static final String STDIN = "-";

  private Inputs() {}

  public static ReadResult read(List<String> paths, InputStream stdin) {
    ManifestReader reader = ManifestReader.defaults();
    ManifestBundle.Builder bundle = ManifestBundle.builder();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (String p : paths) {
      ReadResult r =
          p.equals(STDIN) ? reader.read(stdin, ManifestReader.STDIN) : reader.read(Path.of(p));
      bundle.addAll(r.bundle());
      diagnostics.addAll(r.diagnostics());
    }
    return new ReadResult(bundle.build(), diagnostics);
  }
}
