package dev.aiconform.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MetricCatalogueTest {
  @Test
  void utilisationIsAFractionOfTheUnitsFullScale() {
    assertThat(Dcgm.GPU_UTIL.utilisation(0.7).target().amount())
        .isEqualByComparingTo(new BigDecimal("70"));
    assertThat(Dcgm.GR_ENGINE_ACTIVE.utilisation(0.7).target().quantity()).isEqualTo("700m");
  }

  @Test
  void utilisationOfAMetricThatIsNotAPercentageOrRatioIsRefused() {
    assertThatThrownBy(() -> Dcgm.FB_USED.utilisation(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MEBIBYTES")
        .hasMessageContaining("averageValue");
  }

  @Test
  void targetsOutsideTheMetricsRangeAreRefusedWithTheRange() {
    assertThatThrownBy(() -> Dcgm.GPU_UTIL.averageValue(150))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 100")
        .hasMessageContaining("found 150");
    assertThatThrownBy(() -> Vllm.KV_CACHE_USAGE.averageValue(80))
        .hasMessageContaining("at most 1");
  }

  @Test
  void targetsMustBePositive() {
    assertThatThrownBy(() -> Tgi.QUEUE_SIZE.averageValue(0))
        .hasMessageContaining("must be a positive number; found 0.0");
  }

  @Test
  void perPodMetricsTakeAverageValueTargetsOnly() {
    assertThatThrownBy(() -> Vllm.NUM_REQUESTS_WAITING.value(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AverageValue")
        .hasMessageContaining("onObject");
  }

  @Test
  void metricsApiNamesAreLowerCaseWithoutColonsAndSayWhatWasDerived() {
    assertThat(Vllm.NUM_REQUESTS_WAITING.apiName()).isEqualTo("vllm_num_requests_waiting");
    assertThat(Dcgm.GR_ENGINE_ACTIVE.apiName()).isEqualTo("dcgm_fi_prof_gr_engine_active");
    assertThat(Vllm.timeToFirstToken(0.95).apiName())
        .isEqualTo("vllm_time_to_first_token_seconds_p95");
    assertThat(Triton.QUEUE_DURATION_RATE.apiName())
        .isEqualTo("nv_inference_queue_duration_us_per_second");
    assertThat(GoogleCloud.CONTAINER_DUTY_CYCLE.apiName())
        .isEqualTo("kubernetes.io|container|accelerator|duty_cycle");
  }

  @Test
  void everyCatalogueNameIsFoundUnderAllItsSpellings() {
    assertThat(MetricCatalogue.find("vllm:num_requests_waiting"))
        .contains(Vllm.NUM_REQUESTS_WAITING);
    assertThat(MetricCatalogue.find("vllm_num_requests_waiting"))
        .contains(Vllm.NUM_REQUESTS_WAITING);
    assertThat(MetricCatalogue.find("dcgm_fi_dev_gpu_util")).contains(Dcgm.GPU_UTIL);
    assertThat(MetricCatalogue.find("amd_gpu_gfx_activity")).contains(AmdGpu.GFX_ACTIVITY);
    assertThat(MetricCatalogue.find("kubernetes.io/container/accelerator/duty_cycle"))
        .contains(GoogleCloud.CONTAINER_DUTY_CYCLE);
    assertThat(MetricCatalogue.find("prometheus.googleapis.com|dcgm_fi_dev_gpu_util|unknown"))
        .contains(Dcgm.GPU_UTIL);
    assertThat(MetricCatalogue.find("pod_gpu_utilization")).isEmpty();
    for (MetricDefinition m : MetricCatalogue.all()) {
      assertThat(MetricCatalogue.find(m.series())).as(m.series()).contains(m);
    }
  }

  @Test
  void theClosestKnownNameOfATypoIsOneEditAway() {
    assertThat(MetricCatalogue.closest("vllm:num_request_waiting").orElseThrow())
        .satisfies(
            e -> {
              assertThat(e.getKey()).isEqualTo("vllm:num_requests_waiting");
              assertThat(e.getValue()).isEqualTo(1);
            });
  }

  @Test
  void customQueriesAreDiscoveredThroughTheirFirstSeries() {
    assertThat(PromQl.firstSeries("sum(rate(http_requests_total{code=~\"5..\"}[5m]))"))
        .isEqualTo("http_requests_total");
    assertThat(PromQl.firstSeries("sum by (queue) (rabbitmq_queue_messages{queue=\"in\"})"))
        .isEqualTo("rabbitmq_queue_messages");
    assertThat(PromQl.firstSeries("max(vllm:num_requests_waiting) / 2"))
        .isEqualTo("vllm:num_requests_waiting");
    assertThatThrownBy(() -> PromQl.firstSeries("vector(1)"))
        .hasMessageContaining("PromQl.query(apiName, query, series)");
  }

  @Test
  void quantitiesUseTheLargestSuffixThatMakesThemWhole() {
    assertThat(Quantities.format(new BigDecimal("5"))).isEqualTo("5");
    assertThat(Quantities.format(new BigDecimal("0.7"))).isEqualTo("700m");
    assertThat(Quantities.format(new BigDecimal("1.5"))).isEqualTo("1500m");
    assertThat(Quantities.format(new BigDecimal("0.0025"))).isEqualTo("2500u");
    assertThat(Quantities.format(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Quantities.parse("1500m").orElseThrow()).isEqualByComparingTo("1.5");
    assertThat(Quantities.parse("nope")).isEmpty();
  }
}
