package dev.aiconform.core.internal.yaml;

import dev.aiconform.core.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a YAML stream into JSON trees from snakeyaml-engine's event stream (not its recursive
 * composer), so that every limit is ours and explicit: nesting depth, alias expansion (counted in
 * nodes, which defeats "billion laughs"), document size, duplicate keys. Aliases are expanded and
 * merge keys ({@code <<}) applied as kubectl's YAML library does; plain scalars resolve as in
 * {@link GoYamlScalars}.
 */
public final class YamlTreeReader {
  /** Finding ids. */
  public static final String PARSE = "yaml.parse";

  public static final String DUPLICATE_KEY = "yaml.duplicate-key";
  public static final String TOO_DEEP = "yaml.too-deep";
  public static final String TOO_LARGE = "yaml.too-large";
  public static final String ALIAS_LIMIT = "yaml.alias-limit";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE_KEY = "<<";

  private final int maxDepth;
  private final long maxNodes;
  private final int maxAliases;
  private final long maxDocumentChars;
  private final int maxStreamChars;

  public YamlTreeReader(
      int maxDepth, long maxNodes, int maxAliases, long maxDocumentChars, int maxStreamChars) {
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
    this.maxAliases = maxAliases;
    this.maxDocumentChars = maxDocumentChars;
    this.maxStreamChars = maxStreamChars;
  }

  /** What a stream held: its documents (empty ones skipped) and what could not be read. */
  public record Result(List<YamlDocument> documents, List<YamlProblem> problems) {}

  public Result read(String text, String file) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setCodePointLimit(maxStreamChars)
            // snakeyaml copies its window on every refill: a window as large as the text (up to
            // 64 Ki chars) keeps long scalars from going quadratic
            .setBufferSize(Math.max(1024, Math.min(text.length() + 1, 64 * 1024)))
            .setUseMarks(true)
            .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both lines
            .build();
    List<YamlDocument> documents = new ArrayList<>();
    List<YamlProblem> problems = new ArrayList<>();
    Iterator<Event> events = new Parse(settings).parseString(text).iterator();
    int documentIndex = -1;
    DocumentBuilder current = null;
    try {
      while (events.hasNext()) {
        Event e = events.next();
        switch (e.getEventId()) {
          case DocumentStart:
            documentIndex++;
            current = new DocumentBuilder(file, documentIndex, mark(e));
            break;
          case DocumentEnd:
            if (current != null) {
              current.finish(e, documents, problems);
            }
            current = null;
            break;
          case StreamStart:
          case StreamEnd:
            break;
          default:
            if (current != null) {
              current.accept(e);
            }
        }
      }
    } catch (MarkedYamlEngineException ex) {
      Mark m = ex.getProblemMark().or(ex::getContextMark).orElse(null);
      int doc = Math.max(documentIndex, 0);
      SourceLocation at =
          m == null
              ? new SourceLocation(file, doc, 1, 1)
              : new SourceLocation(file, doc, m.getLine() + 1, m.getColumn() + 1);
      String problem = ex.getProblem() == null ? "" : ex.getProblem();
      String context = ex.getContext() == null ? "" : ex.getContext() + ": ";
      problems.add(
          new YamlProblem(
              PARSE,
              at,
              "not valid YAML: " + context + problem,
              "fix the YAML syntax at this line (indentation, a missing ':' or an unclosed quote or"
                  + " bracket are the usual causes)"));
    } catch (YamlEngineException ex) {
      String msg = String.valueOf(ex.getMessage());
      boolean tooLarge = msg.contains("code points") || msg.contains("exceeds the limit");
      problems.add(
          new YamlProblem(
              tooLarge ? TOO_LARGE : PARSE,
              new SourceLocation(file, Math.max(documentIndex, 0), 1, 1),
              tooLarge
                  ? "input is larger than the reader's limit of " + maxStreamChars + " characters"
                  : "not valid YAML: " + firstLine(msg),
              tooLarge
                  ? "split the input into smaller files; the API server accepts at most 3 MiB per"
                      + " request"
                  : "check the file is UTF-8 encoded YAML or JSON"));
    }
    return new Result(documents, problems);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Mark mark(Event e) {
    return e.getStartMark().orElse(null);
  }

  /** A collection being built. */
  private static final class Frame {
    final JsonNode node;
    final String path;
    final Optional<Anchor> anchor;
    final long nodesAtStart;
    // mappings
    String pendingKey;
    Mark pendingKeyMark;
    boolean expectKey = true;
    final Set<String> keys;
    final Map<String, Integer> keyLines;
    final List<ObjectNode> merges;
    // sequences
    int index;

    Frame(JsonNode node, String path, Optional<Anchor> anchor, long nodesAtStart) {
      this.node = node;
      this.path = path;
      this.anchor = anchor;
      this.nodesAtStart = nodesAtStart;
      boolean map = node.isObject();
      this.keys = map ? new HashSet<>() : null;
      this.keyLines = map ? new HashMap<>() : null;
      this.merges = map ? new ArrayList<>() : null;
    }
  }

