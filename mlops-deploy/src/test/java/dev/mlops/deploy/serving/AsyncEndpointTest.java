package dev.mlops.deploy.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.Field;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.serving.AsyncException.Reason;
import dev.mlops.deploy.serving.AsyncResult.Status;
import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AsyncEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Doubles x; throws on a negative x; waits at its gate (ignoring interrupts) while the gate is closed. */
    static final class Doubler implements Predictor {
        final CountDownLatch gate;
        final AtomicInteger entered = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        volatile Thread lastThread = Thread.currentThread();
        final java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();

        Doubler(boolean open) {
            this.gate = new CountDownLatch(open ? 0 : 1);
        }

        @Override
        public Schema inputSchema() {
            return Schema.of(Field.of("x", ColumnType.NUMERIC));
        }

        @Override
        public Outputs outputs() {
            return Outputs.regression();
        }

        @Override
        public Table predict(Table features) {
            calls.incrementAndGet();
            lastThread = Thread.currentThread();
            entered.incrementAndGet();
            boolean interrupted = false;
            while (gate.getCount() > 0) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                    this.interrupted.set(true);
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            double[] x = features.numericColumn("x").toArray();
            for (int row = 0; row < x.length; row++) {
                if (x[row] < 0) {
                    throw new IllegalStateException("negative x " + x[row] + " in row " + row);
                }
                x[row] *= 2;
            }
            return outputs().values(x);
        }

        void awaitEntered(int count) throws InterruptedException {
            awaitUntil(() -> entered.get() >= count);
            assertThat(entered.get()).as("requests running").isGreaterThanOrEqualTo(count);
        }
    }

    /** Polls a condition every 2 ms until it holds or {@link #WAIT} passes; the caller asserts it after. */
    static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private final List<AsyncEndpoint<?, ?>> endpoints = new ArrayList<>();
    private final List<Doubler> gates = new ArrayList<>();
    private final TestClock clock = new TestClock();

    @AfterEach
    void shutDown() {
        gates.forEach(d -> d.gate.countDown());
        endpoints.forEach(e -> e.shutdown(WAIT));
    }

    private static Table x(double... values) {
        return Table.of(NumericColumn.of("x", values));
    }

    private static double[] answer(AsyncSubmission<Table> submission) throws Exception {
        return submission.answer().get(WAIT.toSeconds(), TimeUnit.SECONDS).numericColumn(Outputs.PREDICTION)
                .toArray();
    }

    private Doubler doubler(boolean open) {
        Doubler doubler = new Doubler(open);
        gates.add(doubler);
        return doubler;
    }

    private <Q, A> AsyncEndpoint<Q, A> endpoint(AsyncEndpoint.Builder<Q, A> builder) {
        AsyncEndpoint<Q, A> endpoint = builder.clock(clock).build();
        endpoints.add(endpoint);
        return endpoint;
    }

    private static Throwable failure(AsyncSubmission<?> submission) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> submission.answer().get(WAIT.toSeconds(), TimeUnit.SECONDS)).getCause();
    }

    @Nested
    class Answers {
        @Test
        void aRequestGetsAnIdAndItsPredictionsAndIsFoundById() throws Exception {
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(doubler(true)).name("churn").workers(2));

            AsyncSubmission<Table> first = endpoint.submit(x(1, 2.5));
            AsyncSubmission<Table> second = endpoint.submit(x(3));

            assertThat(first.id()).isEqualTo("churn-1");
            assertThat(second.id()).isEqualTo("churn-2");
            assertThat(answer(first)).containsExactly(2, 5);
            assertThat(answer(second)).containsExactly(6);
            AsyncResult<Table> result = endpoint.result("churn-1").orElseThrow();
            assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(result.answer().orElseThrow().numericColumn(Outputs.PREDICTION).toArray())
                    .containsExactly(2, 5);
            assertThat(result.error()).isEmpty();
            assertThat(result.submittedAt()).isEqualTo(clock.instant());
            assertThat(result.completedAt()).contains(clock.instant());
            assertThat(endpoint.stats()).extracting(AsyncStats::submitted, AsyncStats::succeeded, AsyncStats::failed,
                    AsyncStats::rejected, AsyncStats::pending).containsExactly(2L, 2L, 0L, 0L, 0L);
            assertThat(endpoint.name()).isEqualTo("churn");
            assertThat(endpoint).hasToString("AsyncEndpoint[churn]");
        }

        @Test
        void aPendingRequestIsFoundByIdAndAnUnknownIdIsEmpty() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).workers(1));

            AsyncSubmission<Table> request = endpoint.submit(x(1));
            gated.awaitEntered(1);

            AsyncResult<Table> pending = endpoint.result(request.id()).orElseThrow();
            assertThat(pending.status()).isEqualTo(Status.PENDING);
            assertThat(pending.answer()).isEmpty();
            assertThat(pending.completedAt()).isEmpty();
            assertThat(endpoint.stats().pending()).isEqualTo(1);
            assertThat(endpoint.result("async-99")).isEmpty();
            gated.gate.countDown();
            assertThat(answer(request)).containsExactly(2);
        }

        @Test
        void aFailingPredictionFailsItsFutureWithThePredictorsErrorAndIsCounted() {
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(doubler(true)).workers(1));

            AsyncSubmission<Table> request = endpoint.submit(x(1, -4));

            assertThat(failure(request)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("negative x -4.0 in row 1");
            AsyncResult<Table> result = endpoint.result(request.id()).orElseThrow();
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.error()).contains("negative x -4.0 in row 1");
            assertThat(endpoint.stats().failed()).isEqualTo(1);
            assertThat(endpoint.stats().succeeded()).isZero();
        }

        @Test
        void sixteenThreadsSubmittingAtOnceEachGetTheirOwnAnswerAndNoneIsLost() throws Exception {
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(doubler(true)).workers(4).queueCapacity(20_000));
            int threads = 16;
            int each = 500;
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<AsyncSubmission<Table>>>> submitted = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    submitted.add(callers.submit(() -> {
                        start.await();
                        List<AsyncSubmission<Table>> mine = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            mine.add(endpoint.submit(x(thread * 10_000 + i)));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                Set<String> ids = new HashSet<>();
                for (int t = 0; t < threads; t++) {
                    List<AsyncSubmission<Table>> mine = submitted.get(t).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    for (int i = 0; i < each; i++) {
                        assertThat(answer(mine.get(i))).as("thread %d request %d", t, i)
                                .containsExactly(2.0 * (t * 10_000 + i));
                        ids.add(mine.get(i).id());
                    }
                }
                assertThat(ids).hasSize(threads * each);
            } finally {
                callers.shutdownNow();
            }
            AsyncStats stats = endpoint.stats();
            assertThat(stats.submitted()).isEqualTo(threads * each);
            assertThat(stats.succeeded()).isEqualTo(threads * each);
            assertThat(stats.pending()).isZero();
            assertThat(stats.workers()).isBetween(1, 4);
        }
    }

    @Nested
    class OverAnEndpoint {
        @Test
        void requestsAreRoutedCheckedAndCountedByTheEndpointAndAnInvalidOneFailsItsFuture() throws Exception {
            try (Endpoint served = Endpoint.builder(new BlueGreenStrategy(new BlueGreenStrategy.Settings("blue",
                    "green"))).variant("blue", doubler(true)).variant("green", doubler(true)).noTimeout().build()) {
                AsyncEndpoint<PredictRequest, PredictResponse> async = endpoint(AsyncEndpoint.builder(served)
                        .name("front").workers(2));

                AsyncSubmission<PredictResponse> good = async.submit(PredictRequest.table(x(1, 2))
                        .withInferenceId("inference-1"));
                AsyncSubmission<PredictResponse> bad = async.submit(PredictRequest.table(
                        Table.of(NumericColumn.of("y", 1))));

                PredictResponse answer = good.answer().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(answer.variant()).isEqualTo("blue");
                assertThat(answer.inferenceId()).isEqualTo("inference-1");
                assertThat(answer.predictions().numericColumn(Outputs.PREDICTION).toArray()).containsExactly(2, 4);
                assertThat(failure(bad)).isInstanceOfSatisfying(EndpointException.class,
                        e -> assertThat(e.reason()).isEqualTo(EndpointException.Reason.INVALID_REQUEST))
                        .hasMessageContaining("x");
                assertThat(async.result(bad.id()).orElseThrow().status()).isEqualTo(Status.FAILED);
                assertThat(served.stats().get("blue")).extracting(VariantStats::requests, VariantStats::invalid)
                        .containsExactly(2L, 1L);
                assertThat(async.stats()).extracting(AsyncStats::succeeded, AsyncStats::failed)
                        .containsExactly(1L, 1L);
            }
        }
    }

    @Nested
    class Backpressure {
        @Test
        void aFullQueueRejectsAtOnceWithAClearErrorAndCountsIt() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).name("q").workers(1).queueCapacity(2));
            AsyncSubmission<Table> running = endpoint.submit(x(1));
            gated.awaitEntered(1);
            AsyncSubmission<Table> queued1 = endpoint.submit(x(2));
            AsyncSubmission<Table> queued2 = endpoint.submit(x(3));

            assertThatThrownBy(() -> endpoint.submit(x(4)))
                    .isInstanceOfSatisfying(AsyncException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.QUEUE_FULL);
                        assertThat(e.requestId()).isEqualTo("q-4");
                    })
                    .hasMessage("async endpoint 'q' refused request q-4: its queue is full (2 requests waiting for 1"
                            + " busy workers); retry later, or raise queueCapacity or workers");
            assertThat(endpoint.stats().rejected()).isEqualTo(1);
            assertThat(endpoint.stats().submitted()).isEqualTo(3);
            assertThat(endpoint.result("q-4")).isEmpty();

            gated.gate.countDown();
            assertThat(answer(running)).containsExactly(2);
            assertThat(answer(queued1)).containsExactly(4);
            assertThat(answer(queued2)).containsExactly(6);
            assertThat(answer(endpoint.submit(x(5)))).containsExactly(10);
        }
    }

    @Nested
    class Timeouts {
        @Test
        void aRequestNotAnsweredInTimeFailsWithATimeoutNamingItsIdAndAQueuedOneIsSkipped() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).name("t").workers(1)
                    .timeout(Duration.ofMillis(100)));

            AsyncSubmission<Table> running = endpoint.submit(x(1));
            gated.awaitEntered(1);
            AsyncSubmission<Table> queued = endpoint.submit(x(2), Duration.ofMillis(50));

            assertThat(failure(running)).isInstanceOfSatisfying(AsyncException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
                assertThat(e.requestId()).isEqualTo("t-1");
            }).hasMessage("async endpoint 't': request t-1 timed out after PT0.1S (running)");
            assertThat(failure(queued))
                    .hasMessage("async endpoint 't': request t-2 timed out after PT0.05S (still queued)");
            assertThat(endpoint.result("t-2").orElseThrow().status()).isEqualTo(Status.TIMED_OUT);
            assertThat(endpoint.result("t-2").orElseThrow().error())
                    .contains("async endpoint 't': request t-2 timed out after PT0.05S (still queued)");

            gated.gate.countDown();
            assertThat(answer(endpoint.submit(x(3)))).containsExactly(6);
            assertThat(gated.calls).as("the timed-out queued request is skipped").hasValue(2);
            assertThat(endpoint.stats().timedOut()).isEqualTo(2);
            assertThat(endpoint.stats().succeeded()).isEqualTo(1);
            assertThat(endpoint.result("t-1").orElseThrow().status()).as("a late answer is dropped")
                    .isEqualTo(Status.TIMED_OUT);
        }
    }

    @Nested
    class Retention {
        @Test
        void anEndedRequestIsFoundForTheRetentionTimeByTheClock() throws Exception {
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(doubler(true)).retention(Duration.ofMinutes(5)));
            AsyncSubmission<Table> request = endpoint.submit(x(1));
            answer(request);

            clock.advance(Duration.ofMinutes(5).minusMillis(1));
            assertThat(endpoint.result(request.id())).isPresent();
            clock.advance(Duration.ofMillis(1));
            assertThat(endpoint.result(request.id())).isEmpty();
        }

        @Test
        void atMostTheRetainedCountOfEndedRequestsIsKept() throws Exception {
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(doubler(true)).retainedResults(3));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                AsyncSubmission<Table> request = endpoint.submit(x(i));
                answer(request);
                ids.add(request.id());
            }

            assertThat(ids.stream().map(endpoint::result).filter(Optional::isPresent).count()).isBetween(1L, 3L);
        }
    }

    @Nested
    class Shutdown {
        @Test
        void shutdownDrainsTheQueueThenRefusesNewRequests() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).name("s").workers(1));
            List<AsyncSubmission<Table>> requests = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                requests.add(endpoint.submit(x(i)));
            }
            CompletableFuture<AsyncShutdown> shutdown = CompletableFuture.supplyAsync(() -> endpoint.shutdown(WAIT));
            gated.awaitEntered(1);
            gated.gate.countDown();

            AsyncShutdown report = shutdown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(report.drained()).isTrue();
            assertThat(report.abandoned()).isEmpty();
            for (int i = 0; i < 5; i++) {
                assertThat(answer(requests.get(i))).containsExactly(2.0 * i);
            }
            assertThatThrownBy(() -> endpoint.submit(x(9)))
                    .isInstanceOfSatisfying(AsyncException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SHUT_DOWN))
                    .hasMessage("async endpoint 's' refused request s-6: it is shut down; submit to a running endpoint");
            assertThat(endpoint.stats().rejected()).isEqualTo(1);
            assertThat(endpoint.stats().succeeded()).isEqualTo(5);
        }

        @Test
        void aShutdownThatCannotDrainInTimeAbandonsTheRestAndNamesThem() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).name("a").workers(1));
            AsyncSubmission<Table> running = endpoint.submit(x(1));
            gated.awaitEntered(1);
            AsyncSubmission<Table> queued = endpoint.submit(x(2));
            for (int i = 3; i <= 12; i++) {
                endpoint.submit(x(i));
            }

            AsyncShutdown report = endpoint.shutdown(Duration.ofMillis(50));

            assertThat(report.drained()).isFalse();
            assertThat(report.abandoned()).as("in submission order").containsExactly("a-1", "a-2", "a-3", "a-4",
                    "a-5", "a-6", "a-7", "a-8", "a-9", "a-10", "a-11", "a-12");
            awaitUntil(gated.interrupted::get);
            assertThat(gated.interrupted).as("the running worker was interrupted").isTrue();
            assertThat(failure(running)).isInstanceOfSatisfying(AsyncException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.ABANDONED))
                    .hasMessage("async endpoint 'a' shut down before request a-1 was answered (waited PT0.05S for the"
                            + " queue to drain)");
            assertThat(failure(queued)).hasMessageContaining("request a-2");
            assertThat(endpoint.result("a-2").orElseThrow().status()).isEqualTo(Status.ABANDONED);
            assertThat(endpoint.stats().abandoned()).isEqualTo(12);
            assertThat(endpoint.stats().pending()).isZero();
            gated.gate.countDown();
            assertThat(endpoint.shutdown(WAIT)).isEqualTo(new AsyncShutdown(true, List.of()));
        }

        @Test
        void anInterruptedShutdownAbandonsWhatIsLeftAndKeepsTheInterrupt() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).name("i").workers(1));
            AsyncSubmission<Table> request = endpoint.submit(x(1));
            gated.awaitEntered(1);

            Thread.currentThread().interrupt();
            AsyncShutdown report = endpoint.shutdown(WAIT);

            assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
            assertThat(report).isEqualTo(new AsyncShutdown(false, List.of("i-1")));
            assertThat(failure(request)).isInstanceOf(AsyncException.class);
        }

        @Test
        void closeDrainsWithTheBuildersDrainTimeout() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).workers(1)
                    .drainTimeout(Duration.ofMillis(20)));
            AsyncSubmission<Table> request = endpoint.submit(x(1));
            gated.awaitEntered(1);

            endpoint.close();

            assertThat(failure(request)).hasMessageContaining("waited PT0.02S");
        }
    }

    @Nested
    class Workers {
        @Test
        void idleWorkersEndAfterTheKeepAliveAndNewOnesStartForNewRequests() throws Exception {
            Doubler gated = doubler(false);
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(gated).name("w").workers(4)
                    .keepAlive(Duration.ofMillis(50)));
            assertThat(endpoint.stats().workers()).as("no worker before the first request").isZero();
            List<AsyncSubmission<Table>> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                requests.add(endpoint.submit(x(i)));
            }
            gated.awaitEntered(4);
            assertThat(endpoint.stats().workers()).isEqualTo(4);
            assertThat(gated.lastThread.getName()).matches("mlops-async-w-[1-4]");
            assertThat(gated.lastThread.isDaemon()).as("workers never keep the JVM alive").isTrue();
            gated.gate.countDown();
            for (AsyncSubmission<Table> request : requests) {
                answer(request);
            }

            awaitUntil(() -> endpoint.stats().workers() == 0);
            assertThat(endpoint.stats().workers()).as("workers once idle").isZero();
            assertThat(answer(endpoint.submit(x(7)))).containsExactly(14);
            awaitUntil(() -> endpoint.stats().workers() == 0);
            assertThat(endpoint.stats().workers()).isZero();
        }
    }

    @Nested
    class BadInput {
        @Test
        void settingsOutOfRangeAreRefusedNamingTheSettingAndValue() {
            AsyncEndpoint.Builder<Table, Table> builder = AsyncEndpoint.builder(doubler(true));
            assertThatThrownBy(() -> builder.workers(0)).hasMessage("workers must be at least 1 but was 0");
            assertThatThrownBy(() -> builder.queueCapacity(-1)).hasMessage("queueCapacity must be at least 1 but was -1");
            assertThatThrownBy(() -> builder.retainedResults(0)).hasMessage("retainedResults must be at least 1 but was 0");
            assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive but was PT0S");
            assertThatThrownBy(() -> builder.keepAlive(Duration.ofSeconds(-1)))
                    .hasMessage("keepAlive must be positive but was PT-1S");
            assertThatThrownBy(() -> builder.retention(Duration.ZERO)).hasMessage("retention must be positive but was PT0S");
            assertThatThrownBy(() -> builder.drainTimeout(Duration.ZERO))
                    .hasMessage("drainTimeout must be positive but was PT0S");
            assertThatThrownBy(() -> builder.name("no spaces"))
                    .hasMessage("name must be 1 to 64 letters, digits, '_', '.' or '-' but was 'no spaces'");
            assertThatThrownBy(() -> builder.name("")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aBadTimeoutOrDrainIsRefusedAndNothingIsQueued() {
            AsyncEndpoint<Table, Table> endpoint = endpoint(AsyncEndpoint.builder(doubler(true)));
            assertThatThrownBy(() -> endpoint.submit(x(1), Duration.ofMillis(-5)))
                    .hasMessage("requestTimeout must be positive but was PT-0.005S");
            assertThatThrownBy(() -> endpoint.shutdown(Duration.ofSeconds(-1)))
                    .hasMessage("drain must not be negative but was PT-1S");
            assertThat(endpoint.stats().submitted()).isZero();
        }

        @Test
        void aResultsPartsMustFitItsStatus() {
            java.time.Instant at = clock.instant();
            assertThatThrownBy(() -> new AsyncResult<>("r-1", Status.SUCCEEDED, Optional.empty(), Optional.empty(), at,
                    Optional.of(at)))
                    .hasMessage("request r-1 is SUCCEEDED but has no answer, no error and an end time; expected"
                            + " an answer only when SUCCEEDED, an error when it ended otherwise, an end time unless"
                            + " PENDING");
            assertThatThrownBy(() -> new AsyncResult<>("r-1", Status.FAILED, Optional.empty(), Optional.empty(), at,
                    Optional.of(at))).hasMessageContaining("FAILED but has no answer, no error");
            assertThatThrownBy(() -> new AsyncResult<>("r-1", Status.PENDING, Optional.empty(), Optional.empty(), at,
                    Optional.of(at))).hasMessageContaining("PENDING but has no answer, no error and an end time");
            assertThatThrownBy(() -> new AsyncResult<>("r-1", Status.FAILED, Optional.of(x(1)), Optional.of("e"), at,
                    Optional.of(at))).hasMessageContaining("FAILED but has an answer, an error");
            assertThatThrownBy(() -> new AsyncResult<>("r-1", Status.TIMED_OUT, Optional.empty(), Optional.of("e"), at,
                    Optional.empty())).hasMessageContaining("no end time");
            assertThat(new AsyncResult<>("r-1", Status.ABANDONED, Optional.empty(), Optional.of("e"), at,
                    Optional.of(at)).status()).isEqualTo(Status.ABANDONED);
        }
    }
}
