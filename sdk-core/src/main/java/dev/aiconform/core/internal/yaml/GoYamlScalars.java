package dev.aiconform.core.internal.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Resolves plain YAML scalars the way kubectl does: sigs.k8s.io/yaml decodes with a go-yaml v2 fork
 * (YAML 1.1 flavour), so {@code yes}, {@code on} and {@code y} are booleans, {@code 0644} is octal
 * and {@code 1e3} is a number, while timestamps stay strings. Matching it means a manifest means
 * here what it means to kubectl; the writer quotes every string this would not read back as a
 * string.
 */
public final class GoYamlScalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // go-yaml v2 resolve.go: the table of special plain scalars.
  private static final Map<String, Object> SPECIAL =
      Map.ofEntries(
          Map.entry("y", true),
          Map.entry("Y", true),
          Map.entry("yes", true),
          Map.entry("Yes", true),
          Map.entry("YES", true),
          Map.entry("true", true),
          Map.entry("True", true),
          Map.entry("TRUE", true),
          Map.entry("on", true),
          Map.entry("On", true),
          Map.entry("ON", true),
          Map.entry("n", false),
          Map.entry("N", false),
          Map.entry("no", false),
          Map.entry("No", false),
          Map.entry("NO", false),
          Map.entry("false", false),
          Map.entry("False", false),
          Map.entry("FALSE", false),
          Map.entry("off", false),
          Map.entry("Off", false),
          Map.entry("OFF", false),
          Map.entry(".nan", Double.NaN),
          Map.entry(".NaN", Double.NaN),
          Map.entry(".NAN", Double.NaN),
          Map.entry(".inf", Double.POSITIVE_INFINITY),
          Map.entry(".Inf", Double.POSITIVE_INFINITY),
          Map.entry(".INF", Double.POSITIVE_INFINITY),
          Map.entry("+.inf", Double.POSITIVE_INFINITY),
          Map.entry("+.Inf", Double.POSITIVE_INFINITY),
          Map.entry("+.INF", Double.POSITIVE_INFINITY),
          Map.entry("-.inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.INF", Double.NEGATIVE_INFINITY));

  private static final Pattern NULLS = Pattern.compile("|~|null|Null|NULL");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  // Strings other YAML readers (YAML 1.1 sexagesimal, timestamps) would not read as strings.
  private static final Pattern SEXAGESIMAL =
      Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
  private static final Pattern TIMESTAMP =
      Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
  private static final BigDecimal INTEGRAL_LIMIT = new BigDecimal("1e21");

  private GoYamlScalars() {}

  /** The JSON value a plain (unquoted, untagged) scalar stands for. */
  public static JsonNode resolvePlain(String text) {
    if (NULLS.matcher(text).matches()) {
      return NODES.nullNode();
    }
    Object special = SPECIAL.get(text);
    if (special instanceof Boolean) {
      return NODES.booleanNode((Boolean) special);
    }
    if (special instanceof Double) {
      return NODES.numberNode((Double) special);
    }
    char c = text.charAt(0);
    if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
      JsonNode number = number(text);
      if (number != null) {
        return number;
      }
    }
    return NODES.stringNode(text);
  }

  /** The value of a scalar with an explicit standard tag ({@code !!int 3}); null if it has none. */
  public static JsonNode resolveTagged(String tag, String text) {
    switch (tag) {
      case "tag:yaml.org,2002:str":
      case "tag:yaml.org,2002:binary":
      case "tag:yaml.org,2002:timestamp":
        return NODES.stringNode(text);
      case "tag:yaml.org,2002:null":
        return NODES.nullNode();
      case "tag:yaml.org,2002:bool":
      case "tag:yaml.org,2002:int":
      case "tag:yaml.org,2002:float":
        JsonNode v = resolvePlain(text);
        return v.isString() ? null : v;
      default:
        return null;
    }
  }

  /** Whether a string can be written unquoted and read back as the same string. */
  public static boolean readsBackAsString(String text) {
    if (text.isEmpty()) {
      return false;
    }
    if (!resolvePlain(text).isString()) {
      return false;
    }
    return !SEXAGESIMAL.matcher(text).matches()
        && !TIMESTAMP.matcher(text).matches()
        && !text.equals("<<")
        && !text.equals("=");
  }

  private static JsonNode number(String text) {
    String plain = text.replace("_", "");
    BigInteger integer = goParseInt(plain);
    if (integer != null) {
      return integral(integer);
    }
    if (YAML_FLOAT.matcher(plain).matches()) {
      BigDecimal d;
      try {
        d = new BigDecimal(plain.startsWith("+") ? plain.substring(1) : plain);
      } catch (NumberFormatException e) {
        return null;
      }
      // Go writes an integral float64 below 1e21 as an integer in JSON ("1e3" -> 1000).
      if (d.abs().compareTo(INTEGRAL_LIMIT) < 0 && d.stripTrailingZeros().scale() <= 0) {
        return integral(d.toBigIntegerExact());
      }
      return NODES.numberNode(d.doubleValue());
    }
    if (plain.startsWith("0b") || plain.startsWith("-0b")) {
      boolean negative = plain.startsWith("-");
      String digits = plain.substring(negative ? 3 : 2);
      if (!digits.isEmpty() && digits.chars().allMatch(ch -> ch == '0' || ch == '1')) {
        BigInteger v = new BigInteger(digits, 2);
        return integral(negative ? v.negate() : v);
      }
    }
    return null;
  }

  /** Go's strconv.ParseInt(s, 0, 64) / ParseUint: sign, 0x/0o/0b prefixes, leading-0 octal. */
  private static BigInteger goParseInt(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x') {
        radix = 16;
        body = body.substring(2);
      } else if (p == 'o') {
        radix = 8;
        body = body.substring(2);
      } else if (p == 'b') {
        radix = 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(body, radix);
    if (negative) {
      v = v.negate();
      if (v.bitLength() > 63) {
        return null;
      }
    } else if (v.bitLength() > 64) {
      return null;
    }
    return v;
  }

  private static JsonNode integral(BigInteger v) {
    if (v.bitLength() < 32) {
      return NODES.numberNode(v.intValue());
    }
    if (v.bitLength() < 64) {
      return NODES.numberNode(v.longValue());
    }
    return NODES.numberNode(v);
  }
}
