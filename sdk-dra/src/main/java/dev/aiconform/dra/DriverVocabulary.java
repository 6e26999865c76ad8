package dev.aiconform.dra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one DRA driver publishes: its domain (driver name), the attributes and capacities of its
 * devices with their types, and the attributes it used to publish but removed. Used for typed
 * selectors and by the practice rule that flags selectors naming attributes the driver does not
 * have (a typo becomes a scheduling-time error).
 *
 * <pre>{@code
 * DriverVocabulary nvidia = DriverVocabulary.forDomain("gpu.nvidia.com").orElseThrow();
 * nvidia.attribute("productName"); // Optional[gpu.nvidia.com/productName (string)]
 * }</pre>
 */
public final class DriverVocabulary {
  private static final Map<String, DriverVocabulary> REGISTRY = new LinkedHashMap<>();

  private final String domain;
  private final String source;
  private final Map<String, Attribute> attributes = new LinkedHashMap<>();
  private final Map<String, Capacity> capacities = new LinkedHashMap<>();
  private final boolean open;

  private DriverVocabulary(String domain, String source, boolean open) {
    this.domain = domain;
    this.source = source;
    this.open = open;
  }

  static DriverVocabulary define(String domain, String source) {
    return define(domain, source, false);
  }

  /** {@code open}: the driver also publishes attributes named at run time (e.g. partitions). */
  static synchronized DriverVocabulary define(String domain, String source, boolean open) {
    DriverVocabulary v = new DriverVocabulary(domain, source, open);
    REGISTRY.put(domain, v);
    return v;
  }

  StringAttribute string(String id, String description) {
    return add(new StringAttribute(domain, id, description, null));
  }

  StringAttribute removedString(String id, String description, String removedIn) {
    return add(new StringAttribute(domain, id, description, removedIn));
  }

  IntAttribute integer(String id, String description) {
    return add(new IntAttribute(domain, id, description, null));
  }

  IntAttribute removedInteger(String id, String description, String removedIn) {
    return add(new IntAttribute(domain, id, description, removedIn));
  }

  BoolAttribute bool(String id, String description) {
    return add(new BoolAttribute(domain, id, description, null));
  }

  VersionAttribute version(String id, String description) {
    return add(new VersionAttribute(domain, id, description, null));
  }

  Capacity capacity(String id, String description) {
    Capacity c = new Capacity(domain, id, description);
    capacities.put(id, c);
    return c;
  }

  private <A extends Attribute> A add(A a) {
    attributes.put(a.id(), a);
    return a;
  }

  /** The vocabulary of a driver domain, when the SDK knows it. */
  public static synchronized Optional<DriverVocabulary> forDomain(String domain) {
    Vocabularies.load();
    return Optional.ofNullable(REGISTRY.get(domain));
  }

  /** Every known vocabulary. */
  public static synchronized List<DriverVocabulary> all() {
    Vocabularies.load();
    return Collections.unmodifiableList(new ArrayList<>(REGISTRY.values()));
  }

  public String domain() {
    return domain;
  }

  /** Where the names come from (driver source file or documentation). */
  public String source() {
    return source;
  }

  /** Whether the driver also publishes attributes whose names are only known at run time. */
  public boolean isOpen() {
    return open;
  }

  public Optional<Attribute> attribute(String id) {
    return Optional.ofNullable(attributes.get(id));
  }

  public Optional<Capacity> capacity(String id) {
    return Optional.ofNullable(capacities.get(id));
  }

  public List<Attribute> attributes() {
    return List.copyOf(attributes.values());
  }

  public List<Capacity> capacities() {
    return List.copyOf(capacities.values());
  }

  @Override
  public String toString() {
    return "DriverVocabulary[" + domain + "]";
  }

  /** Forces the vendor catalogues' static initializers to register themselves. */
  static final class Vocabularies {
    private static volatile boolean loaded;

    private Vocabularies() {}

    static void load() {
      if (loaded) return;
      loaded = true;
      // touching each catalogue runs its static initializer, which registers it
      StandardAttributes.PCIE_ROOT.id();
      NvidiaGpu.PRODUCT_NAME.id();
      NvidiaMig.PROFILE.id();
      NvidiaVfio.DEVICE_ID.id();
      NvidiaComputeDomain.TYPE.id();
      AmdGpu.PRODUCT_NAME.id();
      IntelGpu.MODEL.id();
      IntelGaudi.MODEL.id();
      GoogleTpu.TPU_GEN.id();
      ExampleGpu.MODEL.id();
    }
  }
}
