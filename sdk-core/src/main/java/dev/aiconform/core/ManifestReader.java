package dev.aiconform.core;

import dev.aiconform.core.internal.yaml.JsonTreeReader;
import dev.aiconform.core.internal.yaml.ManifestDecoder;
import dev.aiconform.core.internal.yaml.YamlTreeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests from YAML or JSON: files, directories (recursively, {@code *.yaml},
 * {@code *.yml}, {@code *.json}, in path order), strings and streams such as stdin; several
 * documents per file. Every object keeps its file, document and the line of each of its fields. Bad
 * input never throws: it becomes a diagnostic ({@code yaml.*}) with file and line, and the reader
 * goes on with the next document or file.
 *
 * <p>Limits are explicit so memory stays bounded: file size (default 32 MiB), document size (3 MiB,
 * the API server's request limit), nesting depth (100), aliases per document (100) and nodes per
 * document after alias expansion (1,000,000).
 *
 * <pre>{@code
 * ReadResult read = ManifestReader.defaults().read(Path.of("manifests/"));
 * ManifestBundle bundle = read.bundle();
 * }</pre>
 */
public final class ManifestReader {
  public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;
  // kube-apiserver's maximum request body: no single object may be larger.
  public static final long DEFAULT_MAX_DOCUMENT_CHARS = 3L * 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 100;
  public static final int DEFAULT_MAX_ALIASES = 100;
  public static final long DEFAULT_MAX_NODES = 1_000_000;

  /** The name diagnostics give to standard input. */
  public static final String STDIN = "<stdin>";

  private static final ManifestReader DEFAULTS = builder().build();

  private final long maxFileBytes;
  private final YamlTreeReader yaml;
  private final JsonTreeReader json;
  private final ManifestDecoder decoder = new ManifestDecoder();

  private ManifestReader(Builder b) {
    this.maxFileBytes = b.maxFileBytes;
    this.yaml =
        new YamlTreeReader(
            b.maxDepth,
            b.maxNodes,
            b.maxAliases,
            b.maxDocumentChars,
            (int) Math.min(Integer.MAX_VALUE, b.maxFileBytes));
    this.json = new JsonTreeReader(b.maxDepth, b.maxNodes, b.maxDocumentChars);
  }

  public static ManifestReader defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads files and directories, in the order given (directory contents in path order). */
  public ReadResult read(Path... paths) {
    return read(Arrays.asList(paths));
  }

  public ReadResult read(Collection<Path> paths) {
    ManifestBundle.Builder bundle = ManifestBundle.builder();
    List<dev.aiconform.core.validation.Diagnostic> diagnostics = new ArrayList<>();
    for (Path p : paths) {
      for (Path file : expand(p, diagnostics)) {
        readFile(file, bundle, diagnostics);
      }
    }
    return new ReadResult(bundle.build(), diagnostics);
  }

  /** Reads YAML or JSON text; {@code sourceName} names it in diagnostics. */
  public ReadResult readString(String content, String sourceName) {
    ManifestBundle.Builder bundle = ManifestBundle.builder();
    List<dev.aiconform.core.validation.Diagnostic> diagnostics = new ArrayList<>();
    decode(content, sourceName, bundle, diagnostics);
    return new ReadResult(bundle.build(), diagnostics);
  }

  /** Reads a stream (stdin: use {@link #STDIN} as name) up to the file size limit. */
  public ReadResult read(InputStream in, String sourceName) {
    ManifestBundle.Builder bundle = ManifestBundle.builder();
    List<dev.aiconform.core.validation.Diagnostic> diagnostics = new ArrayList<>();
    try {
      byte[] bytes = readBounded(in);
      if (bytes == null) {
        diagnostics.add(
            ManifestDecoder.problem(
                YamlTreeReader.TOO_LARGE,
                new SourceLocation(sourceName, 0, 1, 1),
                "input is larger than the limit of " + maxFileBytes + " bytes",
                "split it into several files; no Kubernetes object can be this large"));
      } else {
        decodeBytes(bytes, sourceName, bundle, diagnostics);
      }
    } catch (IOException e) {
      diagnostics.add(unreadable(sourceName, e));
    }
    return new ReadResult(bundle.build(), diagnostics);
  }

  private List<Path> expand(Path p, List<dev.aiconform.core.validation.Diagnostic> diagnostics) {
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        return s.filter(Files::isRegularFile)
            .filter(ManifestReader::isManifestFile)
            .sorted()
            .collect(Collectors.toList());
      } catch (IOException e) {
        diagnostics.add(unreadable(p.toString(), e));
        return List.of();
      }
    }
    return List.of(p);
  }

  /** {@code *.yaml}, {@code *.yml} and {@code *.json}, in any case. */
  public static boolean isManifestFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private void readFile(
      Path file,
      ManifestBundle.Builder bundle,
      List<dev.aiconform.core.validation.Diagnostic> diagnostics) {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > maxFileBytes) {
        diagnostics.add(
            ManifestDecoder.problem(
                YamlTreeReader.TOO_LARGE,
                new SourceLocation(name, 0, 1, 1),
                "file is " + size + " bytes; the limit is " + maxFileBytes + " bytes",
                "split it into several files; no Kubernetes object can be this large"));
        return;
      }
      decodeBytes(Files.readAllBytes(file), name, bundle, diagnostics);
    } catch (IOException e) {
      diagnostics.add(unreadable(name, e));
    }
  }

  private void decodeBytes(
      byte[] bytes,
      String name,
      ManifestBundle.Builder bundle,
      List<dev.aiconform.core.validation.Diagnostic> diagnostics) {
    String text;
    try {
      int offset =
          bytes.length >= 3
                  && (bytes[0] & 0xff) == 0xef
                  && (bytes[1] & 0xff) == 0xbb
                  && (bytes[2] & 0xff) == 0xbf
              ? 3
              : 0;
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString();
    } catch (CharacterCodingException e) {
      diagnostics.add(
          ManifestDecoder.problem(
              YamlTreeReader.PARSE,
              new SourceLocation(name, 0, 1, 1),
              "not UTF-8 text",
              "save the file as UTF-8; Kubernetes manifests are UTF-8 YAML or JSON"));
      return;
    }
    decode(text, name, bundle, diagnostics);
  }

  private void decode(
      String text,
      String name,
      ManifestBundle.Builder bundle,
      List<dev.aiconform.core.validation.Diagnostic> diagnostics) {
    // kubectl reads JSON with a JSON decoder: JSON strings may hold characters YAML forbids
    YamlTreeReader.Result parsed =
        JsonTreeReader.looksLikeJson(text) ? json.read(text, name) : yaml.read(text, name);
    decoder.decode(parsed, bundle, diagnostics);
  }

  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > maxFileBytes) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static dev.aiconform.core.validation.Diagnostic unreadable(String name, IOException e) {
    String why =
        e instanceof NoSuchFileException
            ? "no such file or directory"
            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return ManifestDecoder.problem(
        ManifestDecoder.UNREADABLE,
        new SourceLocation(name, 0, 0, 0),
        "cannot read " + name + ": " + why,
        "check the path and its permissions");
  }

  /** Configures the reader's limits. */
  public static final class Builder {
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private long maxDocumentChars = DEFAULT_MAX_DOCUMENT_CHARS;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxAliases = DEFAULT_MAX_ALIASES;
    private long maxNodes = DEFAULT_MAX_NODES;

    private Builder() {}

    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = positive(bytes, "maxFileBytes");
      return this;
    }

    public Builder maxDocumentChars(long chars) {
      this.maxDocumentChars = positive(chars, "maxDocumentChars");
      return this;
    }

    public Builder maxDepth(int depth) {
      this.maxDepth = (int) positive(depth, "maxDepth");
      return this;
    }

    public Builder maxAliases(int aliases) {
      this.maxAliases = (int) positive(aliases, "maxAliases");
      return this;
    }

    public Builder maxNodes(long nodes) {
      this.maxNodes = positive(nodes, "maxNodes");
      return this;
    }

    private static long positive(long v, String what) {
      if (v <= 0) {
        throw new IllegalArgumentException(what + " must be positive, was " + v);
      }
      return v;
    }

    public ManifestReader build() {
      return new ManifestReader(this);
    }
  }
}
