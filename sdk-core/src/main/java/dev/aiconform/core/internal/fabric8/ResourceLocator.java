package dev.aiconform.core.internal.fabric8;

import dev.aiconform.core.GroupKind;
import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.internal.KubeSerialization;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where a kind lives on the API server: its resource (plural) name and whether it is
 * namespaced. Kinds with a fabric8 model are known without asking; others (Kueue, JobSet, Volcano
 * …) are looked up once per group-version in discovery, so a kind the cluster does not serve gets a
 * clear answer instead of a 404.
 */
public final class ResourceLocator {
  /** A served resource. */
  public record ResourceType(String apiVersion, String kind, String plural, boolean namespaced) {
    /** {@code /apis/batch/v1} or {@code /api/v1}. */
    public String groupVersionPath() {
      return apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    }

    /** The collection path, in {@code namespace} when namespaced. */
    public String collectionPath(String namespace) {
      return groupVersionPath()
          + (namespaced && namespace != null && !namespace.isEmpty()
              ? "/namespaces/" + namespace
              : "")
          + "/"
          + plural;
    }

    public String objectPath(String namespace, String name) {
      return collectionPath(namespace) + "/" + name;
    }
  }

  /** Why a kind could not be resolved, for people. */
  public static final class NotServed extends Exception {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    NotServed(String message, int statusCode) {
      super(message);
      this.statusCode = statusCode;
    }

    public int statusCode() {
      return statusCode;
    }
  }

  private final ApiServer api;
  private final Map<String, APIResourceList> discovered = new ConcurrentHashMap<>();
  private volatile APIGroupList groups;

  public ResourceLocator(ApiServer api) {
    this.api = api;
  }

  /** Forgets discovery (after CRDs were applied). */
  public void invalidate() {
    discovered.clear();
    groups = null;
  }

  /** The fabric8 model class for a kind, when there is one. */
  public static Optional<Class<? extends HasMetadata>> modelClass(String apiVersion, String kind) {
    if (apiVersion == null || kind == null) {
      return Optional.empty();
    }
    Class<? extends KubernetesResource> c =
        KubeSerialization.get().getRegisteredKubernetesResource(apiVersion, kind);
    if (c == null
        || c == GenericKubernetesResource.class
        || !HasMetadata.class.isAssignableFrom(c)) {
      return Optional.empty();
    }
    return Optional.of(c.asSubclass(HasMetadata.class));
  }

  /**
   * Whether a kind is namespaced, as far as it is known without asking the server (fabric8 model,
   * or discovery already done); empty when unknown.
   */
  public Optional<Boolean> knownNamespaced(String apiVersion, String kind) {
    Optional<Class<? extends HasMetadata>> model = modelClass(apiVersion, kind);
    if (model.isPresent()) {
      return Optional.of(Namespaced.class.isAssignableFrom(model.get()));
    }
    APIResourceList list = discovered.get(apiVersion);
    if (list != null) {
      return find(list, kind).map(r -> Boolean.TRUE.equals(r.getNamespaced()));
    }
    return Optional.empty();
  }

  public ResourceType resolve(ObjectRef about, String apiVersion, String kind) throws NotServed {
    Optional<Class<? extends HasMetadata>> model = modelClass(apiVersion, kind);
    if (model.isPresent()) {
      return new ResourceType(
          apiVersion,
          kind,
          HasMetadata.getPlural(model.get()),
          Namespaced.class.isAssignableFrom(model.get()));
    }
    APIResourceList list = discover(about, apiVersion);
    return find(list, kind)
        .map(
            r ->
                new ResourceType(
                    apiVersion, kind, r.getName(), Boolean.TRUE.equals(r.getNamespaced())))
        .orElseThrow(
            () ->
                new NotServed(
                    "the cluster serves "
                        + apiVersion
                        + " but not the kind "
                        + kind
                        + " in it; is the CRD that defines it installed at this version?",
                    404));
  }

  /**
   * Whether discovery lists the kind (asking even for kinds with a fabric8 model); empty when
   * discovery itself failed.
   */
  public Optional<Boolean> listedInDiscovery(ObjectRef about, String apiVersion, String kind) {
    try {
      return Optional.of(find(discover(about, apiVersion), kind).isPresent());
    } catch (NotServed e) {
      return e.statusCode() == 404 ? Optional.of(false) : Optional.empty();
    }
  }

  /** The served version of a group to use for a kind: the server's preferred one. */
  public String preferredApiVersion(ObjectRef about, GroupKind kind) throws NotServed {
    if (kind.group().isEmpty()) {
      return "v1";
    }
    for (APIGroup g : groups(about).getGroups()) {
      if (kind.group().equals(g.getName()) && g.getPreferredVersion() != null) {
        return g.getPreferredVersion().getGroupVersion();
      }
    }
    throw new NotServed(
        "the cluster does not serve the API group "
            + kind.group()
            + " (needed for "
            + kind
            + "); install the component that provides it",
        404);
  }

  private APIGroupList groups(ObjectRef about) throws NotServed {
    APIGroupList g = groups;
    if (g == null) {
      ApiServer.Answer a = api.get(about, "/apis");
      if (!a.isSuccess()) {
        throw new NotServed("API discovery (GET /apis) failed: " + Answers.describe(a), a.code());
      }
      g = KubeSerialization.get().unmarshal(a.body(), APIGroupList.class);
      groups = g;
    }
    return g;
  }

  private APIResourceList discover(ObjectRef about, String apiVersion) throws NotServed {
    APIResourceList cached = discovered.get(apiVersion);
    if (cached != null) {
      return cached;
    }
    String path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    ApiServer.Answer a = api.get(about, path);
    if (a.code() == 404) {
      throw new NotServed(
          "the cluster does not serve "
              + apiVersion
              + " (GET "
              + path
              + " answered 404); install the component that provides "
              + GroupKind.groupOf(apiVersion)
              + " or use an apiVersion the cluster serves",
          404);
    }
    if (!a.isSuccess()) {
      throw new NotServed(
          "API discovery of " + apiVersion + " failed: " + Answers.describe(a), a.code());
    }
    APIResourceList list = KubeSerialization.get().unmarshal(a.body(), APIResourceList.class);
    discovered.put(apiVersion, list);
    return list;
  }

  private static Optional<APIResource> find(APIResourceList list, String kind) {
    if (list.getResources() == null) {
      return Optional.empty();
    }
    return list.getResources().stream()
        .filter(r -> kind.equals(r.getKind()) && r.getName() != null && !r.getName().contains("/"))
        .findFirst();
  }
}