  private record Anchored(JsonNode node, long size) {}

  /** Builds one document from its events. */
  private final class DocumentBuilder {
    private final String file;
    private final int index;
    private Mark start;
    private boolean rootSeen;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();
    private JsonNode root;
    private long nodes;
    private int aliases;
    private YamlProblem failure;
    private int skipDepth;

    DocumentBuilder(String file, int index, Mark start) {
      this.file = file;
      this.index = index;
      this.start = start;
    }

    SourceLocation at(Mark m) {
      return m == null
          ? new SourceLocation(file, index, 1, 1)
          : new SourceLocation(file, index, m.getLine() + 1, m.getColumn() + 1);
    }

    void fail(String rule, Mark m, String message, String hint) {
      if (failure == null) {
        failure = new YamlProblem(rule, at(m), message, hint);
      }
    }

    void accept(Event e) {
      if (failure != null) {
        return; // the rest of a rejected document is skipped
      }
      switch (e.getEventId()) {
        case MappingStart:
        case SequenceStart:
          startCollection((CollectionStartEvent) e);
          break;
        case MappingEnd:
        case SequenceEnd:
          endCollection();
          break;
        case Scalar:
          scalar((ScalarEvent) e);
          break;
        case Alias:
          alias((AliasEvent) e);
          break;
        default:
          break;
      }
    }

    private String childPath(Frame parent) {
      if (parent == null) {
        return "";
      }
      if (parent.node.isObject()) {
        return parent.path.isEmpty() ? parent.pendingKey : parent.path + "." + parent.pendingKey;
      }
      return parent.path + "[" + parent.index + "]";
    }

    private boolean count(long n, Mark m) {
      nodes += n;
      if (nodes > maxNodes) {
        fail(
            ALIAS_LIMIT,
            m,
            "document expands to more than " + maxNodes + " nodes (aliases included)",
            "remove nested aliases (a YAML 'billion laughs' expansion), or split the document");
        return false;
      }
      return true;
    }

    private void startCollection(CollectionStartEvent e) {
      Frame parent = stack.peek();
      if (parent != null && parent.node.isObject() && parent.expectKey) {
        fail(
            PARSE,
            mark(e),
            "a mapping key must be a string, found a "
                + (e.getEventId() == Event.ID.MappingStart ? "mapping" : "sequence"),
            "Kubernetes objects are JSON: use plain string keys");
        return;
      }
      if (stack.size() >= maxDepth) {
        fail(
            TOO_DEEP,
            mark(e),
            "nesting deeper than " + maxDepth + " levels",
            "no Kubernetes object nests this deep; check for a runaway structure");
        return;
      }
      if (!count(1, mark(e))) {
        return;
      }
      if (!rootSeen) {
        rootSeen = true;
        start = mark(e) == null ? start : mark(e);
      }
      JsonNode node =
          e.getEventId() == Event.ID.MappingStart ? NODES.objectNode() : NODES.arrayNode();
      String path = childPath(parent);
      recordLocation(parent, path, mark(e));
      stack.push(new Frame(node, path, e.getAnchor(), nodes - 1));
    }

    private void recordLocation(Frame parent, String path, Mark m) {
      if (parent == null || parent.node.isArray()) {
        locations.putIfAbsent(path, at(m));
      }
      // mapping values: the key's own location was recorded when the key was read
    }

    private void endCollection() {
      Frame f = stack.pop();
      if (f.node.isObject() && !f.merges.isEmpty()) {
        ObjectNode obj = (ObjectNode) f.node;
        for (ObjectNode merged : f.merges) {
          for (Map.Entry<String, JsonNode> en : merged.properties()) {
            if (!obj.has(en.getKey())) {
              obj.set(en.getKey(), en.getValue().deepCopy());
            }
          }
        }
      }
      f.anchor.ifPresent(
          a -> anchors.put(a.getValue(), new Anchored(f.node, nodes - f.nodesAtStart)));
      attach(f.node, null);
    }

