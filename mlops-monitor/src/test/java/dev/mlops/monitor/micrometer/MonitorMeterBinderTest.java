package dev.mlops.monitor.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.alarm.AlarmEvaluator;
import dev.mlops.monitor.alarm.ThresholdRule;
import dev.mlops.monitor.metric.MetricFilter;
import dev.mlops.monitor.metric.MetricObservation;
import dev.mlops.monitor.metric.MetricSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MonitorMeterBinderTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static MetricObservation ks(String feature, double value) {
        return MetricObservation.of("drift.statistic", T, value, "feature", feature, "detector", "ks");
    }

    @Nested
    class Simple {

        @Test
        void eachSeriesIsAGaugeOfItsLatestValue() {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            MonitorMeterBinder binder = MonitorMeterBinder.create();
            binder.bindTo(registry);
            binder.accept(ks("age", 0.1));
            binder.accept(ks("age", 0.31));
            binder.accept(ks("income", 0.05));

            Gauge age = registry.get("mlops.drift.statistic").tag("feature", "age").tag("detector", "ks").gauge();
            assertThat(age.value()).isEqualTo(0.31);
            assertThat(registry.get("mlops.drift.statistic").tag("feature", "income").gauge().value()).isEqualTo(0.05);
            assertThat(registry.get("mlops.drift.statistic").gauges()).hasSize(2);
        }

        @Test
        void aRegistryBoundLaterGetsEverySeriesAndCounter() {
            MonitorMeterBinder binder = MonitorMeterBinder.create();
            binder.accept(ks("age", 0.2));
            binder.accept(alarmRaised("age-drift", Severity.ERROR));
            SimpleMeterRegistry early = new SimpleMeterRegistry();
            binder.bindTo(early);
            SimpleMeterRegistry late = new SimpleMeterRegistry();
            binder.accept(ks("income", 0.4));
            binder.bindTo(late);
            binder.accept(ks("age", 0.7));

            for (SimpleMeterRegistry registry : List.of(early, late)) {
                assertThat(registry.get("mlops.drift.statistic").tag("feature", "age").gauge().value()).isEqualTo(0.7);
                assertThat(registry.get("mlops.drift.statistic").tag("feature", "income").gauge().value())
                        .isEqualTo(0.4);
                assertThat(registry.get("mlops.alarms.raised").tag("rule", "age-drift").tag("severity", "error")
                        .functionCounter().count()).isEqualTo(1.0);
            }
        }

        @Test
        void alarmsRaisedAreCountedPerRuleAndSeverityAndClearedOnesAreNot() {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            MonitorMeterBinder binder = MonitorMeterBinder.create();
            binder.bindTo(registry);
            AlarmEvaluator alarms = AlarmEvaluator.builder()
                    .rule(ThresholdRule.above("age-drift", MetricFilter.of("drift.statistic"), 0.2)
                            .withSeverity(Severity.ERROR))
                    .sink(binder)
                    .build();
            MetricSink metrics = MetricSink.all(alarms, binder);
            double[] values = {0.3, 0.1, 0.3, 0.3, 0.1};
            for (double value : values) {
                metrics.accept(ks("age", value));
            }

            FunctionCounter raised = registry.get("mlops.alarms.raised").tag("rule", "age-drift")
                    .tag("severity", "error").functionCounter();
            assertThat(raised.count()).isEqualTo(2.0);
            assertThat(registry.get("mlops.drift.statistic").gauge().value()).isEqualTo(0.1);
        }

        @Test
        void aPrefixOfOurOwn() {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            MonitorMeterBinder binder = MonitorMeterBinder.withPrefix("shop.ml");
            binder.bindTo(registry);
            binder.accept(MetricObservation.of("quality.accuracy", T, 0.93, "variant", "blue"));

            assertThat(registry.get("shop.ml.quality.accuracy").tag("variant", "blue").gauge().value()).isEqualTo(0.93);
            assertThat(MonitorMeterBinder.DEFAULT_PREFIX).isEqualTo("mlops");
        }

        @Test
        void aBadPrefixIsNamed() {
            assertThatThrownBy(() -> MonitorMeterBinder.withPrefix("Shop-ML"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("meter prefix must be dot-separated segments of a lower-case letter followed by"
                            + " lower-case letters, digits or '_' (such as 'mlops') but was 'Shop-ML'");
        }

        @Test
        void manyThreadsRegisterEachSeriesOnce() throws Exception {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            MonitorMeterBinder binder = MonitorMeterBinder.create();
            binder.bindTo(registry);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        binder.accept(ks("f" + (i % 50), thread * 1000 + i));
                        if (i % 100 == 0) {
                            binder.bindTo(new SimpleMeterRegistry());
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(registry.get("mlops.drift.statistic").gauges()).hasSize(50);
        }
    }

    /** A real Prometheus registry's scrape shows the gauges and the counter in the text format. */
    @Test
    void prometheusScrapeShowsTheValues() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MonitorMeterBinder binder = MonitorMeterBinder.create();
        binder.bindTo(prometheus);
        binder.accept(ks("age", 0.3125));
        binder.accept(ks("São Paulo", 0.0625));
        binder.accept(MetricObservation.of("drift.verdict", T, 1, "feature", "age", "detector", "ks"));
        binder.accept(MetricObservation.of("quality.accuracy", T.plus(Duration.ofHours(1)), 0.875, "variant", "blue"));
        binder.accept(alarmRaised("age-drift", Severity.WARNING));
        binder.accept(alarmRaised("age-drift", Severity.WARNING));

        String scrape = prometheus.scrape();

        assertThat(scrape)
                .contains("# TYPE mlops_drift_statistic gauge")
                .contains("mlops_drift_statistic{detector=\"ks\",feature=\"age\"} 0.3125")
                .contains("mlops_drift_statistic{detector=\"ks\",feature=\"São Paulo\"} 0.0625")
                .contains("mlops_drift_verdict{detector=\"ks\",feature=\"age\"} 1.0")
                .contains("mlops_quality_accuracy{variant=\"blue\"} 0.875")
                .contains("# TYPE mlops_alarms_raised_total counter")
                .contains("mlops_alarms_raised_total{rule=\"age-drift\",severity=\"warning\"} 2.0");
    }

    private static AlarmEvent alarmRaised(String rule, Severity severity) {
        return new AlarmEvent(AlarmEvent.Kind.RAISED, rule, severity, ks("age", 0.5).id(), 0.5, 0.2, T, 1,
                Optional.empty());
    }
}
