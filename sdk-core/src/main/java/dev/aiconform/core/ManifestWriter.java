package dev.aiconform.core;

import dev.aiconform.core.internal.KubeSerialization;
import dev.aiconform.core.internal.yaml.YamlEmitter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes bundles and objects as deterministic YAML (documents separated by {@code ---}, fields in
 * the Kubernetes API's order, strings quoted only where needed) or JSON (one object, or a {@code v1
 * List} for several). Objects go through fabric8's Jackson 3 serialization, so quantities,
 * int-or-strings and every model field come out exactly as Kubernetes expects.
 *
 * <pre>{@code
 * String yaml = ManifestWriter.yaml().write(bundle);
 * ManifestWriter.json().write(bundle, Path.of("out.json"));
 * }</pre>
 */
public final class ManifestWriter {
  private static final ManifestWriter YAML = new ManifestWriter(true);
  private static final ManifestWriter JSON = new ManifestWriter(false);
  private static final JsonMapper JSON_OUT = JsonMapper.builder().build();

  private final boolean yaml;

  private ManifestWriter(boolean yaml) {
    this.yaml = yaml;
  }

  public static ManifestWriter yaml() {
    return YAML;
  }

  public static ManifestWriter json() {
    return JSON;
  }

  public String write(ManifestBundle bundle) {
    if (yaml) {
      StringBuilder out = new StringBuilder(bundle.size() * 512);
      boolean first = true;
      for (Manifest m : bundle) {
        if (!first) {
          out.append("---\n");
        }
        first = false;
        YamlEmitter.write(tree(m.object()), out);
      }
      return out.toString();
    }
    if (bundle.size() == 1) {
      return json(tree(bundle.manifests().get(0).object()));
    }
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    for (Manifest m : bundle) {
      items.add(tree(m.object()));
    }
    return json(list);
  }

  public String write(HasMetadata object) {
    return write(ManifestBundle.of(object));
  }

  /** Writes the bundle to a file (UTF-8), creating parent directories. */
  public void write(ManifestBundle bundle, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, write(bundle), StandardCharsets.UTF_8);
  }

  /** The JSON tree of an object as the API server would receive it. */
  public static JsonNode tree(HasMetadata object) {
    return KubeSerialization.get().convertValue(object, JsonNode.class);
  }

  private static String json(JsonNode node) {
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    return JSON_OUT.writer().with(pp).writeValueAsString(node) + "\n";
  }
}
