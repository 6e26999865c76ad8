package dev.aiconform.dra;

import dev.aiconform.core.AiconformStyle;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceClaimConfigurationBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.DeviceConstraintBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.OpaqueDeviceConfigurationBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaim;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpec;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimSpecBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplate;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A request for devices, by attribute: a ResourceClaim (one set of devices shared by every pod that
 * references it) or a ResourceClaimTemplate (one claim per pod). Compiles to fabric8 {@code
 * resource.k8s.io/v1} objects.
 *
 * <pre>{@code
 * DeviceClaim pair = DeviceClaim.template("h100-pair")
 *     .request("gpus", r -> r.deviceClass("gpu.nvidia.com").count(2)
 *         .where(NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA H100")))
 *     .matchAttribute(StandardAttributes.PCIE_ROOT, "gpus").build();
 * ResourceClaimTemplate rct = pair.toResourceClaimTemplate();
 * }</pre>
 */
@Value.Immutable
@AiconformStyle
public abstract class DeviceClaim {
  /** Which object the claim compiles to. */
  public enum Kind {
    CLAIM,
    TEMPLATE
  }

  public abstract String name();

  public abstract Optional<String> namespace();

  public abstract Kind kind();

  public abstract Map<String, String> labels();

  /** Labels for the claims a template generates ({@code spec.metadata.labels}). */
  public abstract Map<String, String> claimLabels();

  public abstract List<DeviceRequest> requests();

  public abstract List<Constraint> constraints();

  public abstract List<Config> config();

  /** A constraint across requests: same ({@code matchAttribute}) or distinct values. */
  @Value.Immutable
  @AiconformStyle
  public abstract static class Constraint {
    /** Requests it applies to; empty: all. */
    public abstract List<String> requests();

    public abstract Optional<String> matchAttribute();

    public abstract Optional<String> distinctAttribute();
  }

  /** Opaque driver configuration for some requests (empty: all). */
  @Value.Immutable
  @AiconformStyle
  public abstract static class Config {
    public abstract List<String> requests();

    public abstract String driver();

    /** The parameters, a JSON object. */
    public abstract Map<String, Object> parameters();
  }

  /** A ResourceClaimTemplate: each pod gets its own claim. */
  public static Builder template(String name) {
    return new Builder(name, Kind.TEMPLATE);
  }

  /** A ResourceClaim: one allocation shared by every pod that references it. */
  public static Builder claim(String name) {
    return new Builder(name, Kind.CLAIM);
  }

  /** The claim spec ({@code spec} of a claim, {@code spec.spec} of a template). */
  public ResourceClaimSpec toSpec() {
    DeviceClaimBuilder devices = new DeviceClaimBuilder();
    requests().forEach(r -> devices.addToRequests(r.toFabric8()));
    for (Constraint c : constraints()) {
      DeviceConstraintBuilder cb = new DeviceConstraintBuilder();
      if (!c.requests().isEmpty()) cb.withRequests(c.requests());
      c.matchAttribute().ifPresent(cb::withMatchAttribute);
      c.distinctAttribute().ifPresent(cb::withDistinctAttribute);
      devices.addToConstraints(cb.build());
    }
    for (Config c : config()) {
      DeviceClaimConfigurationBuilder cb = new DeviceClaimConfigurationBuilder();
      if (!c.requests().isEmpty()) cb.withRequests(c.requests());
      cb.withOpaque(
          new OpaqueDeviceConfigurationBuilder()
              .withDriver(c.driver())
              .withParameters(new LinkedHashMap<>(c.parameters()))
              .build());
      devices.addToConfig(cb.build());
    }
    return new ResourceClaimSpecBuilder().withDevices(devices.build()).build();
  }

  public ResourceClaim toResourceClaim() {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name());
    namespace().ifPresent(meta::withNamespace);
    if (!labels().isEmpty()) meta.withLabels(labels());
    return new ResourceClaimBuilder().withMetadata(meta.build()).withSpec(toSpec()).build();
  }

  public ResourceClaimTemplate toResourceClaimTemplate() {
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name());
    namespace().ifPresent(meta::withNamespace);
    if (!labels().isEmpty()) meta.withLabels(labels());
    var spec = new io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateSpecBuilder();
    if (!claimLabels().isEmpty()) {
      spec.withMetadata(new ObjectMetaBuilder().withLabels(claimLabels()).build());
    }
    spec.withSpec(toSpec());
    return new ResourceClaimTemplateBuilder()
        .withMetadata(meta.build())
        .withSpec(spec.build())
        .build();
  }

  /** The object of this claim's {@link #kind()}. */
  public HasMetadata toObject() {
    return kind() == Kind.TEMPLATE ? toResourceClaimTemplate() : toResourceClaim();
  }

  /** Fluent builder. */
  public static final class Builder {
    private final ImmutableDeviceClaim.Builder b = ImmutableDeviceClaim.builder();

    Builder(String name, Kind kind) {
      b.name(name).kind(kind);
    }

    public Builder namespace(String namespace) {
      b.namespace(namespace);
      return this;
    }

    public Builder label(String key, String value) {
      b.putLabel(key, value);
      return this;
    }

    public Builder claimLabel(String key, String value) {
      b.putClaimLabel(key, value);
      return this;
    }

    /** An {@code exactly} request (or, with {@code r.firstAvailable(...)}, alternatives). */
    public Builder request(String name, Consumer<DeviceRequest.Builder> request) {
      DeviceRequest.Builder r = DeviceRequest.named(name);
      request.accept(r);
      b.addRequest(r.build());
      return this;
    }

    public Builder request(DeviceRequest request) {
      b.addRequest(request);
      return this;
    }

    /** All devices of the named requests (all requests when none named) share the attribute. */
    public Builder matchAttribute(String fullyQualifiedName, String... requests) {
      b.addConstraint(
          ImmutableConstraint.builder()
              .requests(Arrays.asList(requests))
              .matchAttribute(fullyQualifiedName)
              .build());
      return this;
    }

    public Builder matchAttribute(Attribute attribute, String... requests) {
      return matchAttribute(attribute.qualifiedName(), requests);
    }

    /** All devices of the named requests have pairwise different values of the attribute. */
    public Builder distinctAttribute(String fullyQualifiedName, String... requests) {
      b.addConstraint(
          ImmutableConstraint.builder()
              .requests(Arrays.asList(requests))
              .distinctAttribute(fullyQualifiedName)
              .build());
      return this;
    }

    public Builder distinctAttribute(Attribute attribute, String... requests) {
      return distinctAttribute(attribute.qualifiedName(), requests);
    }

    /** Opaque driver parameters (a JSON object) for the named requests (all when none named). */
    public Builder config(String driver, Map<String, ?> parameters, String... requests) {
      b.addConfig(
          ImmutableConfig.builder()
              .driver(driver)
              .parameters(new LinkedHashMap<String, Object>(parameters))
              .requests(Arrays.asList(requests))
              .build());
      return this;
    }

    public DeviceClaim build() {
      return b.build();
    }

    public ResourceClaimTemplate toResourceClaimTemplate() {
      return build().toResourceClaimTemplate();
    }

    public ResourceClaim toResourceClaim() {
      return build().toResourceClaim();
    }
  }
}
