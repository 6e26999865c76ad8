package dev.aiconform.core.internal.fabric8;

import static dev.aiconform.core.internal.fabric8.ApplyPlan.map;
import static dev.aiconform.core.internal.fabric8.ApplyPlan.string;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.cluster.ClusterCapabilities;
import dev.aiconform.core.cluster.ClusterRequestException;
import dev.aiconform.core.cluster.ImmutableClusterCapabilities;
import dev.aiconform.core.internal.KubeSerialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link ClusterCapabilities} from discovery: {@code /version}, {@code /api}, {@code /apis},
 * the established CRDs and the available APIServices. Where listing CRDs or APIServices is
 * forbidden (a namespaced user), both are inferred from discovery: a CRD's group-version is served
 * only once it is established, an aggregated API only while its APIService is available.
 */
public final class Discovery {
  /** The API groups of the AI ecosystem whose CRDs are worth naming when CRDs cannot be listed. */
  static final List<String> AI_GROUPS =
      List.of(
          "kueue.x-k8s.io",
          "scheduling.volcano.sh",
          "batch.volcano.sh",
          "jobset.x-k8s.io",
          "leaderworkerset.x-k8s.io",
          "keda.sh",
          "scheduling.x-k8s.io",
          "monitoring.coreos.com");

  /** Groups served through APIServices that pick an autoscaling renderer. */
  static final List<String> METRICS_GROUPS =
      List.of("metrics.k8s.io", "custom.metrics.k8s.io", "external.metrics.k8s.io");

  private static final ObjectRef DISCOVERY = ObjectRef.of("v1", "Discovery", "", "cluster");

  private final ApiServer api;

  public Discovery(ApiServer api) {
    this.api = api;
  }

  public ClusterCapabilities discover() {
    ImmutableClusterCapabilities.Builder caps = ClusterCapabilities.builder();
    ApiServer.Answer version = api.get(DISCOVERY, "/version");
    if (version.isSuccess()) {
      String git = string(tree(version.body()).get("gitVersion"));
      if (git != null) {
        caps.serverVersion(git);
      }
    }
    Set<String> groupVersions = new TreeSet<>();
    Map<String, Object> core = tree(require("/api").body());
    if (core.get("versions") instanceof List) {
      for (Object v : (List<?>) core.get("versions")) {
        if (v instanceof String) {
          groupVersions.add((String) v);
        }
      }
    }
    Map<String, Object> apis = tree(require("/apis").body());
    if (apis.get("groups") instanceof List) {
      for (Object g : (List<?>) apis.get("groups")) {
        Object versions = map(g).get("versions");
        if (versions instanceof List) {
          for (Object v : (List<?>) versions) {
            String gv = string(map(v).get("groupVersion"));
            if (gv != null) {
              groupVersions.add(gv);
            }
          }
        }
      }
    }
    caps.groupVersions(groupVersions);
    caps.customResourceDefinitions(crds(groupVersions));
    caps.apiServices(apiServices(groupVersions));
    return caps.build();
  }

  private Set<String> crds(Set<String> groupVersions) {
    Set<String> names = new TreeSet<>();
    ApiServer.Answer a =
        api.get(DISCOVERY, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
    if (a.isSuccess()) {
      for (Map<String, Object> crd : items(a.body())) {
        if (ReadinessProbe.conditionTrue(map(crd.get("status")), "Established")) {
          names.add(string(map(crd.get("metadata")).get("name")));
        }
      }
      return names;
    }
    for (String gv : groupVersions) {
      String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
      if (!AI_GROUPS.contains(group)) {
        continue;
      }
      ApiServer.Answer r = api.get(DISCOVERY, "/apis/" + gv);
      if (!r.isSuccess()) {
        continue;
      }
      Object resources = tree(r.body()).get("resources");
      if (resources instanceof List) {
        for (Object res : (List<?>) resources) {
          String plural = string(map(res).get("name"));
          if (plural != null && !plural.contains("/")) {
            names.add(plural + "." + group);
          }
        }
      }
    }
    return names;
  }

  private Set<String> apiServices(Set<String> groupVersions) {
    Set<String> names = new TreeSet<>();
    ApiServer.Answer a = api.get(DISCOVERY, "/apis/apiregistration.k8s.io/v1/apiservices");
    if (a.isSuccess()) {
      for (Map<String, Object> svc : items(a.body())) {
        if (ReadinessProbe.conditionTrue(map(svc.get("status")), "Available")) {
          names.add(string(map(svc.get("metadata")).get("name")));
        }
      }
      return names;
    }
    for (String gv : groupVersions) {
      int slash = gv.indexOf('/');
      if (slash > 0 && METRICS_GROUPS.contains(gv.substring(0, slash))) {
        names.add(gv.substring(slash + 1) + "." + gv.substring(0, slash));
      }
    }
    return names;
  }

  private ApiServer.Answer require(String path) {
    ApiServer.Answer a = api.get(DISCOVERY, path);
    if (!a.isSuccess()) {
      throw new ClusterRequestException(
          "API discovery failed: GET " + path + ": " + Answers.describe(a), a.code(), null);
    }
    return a;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    Object o = KubeSerialization.get().unmarshal(json, Map.class);
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  static List<Map<String, Object>> items(String listJson) {
    Object items = tree(listJson).get("items");
    if (!(items instanceof List)) {
      return List.of();
    }
    return ((List<?>) items)
        .stream().map(ApplyPlan::map).collect(java.util.stream.Collectors.toList());
  }
}
