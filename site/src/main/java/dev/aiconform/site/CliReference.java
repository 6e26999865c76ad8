package dev.aiconform.site;

import dev.aiconform.cli.Aiconform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The CLI reference, generated from the command's own {@code --help} (picocli). */
final class CliReference {
  private CliReference() {}

  static Page page(String prose) {
    String main = help("--help");
    StringBuilder b = new StringBuilder("<h1>CLI reference</h1>\n");
    b.append(prose);
    b.append("<h2 id=\"aiconform\"><code>aiconform</code></h2>\n").append(Html.code(main, "text"));
    for (String sub : subcommands(main)) {
      b.append("<h2 id=\"")
          .append(sub)
          .append("\"><code>aiconform ")
          .append(sub)
          .append("</code></h2>\n")
          .append(Html.code(help(sub, "--help"), "text"));
    }
    return new Page("cli.html", "CLI reference", "Reference", b.toString());
  }

  /** The names listed under "Commands:" in the main help. */
  static List<String> subcommands(String mainHelp) {
    List<String> names = new ArrayList<>();
    boolean in = false;
    for (String line : mainHelp.split("\n")) {
      if (line.startsWith("Commands:")) {
        in = true;
      } else if (in && line.isBlank()) {
        break;
      } else if (in && line.startsWith("  ") && !line.startsWith("   ")) {
        String name = line.trim().split("\\s+")[0];
        if (!name.equals("help")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  static String help(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Aiconform.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IllegalStateException(
          "aiconform "
              + String.join(" ", args)
              + " exited "
              + exit
              + ": "
              + err.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
