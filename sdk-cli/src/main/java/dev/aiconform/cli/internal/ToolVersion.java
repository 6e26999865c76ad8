package dev.aiconform.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the {@code aiconform} tool, written into its jar at build time. */
public final class ToolVersion {
  private static final String VERSION = load();

  private ToolVersion() {}

  /** {@code 0.1.0}, or {@code unknown} when run from classes without the build's resource. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in =
        ToolVersion.class.getResourceAsStream("/dev/aiconform/cli/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }
}