    private void scalar(ScalarEvent e) {
      Frame parent = stack.peek();
      if (parent != null && parent.node.isObject() && parent.expectKey) {
        String key = e.getValue();
        Integer firstLine = parent.keyLines.get(key);
        if (firstLine != null && !key.equals(MERGE_KEY)) {
          fail(
              DUPLICATE_KEY,
              mark(e),
              "key '" + key + "' appears twice in this mapping (first at line " + firstLine + ")",
              "remove one of them: the API server rejects duplicate keys instead of picking one");
          return;
        }
        Mark m = mark(e);
        parent.keyLines.put(key, m == null ? 0 : m.getLine() + 1);
        parent.pendingKey = key;
        parent.pendingKeyMark = m;
        parent.expectKey = false;
        if (!key.equals(MERGE_KEY)) {
          String path = parent.path.isEmpty() ? key : parent.path + "." + key;
          locations.putIfAbsent(path, at(m));
        }
        return;
      }
      if (!count(1, mark(e))) {
        return;
      }
      JsonNode value = scalarValue(e);
      if (parent != null && parent.node.isArray()) {
        locations.putIfAbsent(childPath(parent), at(mark(e)));
      }
      e.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Anchored(value, 1)));
      attach(value, mark(e));
    }

    private JsonNode scalarValue(ScalarEvent e) {
      Optional<String> tag = e.getTag().filter(t -> !t.equals("!"));
      if (tag.isPresent()) {
        JsonNode tagged = GoYamlScalars.resolveTagged(tag.get(), e.getValue());
        if (tagged != null) {
          return tagged;
        }
      }
      if (e.isPlain() && e.getImplicit().canOmitTagInPlainScalar()) {
        return GoYamlScalars.resolvePlain(e.getValue());
      }
      return NODES.stringNode(e.getValue());
    }

    private void alias(AliasEvent e) {
      String name = e.getAlias().getValue();
      Anchored a = anchors.get(name);
      if (a == null) {
        fail(
            PARSE,
            mark(e),
            "alias *" + name + " refers to no anchor defined before it",
            "define '&" + name + "' on an earlier node, or remove the alias");
        return;
      }
      if (++aliases > maxAliases) {
        fail(
            ALIAS_LIMIT,
            mark(e),
            "more than " + maxAliases + " aliases in one document",
            "Kubernetes manifests rarely need aliases; expand them by hand");
        return;
      }
      Frame parent = stack.peek();
      if (parent != null && parent.node.isObject() && parent.expectKey) {
        if (!a.node.isValueNode()) {
          fail(
              PARSE, mark(e), "a mapping key must be a string, found an alias to a collection", "");
          return;
        }
        scalarKeyFromAlias(parent, a.node.asString(), e);
        return;
      }
      if (!count(a.size, mark(e))) {
        return;
      }
      if (parent != null && parent.node.isArray()) {
        locations.putIfAbsent(childPath(parent), at(mark(e)));
      }
      attach(a.node.deepCopy(), mark(e));
    }

    private void scalarKeyFromAlias(Frame parent, String key, AliasEvent e) {
      if (parent.keyLines.containsKey(key)) {
        fail(
            DUPLICATE_KEY,
            mark(e),
            "key '"
                + key
                + "' appears twice in this mapping (first at line "
                + parent.keyLines.get(key)
                + ")",
            "remove one of them");
        return;
      }
      parent.keyLines.put(key, mark(e) == null ? 0 : mark(e).getLine() + 1);
      parent.pendingKey = key;
      parent.expectKey = false;
      locations.putIfAbsent(parent.path.isEmpty() ? key : parent.path + "." + key, at(mark(e)));
    }

    /** Puts a finished value into its parent (or makes it the root). */
    private void attach(JsonNode value, Mark m) {
      Frame parent = stack.peek();
      if (parent == null) {
        root = value;
        return;
      }
      if (parent.node.isArray()) {
        ((ArrayNode) parent.node).add(value);
        parent.index++;
        return;
      }
      ObjectNode obj = (ObjectNode) parent.node;
      if (MERGE_KEY.equals(parent.pendingKey)) {
        if (value.isObject()) {
          parent.merges.add((ObjectNode) value);
        } else if (value.isArray() && allObjects(value)) {
          value.forEach(v -> parent.merges.add((ObjectNode) v));
        } else {
          fail(
              PARSE,
              parent.pendingKeyMark,
              "a merge key '<<' needs a mapping or a list of mappings",
              "point '<<' at an anchored mapping");
        }
      } else {
        obj.set(parent.pendingKey, value);
      }
      parent.expectKey = true;
    }

    private boolean allObjects(JsonNode array) {
      for (JsonNode n : array) {
        if (!n.isObject()) {
          return false;
        }
      }
      return true;
    }

    void finish(Event end, List<YamlDocument> documents, List<YamlProblem> problems) {
      if (failure != null) {
        problems.add(failure);
        return;
      }
      Mark endMark = end.getEndMark().or(end::getStartMark).orElse(null);
      if (start != null
          && endMark != null
          && endMark.getIndex() - start.getIndex() > maxDocumentChars) {
        problems.add(
            new YamlProblem(
                TOO_LARGE,
                at(start),
                "document is "
                    + (endMark.getIndex() - start.getIndex())
                    + " characters long; the limit is "
                    + maxDocumentChars
                    + " (the API server refuses requests over 3 MiB)",
                "split it: no single Kubernetes object can be this large"));
        return;
      }
      if (root == null || root.isNull()) {
        return; // an empty document, as between two '---'
      }
      documents.add(new YamlDocument(root, at(start), locations));
    }
  }
}
