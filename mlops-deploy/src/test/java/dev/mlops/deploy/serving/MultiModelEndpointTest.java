package dev.mlops.deploy.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.access.AccessDeniedException;
import dev.mlops.core.access.Policy;
import dev.mlops.core.access.Principal;
import dev.mlops.core.access.Subject;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.registry.ApprovalPolicy;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.registry.ModelVersion;
import dev.mlops.deploy.registry.Registration;
import dev.mlops.deploy.registry.Stage;
import dev.mlops.deploy.registry.StageChange;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiModelEndpointTest {
    private static final Principal ALICE = Principal.of("alice");
    private static final Principal CI = Principal.of("ci-bot", List.of(ModelRegistry.PIPELINE_ROLE), List.of());
    private static final Table FEATURES = Table.of(NumericColumn.of("x", 1, 2, 3));

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock();
    private ModelRegistry registry;

    @BeforeEach
    void openRegistry() {
        registry = ModelRegistry.builder(directory).formats(SizedFormat.FORMATS).approvals(ApprovalPolicy.none())
                .clock(clock).open();
    }

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private ModelVersion register(String model, double value, int size) {
        return registry.register(ALICE, Registration.builder(model)
                .artifact(SizedFormat.TYPE, SizedFormat.artifact(value, size)).build());
    }

    private void promote(ModelVersion version, OptionalInt replacing) {
        registry.transition(CI, StageChange.toProduction(version.model(), version.version(), Stage.CANDIDATE,
                replacing, "test"));
    }

    private static double predicted(MultiModelEndpoint endpoint, String model) {
        double[] values = endpoint.predict(model, FEATURES).numericColumn(Outputs.PREDICTION).toArray();
        assertThat(values).as(model).hasSize(3).containsOnly(values[0]);
        return values[0];
    }

    @Nested
    class Loading {
        @Test
        void aModelIsLoadedOnFirstUseAndServedFromMemoryAfter() {
            register("churn", 0.25, 100);
            register("churn", 0.5, 100);
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).build();
            assertThat(endpoint.loaded()).isEmpty();

            assertThat(predicted(endpoint, "churn:1")).isEqualTo(0.25);
            assertThat(predicted(endpoint, "churn:2")).isEqualTo(0.5);
            assertThat(predicted(endpoint, "churn:1")).isEqualTo(0.25);

            assertThat(endpoint.loaded()).containsExactly("churn:1", "churn:2");
            assertThat(endpoint).hasToString("MultiModelEndpoint[churn:1, churn:2]");
            MultiModelStats stats = endpoint.stats();
            assertThat(stats).extracting(MultiModelStats::hits, MultiModelStats::misses, MultiModelStats::loads,
                    MultiModelStats::loadFailures, MultiModelStats::evictions, MultiModelStats::models,
                    MultiModelStats::bytes).containsExactly(1L, 2L, 2L, 0L, 0L, 2L, 200L);
            assertThat(stats.loadTime()).isPositive();
            assertThat(endpoint.predictor("churn:1")).isSameAs(endpoint.predictor("churn:1"));
        }

        @Test
        void aNameWithoutVersionServesTheProductionVersionAndFollowsAPromotionAfterTheRefresh() {
            ModelVersion first = register("fraud", 1, 50);
            ModelVersion second = register("fraud", 2, 50);
            promote(first, OptionalInt.empty());
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE)
                    .productionRefresh(Duration.ofSeconds(30)).clock(clock).build();

            assertThat(predicted(endpoint, "fraud")).isEqualTo(1);
            promote(second, OptionalInt.of(1));
            clock.advance(Duration.ofSeconds(29));
            assertThat(predicted(endpoint, "fraud")).as("within the refresh").isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(predicted(endpoint, "fraud")).as("after the refresh").isEqualTo(2);
            endpoint.cleanUp();
            assertThat(endpoint.loaded()).containsExactly("fraud:1", "fraud:2");
        }

        @Test
        void sixteenConcurrentFirstRequestsForOneModelLoadItOnce() throws Exception {
            register("hot", 7, 100);
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).build();
            List<Predictor> seen = runConcurrently(16, thread -> endpoint.predictor("hot:1"));

            assertThat(seen).hasSize(16).allSatisfy(p -> assertThat(p).isSameAs(seen.get(0)));
            assertThat(endpoint.stats().loads()).isEqualTo(1);
            assertThat(endpoint.stats().misses()).isEqualTo(1);
            assertThat(endpoint.stats().hits()).isEqualTo(15);
        }
    }

    @Nested
    class Budgets {
        @Test
        void aCountBudgetHoldsAndEvictedModelsAreReloaded() {
            for (int m = 0; m < 6; m++) {
                register("m" + m, m, 100);
            }
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).maximumModels(3).build();

            for (int round = 0; round < 2; round++) {
                for (int m = 0; m < 6; m++) {
                    assertThat(predicted(endpoint, "m" + m + ":1")).isEqualTo(m);
                    endpoint.cleanUp();
                    assertThat(endpoint.loaded()).hasSizeLessThanOrEqualTo(3);
                }
            }

            MultiModelStats stats = endpoint.stats();
            assertThat(stats.hits() + stats.misses()).isEqualTo(12);
            assertThat(stats.loads()).as("at most 3 of 6 stay loaded, so the second round reloads at least 3")
                    .isGreaterThanOrEqualTo(9);
            assertThat(stats.evictions()).isEqualTo(stats.loads() - stats.models());
            assertThat(stats.models()).isLessThanOrEqualTo(3);
        }

        @Test
        void aByteBudgetWeighsEachModelByItsArtifactSize() {
            int[] sizes = {400, 300, 200, 100, 250, 150};
            for (int m = 0; m < sizes.length; m++) {
                register("w" + m, m, sizes[m]);
            }
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).maximumBytes(500).build();

            for (int round = 0; round < 3; round++) {
                for (int m = 0; m < sizes.length; m++) {
                    assertThat(predicted(endpoint, "w" + m + ":1")).isEqualTo(m);
                    endpoint.cleanUp();
                    assertThat(endpoint.stats().bytes()).as("round %d after w%d", round, m).isBetween(1L, 500L);
                }
            }
            assertThat(endpoint.stats().loads()).isGreaterThan(sizes.length);
            assertThat(endpoint.stats().evictions()).isPositive();
        }

        @Test
        void aModelHeavierThanTheBudgetAnswersAndIsNotKept() {
            register("big", 3, 1_000);
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).maximumModels(5)
                    .maximumBytes(500).build();

            assertThat(predicted(endpoint, "big:1")).isEqualTo(3);
            endpoint.cleanUp();
            assertThat(endpoint.loaded()).isEmpty();
            assertThat(endpoint.stats().bytes()).isZero();
        }

        @Test
        void sixteenThreadsOverMoreModelsThanTheBudgetGetTheRightModelAndTheBoundHolds() throws Exception {
            for (int m = 0; m < 8; m++) {
                register("c" + m, m, 100);
            }
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).maximumBytes(400).build();

            List<Integer> wrong = runConcurrently(16, thread -> {
                int mismatches = 0;
                for (int i = 0; i < 200; i++) {
                    int m = (thread * 7 + i * (thread % 3 + 1)) % 8;
                    mismatches += predicted(endpoint, "c" + m + ":1") == m ? 0 : 1;
                }
                return mismatches;
            });

            assertThat(wrong).containsOnly(0);
            endpoint.cleanUp();
            MultiModelStats stats = endpoint.stats();
            assertThat(stats.bytes()).isLessThanOrEqualTo(400);
            assertThat(stats.hits() + stats.misses()).isEqualTo(16 * 200);
            assertThat(stats.loadFailures()).isZero();
        }
    }

    @Nested
    class Failures {
        @Test
        void anUnknownModelFailsNamingItAndIsNotCachedSoItLoadsOnceRegistered() {
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).build();

            assertThatThrownBy(() -> endpoint.predict("later:1", FEATURES))
                    .isInstanceOf(MultiModelLoadException.class)
                    .hasMessageStartingWith("cannot load model 'later:1': no version later:1 in ");
            register("later", 5, 100);
            assertThat(predicted(endpoint, "later:1")).isEqualTo(5);
            assertThat(endpoint.stats()).extracting(MultiModelStats::loads, MultiModelStats::loadFailures)
                    .containsExactly(1L, 1L);
        }

        @Test
        void aNameWithoutAProductionVersionFailsSayingSo() {
            register("draft", 1, 100);
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).build();

            assertThatThrownBy(() -> endpoint.predict("draft", FEATURES))
                    .isInstanceOf(MultiModelLoadException.class)
                    .hasMessageStartingWith("cannot load model 'draft': no version of it is in production in ")
                    .hasMessageEndingWith("; name a version as draft:VERSION");
        }

        @Test
        void aRefusalByTheRegistryFailsNamingTheModelWithTheRefusalAsCause() {
            register("secret", 1, 100);
            promote(registry.require(ALICE, "secret", 1), OptionalInt.empty());
            registry.close();
            registry = ModelRegistry.builder(directory).formats(SizedFormat.FORMATS).clock(clock)
                    .policy(Policy.builder().allow(Subject.principal("alice"), ModelRegistry.READ.name(), "model/**")
                            .build())
                    .open();
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, Principal.of("eve")).build();

            assertThatThrownBy(() -> endpoint.predictor("secret:1"))
                    .isInstanceOf(MultiModelLoadException.class)
                    .hasMessageStartingWith("cannot load model 'secret:1': ")
                    .hasCauseInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> endpoint.predictor("secret"))
                    .isInstanceOf(MultiModelLoadException.class)
                    .hasMessageStartingWith("cannot load model 'secret': ")
                    .hasCauseInstanceOf(AccessDeniedException.class);
            assertThat(predicted(MultiModelEndpoint.builder(registry, ALICE).build(), "secret")).isEqualTo(1);
        }

        @Test
        void malformedNamesAreRefusedSayingWhatIsExpected() {
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).build();
            assertThatThrownBy(() -> endpoint.predictor("m:0"))
                    .hasMessage("cannot load model 'm:0': its version '0' is not a number from 1; expected NAME or"
                            + " NAME:VERSION");
            assertThatThrownBy(() -> endpoint.predictor("m:x")).hasMessageContaining("its version 'x' is not a number");
            assertThatThrownBy(() -> endpoint.predictor("m:")).hasMessageContaining("its version '' is not a number");
            assertThatThrownBy(() -> endpoint.predictor("m:1:2")).hasMessageContaining("its version '1:2'");
            assertThatThrownBy(() -> endpoint.predictor("bad name:1"))
                    .isInstanceOf(MultiModelLoadException.class)
                    .hasMessageStartingWith("cannot load model 'bad name:1': ")
                    .hasMessageEndingWith("; expected NAME or NAME:VERSION");
            assertThatThrownBy(() -> endpoint.predictor(":1"))
                    .hasMessage("cannot load model ':1': a model's name must be 1 to 100 letters, digits, '_', '-' or"
                            + " '.', starting with a letter or digit, but was ''; expected NAME or NAME:VERSION");
            assertThat(endpoint.stats().misses()).isZero();
        }

        @Test
        void budgetsOutOfRangeAreRefusedNamingTheValue() {
            MultiModelEndpoint.Builder builder = MultiModelEndpoint.builder(registry, ALICE);
            assertThatThrownBy(() -> builder.maximumModels(0)).hasMessage("maximumModels must be at least 1 but was 0");
            assertThatThrownBy(() -> builder.maximumBytes(-1)).hasMessage("maximumBytes must be at least 1 but was -1");
            assertThatThrownBy(() -> builder.productionRefresh(Duration.ZERO))
                    .hasMessage("productionRefresh must be positive but was PT0S");
            assertThatThrownBy(() -> builder.productionRefresh(Duration.ofSeconds(-2)))
                    .hasMessage("productionRefresh must be positive but was PT-2S");
            assertThat(builder.maximumModels(1).maximumBytes(1)).isSameAs(builder);
        }

        @Test
        void aBudgetOfOneModelKeepsOne() {
            register("one", 1, 10);
            register("two", 2, 10);
            MultiModelEndpoint endpoint = MultiModelEndpoint.builder(registry, ALICE).maximumBytes(5)
                    .maximumModels(1).build();

            assertThat(predicted(endpoint, "one:1") + predicted(endpoint, "two:1")).isEqualTo(3);
            endpoint.cleanUp();
            assertThat(endpoint.loaded()).hasSize(1);
        }
    }

    /** Runs one task per thread, all released at once, and returns their results in thread order. */
    private static <T> List<T> runConcurrently(int threads, ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(thread);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task of one numbered thread. */
    @FunctionalInterface
    interface ThreadTask<T> {
        T run(int thread);
    }
}
