package dev.aiconform.autoscale;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metrics outside the catalogue: a per-pod series your server exports, or any Prometheus query.
 *
 * <pre>{@code
 * MetricIntent depth = PromQl.podMetric("my_queue_depth").averageValue(10);
 * MetricIntent rps = PromQl.query("api_rps", "sum(rate(http_requests_total{service=\"api\"}[2m]))")
 *     .value(100);
 * }</pre>
 */
public final class PromQl {
  // Words that may precede "(" or "{" in PromQL but are not series names.
  private static final Set<String> NOT_SERIES =
      Set.of(
          "sum",
          "avg",
          "min",
          "max",
          "count",
          "stddev",
          "stdvar",
          "topk",
          "bottomk",
          "quantile",
          "count_values",
          "group",
          "rate",
          "irate",
          "increase",
          "delta",
          "idelta",
          "deriv",
          "histogram_quantile",
          "label_replace",
          "label_join",
          "vector",
          "scalar",
          "abs",
          "ceil",
          "floor",
          "round",
          "clamp",
          "clamp_min",
          "clamp_max",
          "avg_over_time",
          "max_over_time",
          "min_over_time",
          "sum_over_time",
          "count_over_time",
          "last_over_time",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "time",
          "absent");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private PromQl() {}

  /**
   * A gauge your pods export, labelled {@code namespace} and {@code pod} by Prometheus' service
   * discovery; summed per pod.
   */
  public static MetricDefinition podMetric(String series) {
    return MetricDefinition.builder()
        .series(series)
        .exporter(Exporter.CUSTOM)
        .unit(Unit.ANY)
        .scope(Scope.POD)
        .podAggregation(PodAggregation.SUM)
        .additive(true)
        .description("custom per-pod series " + series)
        .build();
  }

  /**
   * A query returning one value: an {@code External} metric named {@code apiName}.
   * prometheus-adapter discovers it through the first series the query reads; use {@link
   * #query(String, String, String)} to name another.
   *
   * @throws IllegalArgumentException when no series name can be found in the query
   */
  public static MetricDefinition query(String apiName, String promQl) {
    return query(apiName, promQl, firstSeries(promQl));
  }

  /** A query returning one value, discovered through {@code discoverySeries}. */
  public static MetricDefinition query(String apiName, String promQl, String discoverySeries) {
    if (!apiName.matches("[a-z0-9]([a-z0-9_.-]*[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "metric API name must be lower-case letters, digits, '_', '.' or '-' (it is a path"
              + " segment of the external metrics API); found '"
              + apiName
              + "'");
    }
    return MetricDefinition.builder()
        .series(discoverySeries)
        .exporter(Exporter.CUSTOM)
        .unit(Unit.ANY)
        .scope(Scope.EXTERNAL)
        .podAggregation(PodAggregation.SUM)
        .additive(true)
        .promQl(promQl)
        .apiName(apiName)
        .description("custom query " + promQl)
        .build();
  }

  static String firstSeries(String promQl) {
    String withoutStrings = promQl.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    withoutStrings = withoutStrings.replaceAll("\\{[^}]*}", "{}").replaceAll("\\[[^]]*]", "[]");
    withoutStrings =
        withoutStrings.replaceAll(
            "(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Matcher m = IDENTIFIER.matcher(withoutStrings);
    while (m.find()) {
      String word = m.group();
      int next = m.end();
      while (next < withoutStrings.length() && withoutStrings.charAt(next) == ' ') {
        next++;
      }
      boolean call = next < withoutStrings.length() && withoutStrings.charAt(next) == '(';
      if (!call && !NOT_SERIES.contains(word.toLowerCase(Locale.ROOT))) {
        return word;
      }
    }
    throw new IllegalArgumentException(
        "cannot find a series name in the query '"
            + promQl
            + "'; pass the series prometheus-adapter should discover it by:"
            + " PromQl.query(apiName, query, series)");
  }
}
