package dev.mlops.deploy.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.stat.TwoSampleResult;
import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.ShadowStrategy;
import dev.mlops.deploy.strategy.VariantHealth;
import dev.mlops.monitor.capture.CaptureBatch;
import dev.mlops.monitor.capture.CaptureReader;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.monitor.capture.CaptureWriter;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointTest {
    private static final BlueGreenStrategy BLUE_GREEN = new BlueGreenStrategy(new BlueGreenStrategy.Settings("blue", "green"));
    private static final ShadowStrategy SHADOW_ALL = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 1.0, 3));

    private static PredictRequest row(double x) {
        return PredictRequest.row(Map.of("x", x, "plan", "gold"));
    }

    private static String predicted(PredictResponse response) {
        return response.predictions().categoricalColumn(Outputs.PREDICTION).get(0);
    }

    /** Blue answers everything below 100, green everything above 0: x = 50 tells which answered. */
    private static Endpoint blueGreen() {
        return Endpoint.builder(BLUE_GREEN).variant("blue", new Models.Threshold(100))
                .variant("green", new Models.Threshold(0)).noTimeout().build();
    }

    @Nested
    class Routing {
        @Test
        void theRolloutChoosesTheAnsweringVariantAndEventsAppliedThroughTheEndpointMoveIt() {
            try (Endpoint endpoint = blueGreen()) {
                PredictResponse first = endpoint.predict(row(50));
                assertThat(first.variant()).isEqualTo("blue");
                assertThat(predicted(first)).isEqualTo("no");

                assertThat(endpoint.apply(new RolloutEvent.Promote("green passed")).stage()).isEqualTo("green");
                PredictResponse second = endpoint.predict(row(50));
                assertThat(second.variant()).isEqualTo("green");
                assertThat(predicted(second)).isEqualTo("yes");

                endpoint.apply(new RolloutEvent.Rollback("green misbehaves"));
                assertThat(endpoint.predict(row(50)).variant()).isEqualTo("blue");
                assertThat(endpoint.rollout().transitions()).hasSize(2);
            }
        }

        @Test
        void aTableRequestGetsOneRowPerRowInOrder() {
            try (Endpoint endpoint = blueGreen()) {
                endpoint.apply(new RolloutEvent.Promote("go"));
                Table features = Table.of(NumericColumn.of("x", -1, 5, -3), CategoricalColumn.of("plan", "a", "b", "c"),
                        NumericColumn.of("extra", 1, 2, 3));
                PredictResponse response = endpoint.predict(PredictRequest.table(features));
                CategoricalColumn classes = response.predictions().categoricalColumn(Outputs.PREDICTION);
                assertThat(List.of(classes.get(0), classes.get(1), classes.get(2))).containsExactly("no", "yes", "no");
                assertThat(endpoint.stats().get("green").requests()).isEqualTo(1);
            }
        }

        @Test
        void aRouteToAVariantTheEndpointDoesNotServeIsAClearError() {
            DeploymentStrategy strategy = BLUE_GREEN;
            try (Endpoint endpoint = Endpoint.builder(strategy).variant("blue", new Models.Threshold(1))
                    .variant("green", new Models.Threshold(1)).noTimeout().build()) {
                assertThat(endpoint.variants()).containsExactlyInAnyOrder("blue", "green");
                assertThat(endpoint.name()).isEqualTo("endpoint");
                assertThat(endpoint.toString()).contains("blue-green").contains("blue");
            }
        }
    }

    @Nested
    class InferenceIds {
        @Test
        void theCallersIdIsKeptAndAnAbsentOneComesFromTheSource() {
            AtomicInteger next = new AtomicInteger();
            try (Endpoint endpoint = Endpoint.builder(BLUE_GREEN).variant("blue", new Models.Threshold(1))
                    .variant("green", new Models.Threshold(1)).inferenceIds(() -> "id-" + next.incrementAndGet())
                    .build()) {
                assertThat(endpoint.predict(row(1).withInferenceId("mine")).inferenceId()).isEqualTo("mine");
                assertThat(endpoint.predict(row(1)).inferenceId()).isEqualTo("id-1");
                assertThat(endpoint.predict(row(1)).inferenceId()).isEqualTo("id-2");
            }
        }

        @Test
        void byDefaultAnIdIsARandomVersionFourUuid() {
            try (Endpoint endpoint = blueGreen()) {
                String first = endpoint.predict(row(1)).inferenceId();
                String second = endpoint.predict(row(1)).inferenceId();
                assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
                assertThat(second).isNotEqualTo(first);
            }
        }
    }

    @Nested
    class SchemaChecks {
        @Test
        void anAbsentFeatureFailsTheRequestNamingItAndTheModelIsNotCalled() {
            Models.Threshold blue = new Models.Threshold(1);
            try (Endpoint endpoint = Endpoint.builder(BLUE_GREEN).variant("blue", blue)
                    .variant("green", new Models.Threshold(1)).noTimeout().build()) {
                EndpointException e = catchThrowableOfType(EndpointException.class,
                        () -> endpoint.predict(PredictRequest.row(Map.of("x", 1.0)).withInferenceId("r1")));
                assertThat(e.reason()).isEqualTo(EndpointException.Reason.INVALID_REQUEST);
                assertThat(e.variant()).isEqualTo("blue");
                assertThat(e.inferenceId()).isEqualTo("r1");
                assertThat(e).hasMessage("request r1 does not fit the input of variant 'blue': feature 'plan'"
                        + " (categorical) is absent");
                assertThat(blue.calls).hasValue(0);
                VariantStats stats = endpoint.stats().get("blue");
                assertThat(stats.requests()).isEqualTo(1);
                assertThat(stats.errors()).isEqualTo(1);
                assertThat(stats.invalid()).isEqualTo(1);
                assertThat(stats.timeouts()).isZero();
                assertThat(stats.maxLatency()).isPositive().isLessThan(Duration.ofSeconds(10));
            }
        }

        @Test
        void aMistypedFeatureFailsNamingItWithBothTypes() {
            try (Endpoint endpoint = blueGreen()) {
                Map<String, Object> features = new HashMap<>();
                features.put("x", "12");
                features.put("plan", 3);
                assertThatThrownBy(() -> endpoint.predict(PredictRequest.row(features).withInferenceId("r2")))
                        .isInstanceOf(EndpointException.class)
                        .hasMessage("request r2 does not fit the input of variant 'blue': feature 'x' is numeric,"
                                + " but the request has a value of type String; feature 'plan' is categorical, but the"
                                + " request has a value of type Integer");
            }
        }

        @Test
        void aMissingValueIsAValueNotAnAbsentFeature() {
            try (Endpoint endpoint = blueGreen()) {
                Map<String, Object> features = new HashMap<>();
                features.put("x", 1.0);
                features.put("plan", null);
                assertThat(endpoint.predict(PredictRequest.row(features)).variant()).isEqualTo("blue");
            }
        }

        @Test
        void aTableWithoutAColumnFailsNamingIt() {
            try (Endpoint endpoint = blueGreen()) {
                Table features = Table.of(NumericColumn.of("x", 1, 2));
                assertThatThrownBy(() -> endpoint.predict(PredictRequest.table(features).withInferenceId("r3")))
                        .isInstanceOf(EndpointException.class)
                        .hasMessageContaining("request r3 does not fit the input of variant 'blue'")
                        .hasMessageContaining("column 'plan' (categorical) is absent");
                assertThat(endpoint.stats().get("blue").invalid()).isEqualTo(1);
            }
        }

        @Test
        void aNumberTooLargeForADoubleIsRefusedAsInvalid() {
            try (Endpoint endpoint = blueGreen()) {
                assertThatThrownBy(() -> endpoint.predict(PredictRequest.row(Map.of("x", Long.MAX_VALUE, "plan", "a"))))
                        .isInstanceOf(EndpointException.class).hasMessageContaining("column 'x'")
                        .hasMessageContaining("beyond 2^53");
            }
        }
    }

    @Nested
    class RealTime {
        @Test
        void aModelPastTheTimeoutFailsTheRequestFreesTheCallerAndIsInterrupted() throws Exception {
            CountDownLatch interrupted = new CountDownLatch(1);
            Predictor slow = Models.around(() -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    Thread.currentThread().interrupt();
                }
            });
            try (Endpoint endpoint = Endpoint.builder(BLUE_GREEN).variant("blue", slow)
                    .variant("green", new Models.Threshold(1)).timeout(Duration.ofMillis(50)).build()) {
                long start = System.nanoTime();
                EndpointException e = catchThrowableOfType(EndpointException.class,
                        () -> endpoint.predict(row(1).withInferenceId("slow")));
                long waited = System.nanoTime() - start;
                assertThat(e.reason()).isEqualTo(EndpointException.Reason.TIMEOUT);
                assertThat(e).hasMessage("variant 'blue' did not answer request slow within PT0.05S");
                assertThat(Duration.ofNanos(waited)).isLessThan(Duration.ofSeconds(2));
                assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the model thread was interrupted").isTrue();
                VariantStats stats = endpoint.stats().get("blue");
                assertThat(stats.timeouts()).isEqualTo(1);
                assertThat(stats.errors()).isEqualTo(1);
                assertThat(stats.maxLatency()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
            }
        }

        @Test
        void aPerCallTimeoutBoundsAnEndpointWithoutOne() {
            Predictor slow = Models.around(() -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (Endpoint endpoint = Endpoint.builder(BLUE_GREEN).variant("blue", slow)
                    .variant("green", new Models.Threshold(1)).noTimeout().modelThreads(1).build()) {
                assertThatThrownBy(() -> endpoint.predict(row(1), Duration.ofMillis(20)))
                        .isInstanceOf(EndpointException.class).hasMessageContaining("within PT0.02S");
                assertThatThrownBy(() -> endpoint.predict(row(1), Duration.ZERO))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive, but was PT0S");
            }
        }

        @Test
        void withATimeoutTheModelRunsOnAModelThreadAndWithoutOneOnTheCallers() {
            AtomicReference<Thread> ran = new AtomicReference<>();
            Predictor recording = Models.around(() -> ran.set(Thread.currentThread()));
            try (Endpoint endpoint = Endpoint.builder(BLUE_GREEN).name("shop").variant("blue", recording)
                    .variant("green", recording).build()) {
                assertThat(endpoint.predict(row(1)).variant()).isEqualTo("blue");
                assertThat(ran.get()).isNotSameAs(Thread.currentThread());
                assertThat(ran.get().getName()).isEqualTo("shop-model-1");
                assertThat(ran.get().isDaemon()).isTrue();
            }
            try (Endpoint endpoint = Endpoint.builder(BLUE_GREEN).variant("blue", recording)
                    .variant("green", recording).noTimeout().build()) {
                endpoint.predict(row(1));
                assertThat(ran.get()).isSameAs(Thread.currentThread());
            }
        }

        @Test
        void aModelThatThrowsOrAnswersTheWrongRowsFailsTheRequestAsAModelFailure() {
            Predictor throwing = Models.around(() -> {
                throw new IllegalStateException("weights missing");
            });
            Predictor wrongRows = new Models.Threshold(0) {
                @Override
                public Table predict(Table features) {
                    return super.predict(Table.of(NumericColumn.of("x", 1, 2), CategoricalColumn.of("plan", "a", "b")));
                }
            };
            for (boolean bounded : new boolean[] {true, false}) {
                Endpoint.Builder builder = Endpoint.builder(BLUE_GREEN).variant("blue", throwing).variant("green", wrongRows);
                try (Endpoint endpoint = bounded ? builder.build() : builder.noTimeout().build()) {
                    EndpointException e = catchThrowableOfType(EndpointException.class,
                            () -> endpoint.predict(row(1).withInferenceId("a")));
                    assertThat(e.reason()).isEqualTo(EndpointException.Reason.MODEL_FAILED);
                    assertThat(e).hasMessage("the model of variant 'blue' failed: java.lang.IllegalStateException:"
                            + " weights missing on request a").hasCauseInstanceOf(IllegalStateException.class);
                    endpoint.apply(new RolloutEvent.Promote("try green"));
                    assertThatThrownBy(() -> endpoint.predict(row(1).withInferenceId("b")))
                            .hasMessage("the model of variant 'green' returned 2 rows for 1 on request b");
                    assertThat(endpoint.stats().get("blue").errors()).isEqualTo(1);
                    assertThat(endpoint.stats().get("green").errors()).isEqualTo(1);
                }
            }
        }

        @Test
        void aClosedEndpointRefusesRequestsAsUnavailable() {
            Endpoint endpoint = blueGreen();
            endpoint.close();
            endpoint.close();
            EndpointException e = catchThrowableOfType(EndpointException.class, () -> endpoint.predict(row(1)));
            assertThat(e.reason()).isEqualTo(EndpointException.Reason.UNAVAILABLE);
            assertThat(e).hasMessage("endpoint 'endpoint' is closed");
            assertThatThrownBy(() -> endpoint.predict(row(1), Duration.ofSeconds(1))).isInstanceOf(EndpointException.class);
        }
    }

    @Nested
    class Shadows {
        @Test
        void aClassifierShadowIsComparedRowByRowAndTheAnswerIsAlwaysThePrimarys() throws Exception {
            // live says yes above 0, candidate above 3: they disagree on x in (0, 3]
            try (Endpoint endpoint = Endpoint.builder(SHADOW_ALL).variant("live", new Models.Threshold(0))
                    .variant("candidate", new Models.Threshold(3)).noTimeout().build()) {
                for (int x = -9; x <= 10; x++) {
                    PredictResponse response = endpoint.predict(row(x));
                    assertThat(response.variant()).isEqualTo("live");
                    assertThat(predicted(response)).isEqualTo(x > 0 ? "yes" : "no");
                }
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                assertThat(endpoint.shadowReports()).hasSize(1);
                ShadowReport report = endpoint.shadowReports().get(0);
                assertThat(report.primary()).isEqualTo("live");
                assertThat(report.shadow()).isEqualTo("candidate");
                assertThat(report.enqueued()).isEqualTo(20);
                assertThat(report.dropped()).isZero();
                assertThat(report.failed()).isZero();
                assertThat(report.compared()).isEqualTo(20);
                assertThat(report.disagreements()).isEqualTo(3);
                assertThat(report.disagreementRate()).isEqualTo(0.15);
                // live: 10 no, 10 yes; candidate: 13 no, 7 yes.
                // scipy.stats.chi2_contingency([[13, 7], [10, 10]], correction=False)
                //   -> statistic 0.9207161125319694, pvalue 0.33728701473435097 (scipy 1.10)
                TwoSampleResult test = report.outputComparison();
                assertThat(test).isNotNull();
                assertThat(test.test()).isEqualTo("chi-square");
                assertThat(test.statistic()).isCloseTo(0.9207161125319694, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(test.pValue().getAsDouble()).isCloseTo(0.33728701473435097,
                        org.assertj.core.data.Offset.offset(1e-12));
                assertThat(endpoint.stats().get("candidate").requests()).as("shadow copies are not answers").isZero();
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                endpoint.bindTo(registry);
                assertThat(registry.get("mlops.endpoint.shadow.enqueued").tags("primary", "live", "shadow", "candidate")
                        .functionCounter().count()).isEqualTo(20);
                assertThat(registry.get("mlops.endpoint.shadow.dropped").tags("primary", "live", "shadow", "candidate")
                        .functionCounter().count()).isZero();
                assertThat(registry.get("mlops.endpoint.shadow.disagreement")
                        .tags("primary", "live", "shadow", "candidate").gauge().value()).isEqualTo(0.15);
            }
        }

        @Test
        void aRegressorShadowDisagreesBeyondTheToleranceAndItsValuesAreComparedWithKolmogorovSmirnov()
                throws Exception {
            try (Endpoint endpoint = Endpoint.builder(SHADOW_ALL).variant("live", Models.regressor(x -> x))
                    .variant("candidate", Models.regressor(x -> x + (x > 5 ? 1 : 0.01))).shadowTolerance(0.1)
                    .shadowSample(5).noTimeout().build()) {
                for (int x = 1; x <= 10; x++) {
                    endpoint.predict(row(x));
                }
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                ShadowReport report = endpoint.shadowReports().get(0);
                assertThat(report.compared()).isEqualTo(10);
                assertThat(report.disagreements()).isEqualTo(5);
                // the ring keeps the last 5 of each side: live 6..10, candidate 7..11
                // scipy.stats.ks_2samp([7,8,9,10,11], [6,7,8,9,10]) -> statistic 0.2, pvalue 1.0 (scipy 1.10)
                TwoSampleResult test = report.outputComparison();
                assertThat(test.test()).isEqualTo("ks");
                assertThat(test.statistic()).isEqualTo(0.2);
                assertThat(test.pValue().getAsDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            }
        }

        @Test
        void aFullShadowQueueDropsCopiesAndNeverBlocksThePrimary() throws Exception {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Predictor stuck = Models.around(() -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (Endpoint endpoint = Endpoint.builder(SHADOW_ALL).variant("live", new Models.Threshold(0))
                    .variant("candidate", stuck).shadowQueue(2).noTimeout().build()) {
                endpoint.predict(row(1));
                assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
                long start = System.nanoTime();
                for (int i = 0; i < 9; i++) {
                    assertThat(endpoint.predict(row(1)).variant()).isEqualTo("live");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                ShadowReport stalled = endpoint.shadowReports().get(0);
                assertThat(stalled.enqueued()).isEqualTo(3);
                assertThat(stalled.dropped()).isEqualTo(7);
                assertThat(endpoint.awaitShadows(Duration.ofMillis(20))).isFalse();
                release.countDown();
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                assertThat(endpoint.shadowReports().get(0).compared()).isEqualTo(3);
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                endpoint.bindTo(registry);
                assertThat(registry.get("mlops.endpoint.shadow.dropped").tags("primary", "live", "shadow", "candidate")
                        .functionCounter().count()).isEqualTo(7);
            }
        }

        @Test
        void shadowsRunOnNamedDaemonThreadsThatEndWithTheEndpoint() throws Exception {
            AtomicReference<Thread> ran = new AtomicReference<>();
            Endpoint endpoint = Endpoint.builder(SHADOW_ALL).name("shop").variant("live", new Models.Threshold(0))
                    .variant("candidate", Models.around(() -> ran.set(Thread.currentThread()))).noTimeout().build();
            endpoint.predict(row(1));
            assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
            Thread worker = ran.get();
            assertThat(worker.getName()).isEqualTo("shop-shadow-1");
            assertThat(worker.isDaemon()).isTrue();
            endpoint.close();
            worker.join(10_000);
            assertThat(worker.isAlive()).isFalse();
        }

        @Test
        void twoComparedRowsAreEnoughForATestAndAgreementWithinTheToleranceIsAgreement() throws Exception {
            try (Endpoint classes = Endpoint.builder(SHADOW_ALL).variant("live", new Models.Threshold(0))
                    .variant("candidate", new Models.Threshold(3)).noTimeout().build();
                    Endpoint values = Endpoint.builder(SHADOW_ALL).variant("live", Models.regressor(x -> x))
                            .variant("candidate", Models.regressor(x -> x == 1 ? 1.5 : Double.NaN))
                            .shadowTolerance(0.5).noTimeout().build()) {
                classes.predict(row(1));
                assertThat(classes.awaitShadows(Duration.ofSeconds(10))).isTrue();
                assertThat(classes.shadowReports().get(0).outputComparison()).isNull();
                classes.predict(row(5));
                assertThat(classes.awaitShadows(Duration.ofSeconds(10))).isTrue();
                assertThat(classes.shadowReports().get(0).outputComparison()).isNotNull();

                values.predict(row(1));
                values.predict(row(2));
                assertThat(values.awaitShadows(Duration.ofSeconds(10))).isTrue();
                ShadowReport report = values.shadowReports().get(0);
                assertThat(report.compared()).isEqualTo(2);
                assertThat(report.disagreements()).as("1 vs 1.5 agrees within 0.5; 2 vs NaN disagrees").isEqualTo(1);
                assertThat(report.outputComparison()).as("one finite pair is too few for a test").isNull();
            }
        }

        @Test
        void aShadowThatFailsIsCountedAndTheCallerNeverSeesIt() throws Exception {
            Predictor failing = Models.around(() -> {
                throw new IllegalStateException("candidate broken");
            });
            try (Endpoint endpoint = Endpoint.builder(SHADOW_ALL).variant("live", new Models.Threshold(0))
                    .variant("candidate", failing).noTimeout().build()) {
                assertThat(endpoint.predict(row(1)).variant()).isEqualTo("live");
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                ShadowReport report = endpoint.shadowReports().get(0);
                assertThat(report.failed()).isEqualTo(1);
                assertThat(report.compared()).isZero();
                assertThat(report.outputComparison()).isNull();
            }
        }

        @Test
        void aShareOfUnitsIsCopiedByTheirHashAndEachUnitAlwaysOrNever() throws Exception {
            ShadowStrategy quarter = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 0.25, 11));
            try (Endpoint endpoint = Endpoint.builder(quarter).variant("live", new Models.Threshold(0))
                    .variant("candidate", new Models.Threshold(0)).noTimeout().shadowQueue(10_000).build()) {
                for (int round = 0; round < 2; round++) {
                    for (int unit = 0; unit < 2000; unit++) {
                        endpoint.predict(row(unit).withUnitId("user-" + unit));
                    }
                }
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(20))).isTrue();
                ShadowReport report = endpoint.shadowReports().get(0);
                assertThat(report.enqueued() % 2).as("each unit copied in both rounds or in neither").isZero();
                // binomial(2000, 0.25): mean 500, sd 19.4; six sd
                assertThat(report.enqueued() / 2).isBetween(384L, 616L);
                assertThat(report.disagreements()).isZero();
            }
        }
    }

    @Nested
    class Measurements {
        @Test
        void statsHealthAndMicrometerAgree() {
            try (Endpoint endpoint = blueGreen()) {
                for (int i = 0; i < 30; i++) {
                    endpoint.predict(row(i));
                }
                assertThatThrownBy(() -> endpoint.predict(PredictRequest.row(Map.of("x", 1))));
                VariantStats blue = endpoint.stats().get("blue");
                assertThat(blue.requests()).isEqualTo(31);
                assertThat(blue.errors()).isEqualTo(1);
                assertThat(blue.p50Latency()).isPositive().isLessThanOrEqualTo(blue.p95Latency());
                assertThat(blue.p95Latency()).isLessThanOrEqualTo(blue.p99Latency());
                assertThat(blue.p99Latency()).isLessThanOrEqualTo(blue.maxLatency());
                Map<String, VariantHealth> health = endpoint.health();
                assertThat(health.keySet()).containsExactly("blue", "green");
                assertThat(health.get("blue").requests()).isEqualTo(31);
                assertThat(health.get("blue").errors()).isEqualTo(1);
                assertThat(health.get("green")).isEqualTo(new VariantHealth(0, 0, Duration.ZERO));
                assertThat(endpoint.stats().get("green").maxLatency()).isZero();
                assertThat(blue.maxLatency()).isLessThan(Duration.ofSeconds(10));

                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                endpoint.bindTo(registry);
                assertThat(registry.get("mlops.endpoint.requests").tags("endpoint", "endpoint", "variant", "blue")
                        .functionCounter().count()).isEqualTo(31);
                assertThat(registry.get("mlops.endpoint.errors").tag("variant", "blue").functionCounter().count())
                        .isEqualTo(1);
                assertThat(registry.get("mlops.endpoint.invalid").tag("variant", "blue").functionCounter().count())
                        .isEqualTo(1);
                assertThat(registry.get("mlops.endpoint.timeouts").tag("variant", "blue").functionCounter().count())
                        .isZero();
                assertThat(registry.get("mlops.endpoint.latency").tags("variant", "blue", "quantile", "0.95")
                        .timeGauge().value(TimeUnit.NANOSECONDS)).as("the gauge converts through seconds as a double")
                        .isCloseTo(endpoint.stats().get("blue").p95Latency().toNanos(), within(1.0));
                for (String quantile : new String[] {"0.5", "0.99"}) {
                    assertThat(registry.get("mlops.endpoint.latency").tags("variant", "blue", "quantile", quantile)
                            .timeGauge().value(TimeUnit.NANOSECONDS)).isPositive();
                }
                assertThat(registry.get("mlops.endpoint.shadow.dropped").tags("primary", "blue", "shadow", "green")
                        .functionCounter().count()).isZero();
                assertThat(registry.get("mlops.endpoint.shadow.disagreement").tags("primary", "blue", "shadow", "green")
                        .gauge().value()).isZero();
            }
        }

        @Test
        void sixteenThreadsLoseNoRequestAndCopyTheConfiguredShare() throws Exception {
            ShadowStrategy half = new ShadowStrategy(new ShadowStrategy.Settings("live", "candidate", 0.5, 5));
            int threads = 16;
            int perThread = 2_000;
            try (Endpoint endpoint = Endpoint.builder(half).variant("live", new Models.Threshold(0))
                    .variant("candidate", new Models.Threshold(0)).noTimeout().shadowQueue(threads * perThread)
                    .build()) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answered = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    answered.add(pool.submit(() -> {
                        start.await();
                        int count = 0;
                        for (int i = 0; i < perThread; i++) {
                            if (endpoint.predict(row(i).withUnitId("t" + thread + "-" + i)).variant().equals("live")) {
                                count++;
                            }
                        }
                        return count;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> count : answered) {
                    total += count.get(1, TimeUnit.MINUTES);
                }
                pool.shutdown();
                assertThat(total).isEqualTo(threads * perThread);
                assertThat(endpoint.stats().get("live").requests()).isEqualTo(threads * perThread);
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(30))).isTrue();
                ShadowReport report = endpoint.shadowReports().get(0);
                assertThat(report.dropped()).isZero();
                assertThat(report.compared()).isEqualTo(report.enqueued());
                // binomial(32000, 0.5): sd 89.4; six sd
                assertThat(report.enqueued()).isBetween(16_000L - 537, 16_000L + 537);
            }
        }
    }

    @Nested
    class HealthChecks {
        @Test
        void aScheduledHealthCheckOnTheCallersSchedulerReachesTheRolloutAndStopsWithTheEndpoint() throws Exception {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            try {
                RecordingStrategy strategy = new RecordingStrategy(List.of("blue", "green"));
                Endpoint endpoint = Endpoint.builder(strategy).variant("blue", new Models.Threshold(0))
                        .variant("green", new Models.Threshold(0)).noTimeout()
                        .healthCheckEvery(Duration.ofMillis(5), scheduler).build();
                endpoint.predict(row(1));
                assertThat(strategy.healthChecks.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(strategy.lastHealth.get().get("blue").requests()).isEqualTo(1);
                endpoint.close();
                assertThat(scheduler.isShutdown()).as("the caller's scheduler stays").isFalse();
            } finally {
                scheduler.shutdownNow();
            }
        }

        @Test
        void aRefusedHealthCheckIsCountedAndTheOwnSchedulerEndsWithTheEndpoint() throws Exception {
            RecordingStrategy strategy = new RecordingStrategy(List.of("blue", "green"));
            strategy.refuseHealthChecks = true;
            try (Endpoint endpoint = Endpoint.builder(strategy).variant("blue", new Models.Threshold(0))
                    .variant("green", new Models.Threshold(0)).healthCheckEvery(Duration.ofMillis(5)).build()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (endpoint.healthCheckFailures() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(endpoint.healthCheckFailures()).isGreaterThanOrEqualTo(2);
                assertThatThrownBy(endpoint::checkHealth).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Nested
    class Capture {
        @Test
        void requestsResponsesFailuresAndShadowAnswersAreCapturedUnderTheirVariantAndInferenceId(@TempDir Path dir)
                throws Exception {
            try (CaptureWriter writer = CaptureWriter.builder(dir).build();
                    Endpoint endpoint = Endpoint.builder(SHADOW_ALL).variant("live", new Models.Threshold(0))
                            .variant("candidate", new Models.Threshold(3)).capture(writer).noTimeout().build()) {
                endpoint.predict(row(2).withInferenceId("one"));
                endpoint.predict(PredictRequest.table(Table.of(NumericColumn.of("x", 1, 5),
                        CategoricalColumn.of("plan", "a", "b"))).withInferenceId("two"));
                assertThatThrownBy(() -> endpoint.predict(PredictRequest.row(Map.of("x", 1)).withInferenceId("bad")));
                assertThatThrownBy(() -> endpoint.predict(PredictRequest.table(Table.of(NumericColumn.of("x", 1, 2),
                        dev.mlops.core.table.BooleanColumn.of("flag", true, null),
                        dev.mlops.core.table.TimestampColumn.of("at", java.time.Instant.parse("2026-01-02T03:04:05Z"),
                                java.time.Instant.parse("2026-01-02T03:04:06Z")))).withInferenceId("badt")));
                assertThat(endpoint.awaitShadows(Duration.ofSeconds(10))).isTrue();
                writer.flush();
                CaptureBatch batch = CaptureReader.readAll(dir);
                Map<String, CaptureRecord> byKey = new HashMap<>();
                for (CaptureRecord record : batch.records()) {
                    byKey.put(record.inferenceId() + " " + record.modelVariant() + " " + record.stage(), record);
                }
                assertThat(byKey.keySet()).containsExactlyInAnyOrder("one live after-model",
                        "one candidate after-model", "two/0 live after-model", "two/1 live after-model",
                        "two/0 candidate after-model", "two/1 candidate after-model", "bad live before-preprocessing",
                        "badt/0 live before-preprocessing", "badt/1 live before-preprocessing");
                assertThat(byKey.get("badt/0 live before-preprocessing").input()).containsEntry("flag", true)
                        .containsEntry("at", "2026-01-02T03:04:05Z");
                assertThat(byKey.get("badt/1 live before-preprocessing").input()).containsEntry("flag", null);
                CaptureRecord one = byKey.get("one live after-model");
                assertThat(one.stage()).isEqualTo(CaptureStage.AFTER_MODEL);
                assertThat(one.input()).containsEntry("plan", "gold");
                assertThat(((Number) one.input().get("x")).doubleValue()).isEqualTo(2.0);
                assertThat(one.output()).containsEntry("prediction", "yes");
                assertThat(byKey.get("one candidate after-model").output()).containsEntry("prediction", "no");
                assertThat(byKey.get("two/1 live after-model").input()).containsEntry("plan", "b");
                assertThat(byKey.get("bad live before-preprocessing").output()).isEmpty();
            }
        }
    }

    @Nested
    class Building {
        @Test
        void everyVariantOfTheStrategyNeedsAModelAndNoOther() {
            assertThatThrownBy(() -> Endpoint.builder(BLUE_GREEN).variant("blue", new Models.Threshold(0)).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no model was given for variant(s) [green] of blue-green(blue=blue, green=green)");
            assertThatThrownBy(() -> Endpoint.builder(BLUE_GREEN).variant("purple", new Models.Threshold(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("variant 'purple' is not one of the variants [blue, green] of"
                            + " blue-green(blue=blue, green=green)");
            assertThatThrownBy(() -> Endpoint.builder(BLUE_GREEN).variant("blue", new Models.Threshold(0))
                    .variant("blue", new Models.Threshold(0))).hasMessage("variant 'blue' was given twice");
        }

        @Test
        void variantsMustAllClassifyOrAllRegress() {
            assertThatThrownBy(() -> Endpoint.builder(BLUE_GREEN).variant("blue", new Models.Threshold(0))
                    .variant("green", Models.regressor(x -> x)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the variants of an endpoint must all classify or all regress, but they mix"
                            + " [CLASSIFICATION, REGRESSION]: [blue, green]");
        }

        @Test
        void badSettingsAreRefusedNamingThem() {
            Endpoint.Builder builder = Endpoint.builder(BLUE_GREEN);
            assertThatThrownBy(() -> builder.name("no spaces")).hasMessageContaining("'no spaces'");
            assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(-1)))
                    .hasMessage("timeout must be positive, but was PT-0.001S");
            assertThatThrownBy(() -> builder.modelThreads(0)).hasMessage("modelThreads must be at least 1, but was 0");
            assertThatThrownBy(() -> builder.shadowQueue(0)).hasMessage("shadowQueue must be at least 1, but was 0");
            assertThatThrownBy(() -> builder.shadowThreads(0)).hasMessage("shadowThreads must be at least 1, but was 0");
            assertThatThrownBy(() -> builder.shadowTolerance(-0.5))
                    .hasMessage("shadowTolerance must be finite and at least 0, but was -0.5");
            assertThatThrownBy(() -> builder.shadowTolerance(Double.NaN)).hasMessageContaining("NaN");
            assertThatThrownBy(() -> builder.shadowSample(1)).hasMessage("shadowSample must be between 2 and 10000,"
                    + " but was 1");
            assertThatThrownBy(() -> builder.shadowSample(10_001)).hasMessageContaining("10001");
            assertThat(builder.shadowSample(2).shadowSample(10_000).shadowTolerance(0)).isSameAs(builder);
            assertThatThrownBy(() -> builder.healthCheckEvery(Duration.ZERO))
                    .hasMessage("period must be positive, but was PT0S");
        }
    }
}
