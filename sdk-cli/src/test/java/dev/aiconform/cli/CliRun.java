package dev.aiconform.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real main class in-process with captured streams. */
record CliRun(int exit, String out, String err) {

  static CliRun run(String... args) {
    return withStdin("", args);
  }

  static CliRun withStdin(String stdin, String... args) {
    return withStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static CliRun withStdin(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Aiconform.run(
            args,
            stdin,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Whether anything looks like a Java stack trace or exception dump. */
  boolean hasStackTrace() {
    String all = out + err;
    return all.contains("\tat ")
        || all.contains("Exception in thread")
        || all.matches("(?s).*\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error)\\b.*");
  }
}
