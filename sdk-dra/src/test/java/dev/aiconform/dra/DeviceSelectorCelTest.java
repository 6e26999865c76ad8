package dev.aiconform.dra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.resource.v1.Device;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceSlice;
import org.junit.jupiter.api.Test;

class DeviceSelectorCelTest {
  private static final Device H100 =
      ResourceSlices.onNode("n1", NvidiaGpu.DRIVER)
          .device(
              "gpu-0",
              d ->
                  d.stringAttribute("productName", "NVIDIA H100 80GB HBM3")
                      .stringAttribute("type", "gpu")
                      .attribute(NvidiaGpu.DRIVER_VERSION, "550.54.15")
                      .attribute(StandardAttributes.PCIE_ROOT, "pci0000:00")
                      .capacity("memory", "80Gi"))
          .build()
          .getSpec()
          .getDevices()
          .get(0);

  private static boolean eval(String expr) {
    DeviceSelectorCel.Compiled c = DeviceSelectorCel.compile(expr);
    assertThat(c.error()).isEmpty();
    return c.matches(NvidiaGpu.DRIVER, H100);
  }

  @Test
  void unqualifiedAttributesLiveInTheDriversDomain() {
    assertThat(eval("device.attributes['gpu.nvidia.com'].productName.startsWith('NVIDIA H100')"))
        .isTrue();
    assertThat(eval("device.attributes['resource.kubernetes.io'].pcieRoot == 'pci0000:00'"))
        .isTrue();
  }

  @Test
  void unknownDomainReadsAsEmptyMapButIsNotInTheAttributes() {
    assertThat(eval("size(device.attributes['other.vendor.com']) == 0")).isTrue();
    assertThat(eval("'other.vendor.com' in device.attributes")).isFalse();
    assertThat(eval("'gpu.nvidia.com' in device.attributes")).isTrue();
  }

  @Test
  void missingAttributeIsARuntimeErrorNotFalse() {
    DeviceSelectorCel.Compiled c =
        DeviceSelectorCel.compile("device.attributes['gpu.nvidia.com'].index == 0");
    assertThatThrownBy(() -> c.matches(NvidiaGpu.DRIVER, H100))
        .hasMessageContaining("no such key: index");
  }

  @Test
  void guardsAndOptionalsAvoidTheRuntimeError() {
    assertThat(
            eval(
                "has(device.attributes['gpu.nvidia.com'].index) && device.attributes['gpu.nvidia.com'].index == 0"))
        .isFalse();
    assertThat(eval("device.attributes['gpu.nvidia.com'].?index.orValue(-1) == -1")).isTrue();
  }

  @Test
  void quantityAndSemverLibraries() {
    assertThat(eval("device.capacity['gpu.nvidia.com'].memory.compareTo(quantity('40Gi')) > 0"))
        .isTrue();
    assertThat(eval("device.capacity['gpu.nvidia.com'].memory == quantity('81920Mi')")).isTrue();
    assertThat(eval("device.capacity['gpu.nvidia.com'].memory.isGreaterThan(quantity('80Gi'))"))
        .isFalse();
    assertThat(
            eval(
                "device.attributes['gpu.nvidia.com'].driverVersion.isGreaterThan(semver('550.54.0'))"))
        .isTrue();
    assertThat(eval("device.attributes['gpu.nvidia.com'].driverVersion.major() == 550")).isTrue();
    assertThat(eval("semver('v1.2', true) == semver('1.2.0')")).isTrue();
    assertThat(eval("quantity('1.5').isInteger() == false && quantity('2k').asInteger() == 2000"))
        .isTrue();
  }

  @Test
  void bindStringsListsAndSetsExtensions() {
    assertThat(
            eval(
                "cel.bind(a, device.attributes['gpu.nvidia.com'], a.productName.lowerAscii().contains('h100'))"))
        .isTrue();
    assertThat(eval("sets.contains([1, 2, 3], [2])")).isTrue();
    assertThat(eval("[3, 1, 2].sort() == [1, 2, 3]")).isTrue();
    assertThat(eval("[1, 2, 3].isSorted() && [1, 2, 3].sum() == 6")).isTrue();
    assertThat(eval("'abc123'.find('[0-9]+') == '123'")).isTrue();
  }

