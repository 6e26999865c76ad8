package dev.aiconform.core.cluster;

import dev.aiconform.core.ObjectRef;
import dev.aiconform.core.fixtures.FakeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link ClusterScenarios} against fabric8's mock server, in every build. */
class FakeApiServerScenariosTest extends ClusterScenarios {
  private FakeApiServer server;
  private KubernetesClient fabric8;
  private Fabric8ClusterClient cluster;

  @BeforeEach
  void start() {
    server = FakeApiServer.start();
    fabric8 = server.client();
    cluster = Fabric8ClusterClient.of(fabric8);
  }

  @AfterEach
  void stop() {
    fabric8.close();
    server.close();
  }

  @Override
  protected Fabric8ClusterClient cluster() {
    return cluster;
  }

  @Override
  protected Fabric8ClusterClient otherManager() {
    return cluster;
  }

  private static String path(ObjectRef ref, String plural) {
    String base =
        ref.apiVersion().contains("/") ? "/apis/" + ref.apiVersion() : "/api/" + ref.apiVersion();
    return base + "/namespaces/" + ref.namespace() + "/" + plural + "/" + ref.name() + "?";
  }

  @Override
  protected void serverWillConflict(ObjectRef ref, String manager, String field) {
    server.fail(
        "PATCH",
        path(ref, "configmaps"),
        1,
        409,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":409,\"reason\":\"Conflict\","
            + "\"message\":\"Apply failed with 1 conflict\",\"details\":{\"causes\":[{\"reason\":\"FieldManagerConflict\","
            + "\"message\":\"conflict with \\\""
            + manager
            + "\\\"\",\"field\":\"."
            + field
            + "\"}]}}",
        Map.of());
  }

  @Override
  protected void serverWillReject(ObjectRef ref, String field, String message) {
    server.fail(
        "PATCH",
        path(ref, "resourceclaimtemplates"),
        1,
        422,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":422,\"reason\":\"Invalid\","
            + "\"message\":\"invalid\",\"details\":{\"causes\":[{\"reason\":\"FieldValueInvalid\",\"message\":\""
            + message
            + "\",\"field\":\""
            + field
            + "\"}]}}",
        Map.of());
  }
}
