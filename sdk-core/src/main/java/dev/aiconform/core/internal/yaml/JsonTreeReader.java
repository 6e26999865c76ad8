package dev.aiconform.core.internal.yaml;

import dev.aiconform.core.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads JSON text (one value or a stream of values, as kubectl accepts) into trees with the
 * location of every field. kubectl decodes JSON with a JSON decoder, not its YAML one, so JSON
 * strings may hold characters YAML forbids; the same limits apply as for YAML.
 */
public final class JsonTreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int maxDepth;
  private final long maxNodes;
  private final long maxDocumentChars;
  private final JsonFactory factory;

  public JsonTreeReader(int maxDepth, long maxNodes, long maxDocumentChars) {
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
    this.maxDocumentChars = maxDocumentChars;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(maxDepth + 1).build())
            .build();
  }

  /** Whether text is JSON rather than YAML: its first significant character opens a value. */
  public static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  public YamlTreeReader.Result read(String text, String file) {
    List<YamlDocument> documents = new ArrayList<>();
    List<YamlProblem> problems = new ArrayList<>();
    int index = 0;
    try (JsonParser p = JsonMapper.builder(factory).build().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        SourceLocation start = at(file, index, p.currentTokenLocation());
        long startChar = p.currentTokenLocation().getCharOffset();
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        locations.put("", start);
        String failure = null;
        String rule = YamlTreeReader.PARSE;
        SourceLocation failedAt = start;
        JsonNode root;
        try {
          root = value(p, t, "", locations, file, index, new long[] {0});
        } catch (Limit l) {
          failure = l.getMessage();
          rule = l.rule;
          failedAt = l.at;
          root = null;
          skipToDepthZero(p);
        }
        long endChar = p.currentLocation().getCharOffset();
        if (failure != null) {
          problems.add(new YamlProblem(rule, failedAt, failure, hint(rule)));
        } else if (endChar - startChar > maxDocumentChars) {
          problems.add(
              new YamlProblem(
                  YamlTreeReader.TOO_LARGE,
                  start,
                  "document is "
                      + (endChar - startChar)
                      + " characters long; the limit is "
                      + maxDocumentChars
                      + " (the API server refuses requests over 3 MiB)",
                  "split it: no single Kubernetes object can be this large"));
        } else if (root != null && !root.isNull()) {
          documents.add(new YamlDocument(root, start, locations));
        }
        index++;
      }
    } catch (JacksonException e) {
      TokenStreamLocation l = e.getLocation();
      boolean deep = String.valueOf(e.getOriginalMessage()).contains("nesting depth");
      problems.add(
          new YamlProblem(
              deep ? YamlTreeReader.TOO_DEEP : YamlTreeReader.PARSE,
              l == null ? new SourceLocation(file, index, 1, 1) : at(file, index, l),
              deep
                  ? "nesting deeper than " + maxDepth + " levels"
                  : "not valid JSON: " + e.getOriginalMessage(),
              deep
                  ? "no Kubernetes object nests this deep; check for a runaway structure"
                  : "fix the JSON syntax at this line (a missing comma, quote or bracket is the"
                      + " usual cause)"));
    }
    return new YamlTreeReader.Result(documents, problems);
  }

  private static String hint(String rule) {
    return rule.equals(YamlTreeReader.DUPLICATE_KEY)
        ? "remove one of them: the API server rejects duplicate keys instead of picking one"
        : rule.equals(YamlTreeReader.ALIAS_LIMIT)
            ? "split the document"
            : "no Kubernetes object nests this deep; check for a runaway structure";
  }

  private static final class Limit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String rule;
    final transient SourceLocation at;

    Limit(String rule, SourceLocation at, String message) {
      super(message, null, false, false);
      this.rule = rule;
      this.at = at;
    }
  }

  private JsonNode value(
      JsonParser p,
      JsonToken t,
      String path,
      Map<String, SourceLocation> locations,
      String file,
      int index,
      long[] nodes) {
    if (++nodes[0] > maxNodes) {
      throw new Limit(
          YamlTreeReader.ALIAS_LIMIT,
          at(file, index, p.currentTokenLocation()),
          "document has more than " + maxNodes + " nodes");
    }
    switch (t) {
      case START_OBJECT:
        return object(p, path, locations, file, index, nodes);
      case START_ARRAY:
        return array(p, path, locations, file, index, nodes);
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        return integral(p);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      default:
        return NODES.nullNode();
    }
  }

  private static JsonNode integral(JsonParser p) {
    switch (p.getNumberType()) {
      case INT:
        return NODES.numberNode(p.getIntValue());
      case LONG:
        return NODES.numberNode(p.getLongValue());
      default:
        return NODES.numberNode(p.getBigIntegerValue());
    }
  }

  private JsonNode object(
      JsonParser p,
      String path,
      Map<String, SourceLocation> locations,
      String file,
      int index,
      long[] nodes) {
    ObjectNode obj = NODES.objectNode();
    Map<String, Integer> lines = new HashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      SourceLocation keyAt = at(file, index, p.currentTokenLocation());
      if (lines.containsKey(key)) {
        throw new Limit(
            YamlTreeReader.DUPLICATE_KEY,
            keyAt,
            "key '"
                + key
                + "' appears twice in this object (first at line "
                + lines.get(key)
                + ")");
      }
      lines.put(key, keyAt.line());
      String child = path.isEmpty() ? key : path + "." + key;
      locations.putIfAbsent(child, keyAt);
      obj.set(key, value(p, p.nextToken(), child, locations, file, index, nodes));
    }
    return obj;
  }

  private JsonNode array(
      JsonParser p,
      String path,
      Map<String, SourceLocation> locations,
      String file,
      int index,
      long[] nodes) {
    ArrayNode arr = NODES.arrayNode();
    JsonToken t;
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      String child = path + "[" + i++ + "]";
      locations.putIfAbsent(child, at(file, index, p.currentTokenLocation()));
      arr.add(value(p, t, child, locations, file, index, nodes));
    }
    return arr;
  }

  private static void skipToDepthZero(JsonParser p) {
    // the parser knows its own depth: skip until we are back at the top level
    while (p.streamReadContext().getNestingDepth() > 0 && p.nextToken() != null) {
      // skipping
    }
  }

  private static SourceLocation at(String file, int index, TokenStreamLocation l) {
    return new SourceLocation(
        file, index, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }
}