  @Test
  void typedDeviceCatchesFieldTyposAtCompileTime() {
    DeviceSelectorCel.Compiled c = DeviceSelectorCel.compile("device.atributes['x'].y");
    assertThat(c.isValid()).isFalse();
    assertThat(c.error().orElseThrow())
        .startsWith("compilation failed: ERROR: <input>:1:7: undefined field 'atributes'");
  }

  @Test
  void nonBoolResultsAreRejectedAtCompileTime() {
    assertThat(DeviceSelectorCel.compile("device.driver").error())
        .contains("must evaluate to bool or the unknown type, not string");
    // an attribute value has the unknown type: accepted at compile time, checked at run time
    assertThat(DeviceSelectorCel.compile("device.attributes['x'].y").isValid()).isTrue();
  }

  @Test
  void nonBoolDynamicResultIsARuntimeError() {
    DeviceSelectorCel.Compiled c =
        DeviceSelectorCel.compile("device.attributes['gpu.nvidia.com'].productName");
    assertThatThrownBy(() -> c.matches(NvidiaGpu.DRIVER, H100))
        .hasMessageContaining("could not be converted to bool");
  }

  @Test
  void invalidRegexLiteralIsACompileError() {
    assertThat(DeviceSelectorCel.compile("device.driver.matches('[')").isValid()).isFalse();
  }

  @Test
  void costEstimateFlagsDeeplyNestedComprehensions() {
    String cheap = "device.driver == 'gpu.nvidia.com'";
    assertThat(DeviceSelectorCel.compile(cheap).estimatedCost()).isLessThan(20);
    String nested =
        "device.attributes.all(a, device.attributes.all(b, device.attributes.all(c,"
            + " device.attributes.all(d, device.attributes.all(e, a == e)))))";
    DeviceSelectorCel.Compiled c = DeviceSelectorCel.compile(nested);
    assertThat(c.estimatedCost()).isGreaterThan(DeviceSelectorCel.MAX_COST);
    assertThat(c.error()).contains("too complex, exceeds cost limit");
  }

  @Test
  void compilationsAreCached() {
    String e = "device.driver == 'cached.example.com'";
    assertThat(DeviceSelectorCel.compile(e)).isNotSameAs(DeviceSelectorCel.compile(e));
    assertThat(dev.aiconform.dra.internal.cel.DraCelEnvironment.get().compile(e))
        .isSameAs(dev.aiconform.dra.internal.cel.DraCelEnvironment.get().compile(e));
  }

  @Test
  void typedPredicatesAreSafeOnDevicesLackingTheAttribute() {
    ResourceSlice slice =
        ResourceSlices.onNode("n1", NvidiaGpu.DRIVER)
            .device("bare", d -> d.stringAttribute("type", "gpu"))
            .build();
    Device bare = slice.getSpec().getDevices().get(0);
    for (DeviceSelector s :
        new DeviceSelector[] {
          NvidiaGpu.PRODUCT_NAME.startsWith("NVIDIA"),
          NvidiaGpu.MEMORY.atLeast("80Gi"),
          NvidiaGpu.DRIVER_VERSION.atLeast("550.54.0"),
          StandardAttributes.PCIE_ROOT.startsWith("pci")
        }) {
      assertThat(DeviceSelectorCel.compile(s.expression()).matches(NvidiaGpu.DRIVER, bare))
          .as(s.expression())
          .isFalse();
      assertThat(DeviceSelectorCel.compile(s.expression()).matches(NvidiaGpu.DRIVER, H100))
          .as(s.expression())
          .isTrue();
    }
  }

  @Test
  void oneDeviceValueServesSeveralSelectors() {
    DeviceSelectorCel.DeviceValue gpu = DeviceSelectorCel.device(NvidiaGpu.DRIVER, H100);
    assertThat(DeviceSelectorCel.compile("device.driver == 'gpu.nvidia.com'").matches(gpu))
        .isTrue();
    assertThat(NvidiaGpu.MEMORY.atLeast("100Gi").expression())
        .satisfies(e -> assertThat(DeviceSelectorCel.compile(e).matches(gpu)).isFalse());
    assertThatThrownBy(
            () ->
                DeviceSelectorCel.compile("device.attributes['gpu.nvidia.com'].index == 0")
                    .matches(gpu))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no such key: index");
  }
}
