package dev.aiconform.autoscale.internal.render;

import dev.aiconform.autoscale.AcceleratorAutoscaler;
import dev.aiconform.autoscale.MonitorResource;
import dev.aiconform.autoscale.Scrape;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders an intent's scrape endpoint as a PodMonitor or ServiceMonitor. */
public final class MonitorRenderer {
  private MonitorRenderer() {}

  public static GenericKubernetesResource render(AcceleratorAutoscaler a) {
    Scrape s =
        a.scrape()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no scrape endpoint: set scrape(Scrape.podMonitor(\"<port>\")...) on the"
                            + " autoscaler to render a PodMonitor or ServiceMonitor"));
    Map<String, String> labels = new LinkedHashMap<>(a.labels());
    labels.putAll(s.monitorLabels());
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("port", s.port());
    endpoint.put("path", s.path());
    endpoint.put("interval", s.interval());
    s.honorLabels().ifPresent(h -> endpoint.put("honorLabels", h));
    return MonitorResource.build(
            s.kind(), a.name(), a.namespace().orElse(null), labels, s.matchLabels(), endpoint)
        .resource();
  }
}
