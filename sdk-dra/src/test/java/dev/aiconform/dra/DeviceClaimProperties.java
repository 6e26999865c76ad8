package dev.aiconform.dra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiconform.core.ManifestBundle;
import dev.aiconform.core.ManifestReader;
import dev.aiconform.core.ManifestWriter;
import dev.aiconform.core.ReadResult;
import dev.aiconform.core.validation.Category;
import dev.aiconform.core.validation.Diagnostic;
import dev.aiconform.core.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the builder produces is a valid claim or template that survives YAML. */
class DeviceClaimProperties {
  static final Validator API = Validator.builder().categories(Category.API).build();

  @Property(tries = 200)
  void everyBuiltClaimPassesApiValidationAndRoundTripsThroughYaml(
      @ForAll("claims") DeviceClaim claim) {
    HasMetadata object =
        claim.kind() == DeviceClaim.Kind.CLAIM
            ? claim.toResourceClaim()
            : claim.toResourceClaimTemplate();
    ManifestBundle bundle = ManifestBundle.of(List.of(object));
    List<Diagnostic> errors = API.validate(bundle).errors();
    assertThat(errors).as(ManifestWriter.yaml().write(bundle)).isEmpty();

    String yaml = ManifestWriter.yaml().write(bundle);
    ReadResult read = ManifestReader.defaults().readString(yaml, "claim.yaml");
    assertThat(read.diagnostics()).as(yaml).isEmpty();
    assertThat(read.bundle().manifests()).isEqualTo(bundle.manifests());
    assertThat(ManifestWriter.yaml().write(read.bundle())).isEqualTo(yaml);
  }

  static Arbitrary<String> label() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789")
        .ofMinLength(0)
        .ofMaxLength(10)
        .map(s -> "c" + s);
  }

  static Arbitrary<DeviceSelector> selector() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .alpha()
            .numeric()
            .ofMaxLength(12)
            .map(p -> NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA " + p)),
        Arbitraries.of("16Gi", "40Gi", "80Gi", "1Ti").map(NvidiaGpu.MEMORY::atLeast),
        Arbitraries.of("535.0.0", "550.54.15", "570.1.0").map(NvidiaGpu.DRIVER_VERSION::atLeast),
        Arbitraries.longs().between(0, 7).map(ExampleGpu.INDEX::atLeast),
        Arbitraries.of("LATEST-GPU-MODEL", "OLD-GPU").map(ExampleGpu.MODEL::is),
        Arbitraries.of(true, false)
            .map(b -> b ? ExampleGpu.FULL.isTrue() : ExampleGpu.FULL.isFalse()),
        Arbitraries.of("gpu", "mig").map(NvidiaGpu.TYPE::is));
  }

  /** One (sub)request's settings applied to a builder. */
  static Arbitrary<Consumer<DeviceRequest.Builder>> settings() {
    Arbitrary<String> cls = Arbitraries.of("gpu.nvidia.com", "gpu.example.com", "gpu.amd.com");
    Arbitrary<Integer> count = Arbitraries.integers().between(0, 4); // 0: all devices
    Arbitrary<List<DeviceSelector>> selectors = selector().list().ofMaxSize(3);
    Arbitrary<List<Toleration>> tolerations =
        Arbitraries.of(
                Toleration.exists("example.com/maintenance"),
                Toleration.equal("example.com/health", "degraded").withEffect("NoSchedule"),
                Toleration.all())
            .list()
            .ofMaxSize(2);
    Arbitrary<String> memory = Arbitraries.of("", "1Gi", "10Gi", "512Mi");
    return Combinators.combine(cls, count, selectors, tolerations, memory)
        .as(
            (c, n, sel, tol, mem) ->
                r -> {
                  r.deviceClass(c);
                  if (n == 0) r.allDevices();
                  else r.count(n);
                  sel.forEach(r::where);
                  tol.forEach(r::tolerate);
                  if (!mem.isEmpty()) r.capacity("memory", mem);
                });
  }

  record RequestShape(
      Consumer<DeviceRequest.Builder> exact, List<Consumer<DeviceRequest.Builder>> alternatives) {}

  static Arbitrary<RequestShape> request() {
    return Arbitraries.oneOf(
        settings().map(s -> new RequestShape(s, List.of())),
        settings().list().ofMinSize(2).ofMaxSize(4).map(l -> new RequestShape(null, l)));
  }

  @Provide
  Arbitrary<DeviceClaim> claims() {
    Arbitrary<List<RequestShape>> requests = request().list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<List<int[]>> constraints =
        Arbitraries.integers().between(0, 15).array(int[].class).ofSize(2).list().ofMaxSize(3);
    Arbitrary<Boolean> template = Arbitraries.of(true, false);
    Arbitrary<Boolean> config = Arbitraries.of(true, false);
    return Combinators.combine(label(), requests, constraints, template, config)
        .as(
            (name, reqs, cons, isTemplate, withConfig) -> {
              DeviceClaim.Builder b =
                  (isTemplate ? DeviceClaim.template(name) : DeviceClaim.claim(name))
                      .namespace("ml");
              List<String> names = new ArrayList<>();
              for (int i = 0; i < reqs.size(); i++) {
                RequestShape shape = reqs.get(i);
                String rn = "r" + i;
                names.add(rn);
                b.request(
                    rn,
                    r -> {
                      if (shape.exact() != null) {
                        shape.exact().accept(r);
                      } else {
                        for (int k = 0; k < shape.alternatives().size(); k++) {
                          r.firstAvailable("s" + k, shape.alternatives().get(k));
                        }
                      }
                    });
              }
              for (int[] c : cons) {
                List<String> on =
                    names.stream()
                        .filter(n -> (c[0] & (1 << Integer.parseInt(n.substring(1)))) != 0)
                        .collect(Collectors.toList());
                String[] targets = on.toArray(new String[0]);
                if (c[1] % 2 == 0) b.matchAttribute(StandardAttributes.PCIE_ROOT, targets);
                else b.distinctAttribute(StandardAttributes.NUMA_NODE, targets);
              }
              if (withConfig) {
                b.config(
                    NvidiaGpu.DRIVER,
                    Map.of("sharing", Map.of("strategy", "TimeSlicing")),
                    names.get(0));
              }
              return b.build();
            });
  }
}
