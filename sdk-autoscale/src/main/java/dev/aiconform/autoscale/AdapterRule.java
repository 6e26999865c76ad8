package dev.aiconform.autoscale;

import dev.aiconform.core.AiconformStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One prometheus-adapter discovery rule ({@code rules[]} or {@code externalRules[]} of its
 * configuration): which series to discover, which Kubernetes resources their labels name, what the
 * metric is called in the API, and the query that fetches it.
 *
 * <pre>{@code
 * AdapterRule.builder().seriesQuery("tgi_queue_size{namespace!=\"\",pod!=\"\"}")
 *     .putResourceOverride("namespace", GroupResource.of("", "namespace"))
 *     .putResourceOverride("pod", GroupResource.of("", "pod"))
 *     .nameMatches("^tgi_queue_size$").nameAs("tgi_queue_size")
 *     .metricsQuery("sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)").build();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class AdapterRule {
  public abstract String seriesQuery();

  /** {@code is}/{@code isNot} regular expressions on series names. */
  public abstract List<SeriesFilter> seriesFilters();

  /** Prometheus label → the Kubernetes group-resource whose object names it holds. */
  public abstract Map<String, GroupResource> resourceOverrides();

  public abstract Optional<String> resourceTemplate();

  /** External rules only: false to ignore the HPA's namespace. */
  public abstract Optional<Boolean> namespaced();

  public abstract Optional<String> nameMatches();

  public abstract Optional<String> nameAs();

  public abstract Optional<String> metricsQuery();

  public static ImmutableAdapterRule.Builder builder() {
    return ImmutableAdapterRule.builder();
  }

  /** A Kubernetes group and resource as prometheus-adapter names them. */
  @Value.Immutable
  @AiconformStyle
  public abstract static class GroupResource {
    @Value.Parameter
    public abstract String group();

    @Value.Parameter
    public abstract String resource();

    public static GroupResource of(String group, String resource) {
      return ImmutableGroupResource.of(group, resource);
    }
  }

  /** A series-name filter: exactly one of {@code is} and {@code isNot}. */
  @Value.Immutable
  @AiconformStyle
  public abstract static class SeriesFilter {
    public abstract Optional<String> is();

    public abstract Optional<String> isNot();

    public static SeriesFilter is(String regex) {
      return ImmutableSeriesFilter.builder().is(regex).build();
    }

    public static SeriesFilter isNot(String regex) {
      return ImmutableSeriesFilter.builder().isNot(regex).build();
    }
  }
}
