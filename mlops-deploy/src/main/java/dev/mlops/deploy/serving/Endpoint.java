package dev.mlops.deploy.serving;

import dev.mlops.core.access.Principal;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.registry.ModelRegistry;
import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.Rollout;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutStatus;
import dev.mlops.deploy.strategy.Route;
import dev.mlops.deploy.strategy.VariantHealth;
import dev.mlops.features.FeatureSelection;
import dev.mlops.features.FeatureStore;
import dev.mlops.monitor.capture.CaptureSink;
import dev.mlops.monitor.capture.CaptureStage;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Serves predictions from named model variants, routed by a running {@link Rollout}: the
 * in-process counterpart of a model server's endpoint.
 *
 * <pre>{@code
 * DeploymentStrategy plan = new BlueGreenStrategy(new BlueGreenStrategy.Settings("v1", "v2"));
 * try (Endpoint endpoint = Endpoint.builder(plan)
 *         .variant("v1", registry, me, "churn:1")      // loaded from the registry, hash verified
 *         .variant("v2", registry, me, "churn:2")
 *         .capture(captureWriter)                     // mlops-monitor's CaptureSink
 *         .timeout(Duration.ofMillis(50))
 *         .healthCheckEvery(Duration.ofSeconds(10))
 *         .build()) {
 *     endpoint.bindTo(meterRegistry);
 *     PredictResponse answer = endpoint.predict(PredictRequest.row(features).withUnitId(customerId));
 *     endpoint.apply(new RolloutEvent.Promote("v2 passed the gate"));
 * }
 * }</pre>
 *
 * <p><b>A request</b> is routed ({@link Rollout#route} with its unit id), checked against the
 * answering variant's {@link Predictor#inputSchema()} (an absent or mistyped feature fails the
 * request with {@link EndpointException.Reason#INVALID_REQUEST} naming the feature; no prediction
 * is made from a wrong input), predicted, captured and answered. Its inference id is the caller's
 * or, when absent, one from the endpoint's id source: by default a random (version 4) UUID, whose
 * 122 random bits come from {@link UUID#randomUUID()}'s cryptographically strong generator, never
 * from the time; {@link Builder#inferenceIds} replaces it (a seeded source in tests).
 *
 * <p><b>Online features.</b> With {@link Builder#features}, each request's rows are first joined
 * with the latest values a {@link FeatureStore} holds for their entities: per feature group, one
 * {@link FeatureStore#online online read} per request of the entity keys in the request's key
 * field (a string, or an integer read as its text by {@link dev.mlops.features.EntityKeys}, so an
 * integer beyond ±2<sup>53</sup> is refused), as the endpoint's principal. The features
 * are added to the request's fields, and everything after sees the enriched request: the input
 * check, the model, the capture and the shadows. A request that itself gives a feature the
 * endpoint reads is refused ({@link EndpointException.Reason#INVALID_REQUEST} naming the field and
 * the group) rather than one value silently winning over the other, as is a row whose entity key
 * is absent or missing. An entity the store does not know, or whose values are all past the time
 * to live, reads as missing values (the model's missing-value policy applies) and is counted as
 * missing: a key counts as missing when none of the group's selected features has a value for it.
 * See {@link #enrichment()}, and the counters
 * {@code mlops.endpoint.features.lookups} and {@code mlops.endpoint.features.missing} tagged
 * {@code endpoint} and {@code group}. Access is checked by the store: {@link Builder#build()}
 * probes each read once (an online read of no entity), so a feature the principal may not read
 * fails the build with the store's {@link dev.mlops.core.access.AccessDeniedException}; a read
 * the store refuses or fails later fails the request with
 * {@link EndpointException.Reason#FEATURES_UNAVAILABLE}. The build also checks each added
 * feature's type in the store against the type each variant's model takes it as, and fails naming
 * feature, group and types if they differ; if a later version of the group changes a feature's
 * type, requests fail with {@code FEATURES_UNAVAILABLE} (no message ever holds a feature's value).
 * Features the store marks sensitive, when the endpoint is built or in any later read (a feature
 * marked sensitive in a later version of its group), are handed to the capture sink as sensitive
 * columns of that request, so its policy leaves them out or masks them unless it allows them by
 * name.
 *
 * <p><b>Real-time serving.</b> Each model call is bounded by a timeout ({@link Builder#timeout},
 * or per call with {@link #predict(PredictRequest, Duration)}): the call runs on one of the
 * endpoint's model threads while the caller waits at most the timeout for its answer; past it the
 * request fails with {@link EndpointException.Reason#TIMEOUT}, is counted, the caller's thread
 * returns at once and the model thread is interrupted (a model that ignores interrupts finishes
 * its call on the model thread, and its answer is discarded). The timeout covers the wait for a
 * free model thread. {@link Builder#noTimeout()} calls the model on the caller's thread instead,
 * unbounded, which saves the hand-over (a few microseconds).
 *
 * <p><b>Shadows.</b> For a route with shadows, after the primary answered, one copy per shadow is
 * offered to a bounded queue ({@link Builder#shadowQueue}) without blocking; a full queue drops
 * the copy and counts it. Shadow worker threads predict with the shadow variant, capture its
 * answer under the shadow's name and the same inference id, and compare it with the primary's:
 * {@link #shadowReports()}. The caller's answer is always the primary's.
 *
 * <p><b>Measurements.</b> Per variant: requests, errors (invalid requests and timeouts among
 * them) and an HdrHistogram of latencies, all recorded without allocation or locks on the request
 * path; {@link #stats()}, {@link #health()} (what a strategy's health check reads), and Micrometer
 * meters once {@link #bindTo bound}: the counters {@code mlops.endpoint.requests},
 * {@code mlops.endpoint.errors}, {@code mlops.endpoint.invalid}, {@code mlops.endpoint.timeouts},
 * the time gauges {@code mlops.endpoint.latency} with tag {@code quantile} (0.5, 0.95, 0.99), all
 * tagged {@code endpoint} and {@code variant}, and per shadow pair the counters
 * {@code mlops.endpoint.shadow.enqueued} and {@code mlops.endpoint.shadow.dropped} and the gauge
 * {@code mlops.endpoint.shadow.disagreement}, tagged {@code endpoint}, {@code primary} and
 * {@code shadow}.
 *
 * <p><b>Capture.</b> With a {@link CaptureSink}, every answered row is captured at
 * {@link CaptureStage#AFTER_MODEL} (its input and output, the answering variant, the inference
 * id), every failed request's rows at {@link CaptureStage#BEFORE_PREPROCESSING} (input only), and
 * every shadow answer at {@code AFTER_MODEL} under the shadow's name. The rows of a multi-row
 * request are captured under {@code <inference id>/<row>}.
 *
 * <p><b>Rollout.</b> Events are applied through the endpoint ({@link #apply}, forwarded to the
 * rollout) or by the periodic health check ({@link Builder#healthCheckEvery}), which applies a
 * {@link RolloutEvent.HealthCheck} of {@link #health()}. Thread-safe: call anything from any
 * number of threads. {@link #close()} stops the health check, the shadow workers and the model
 * threads (and the scheduler if the endpoint made it); it does not close the capture sink.
 */
public final class Endpoint implements MeterBinder, AutoCloseable {
    private static final String METER = "mlops.endpoint.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final String name;
    private final Rollout rollout;
    private final Map<String, Variant> variants;
    private final Map<String, Map<String, ShadowComparison>> comparisons;
    private final @Nullable CaptureSink capture;
    private final @Nullable FeatureEnricher enricher;
    private final Supplier<String> inferenceIds;
    private final @Nullable Duration timeout;
    private final ThreadPoolExecutor modelThreads;
    private final ShadowRunner shadows;
    private final @Nullable ScheduledExecutorService ownScheduler;
    private final @Nullable ScheduledFuture<?> healthChecks;
    private final LongAdder healthCheckFailures = new LongAdder();
    private volatile boolean closed;

    /** A variant the endpoint serves: its name, its model and its meter. */
    static final class Variant {
        private final String name;
        private final Predictor predictor;
        private final Task task;
        private final VariantMeter meter = new VariantMeter();

        Variant(String name, Predictor predictor) {
            this.name = name;
            this.predictor = predictor;
            this.task = predictor.outputs().task();
        }

        String name() {
            return name;
        }

        Predictor predictor() {
            return predictor;
        }
    }

    private Endpoint(Builder builder, DeploymentStrategy strategy, Map<String, Predictor> predictors,
            @Nullable FeatureEnricher enricher) {
        this.name = builder.name;
        this.capture = builder.capture;
        this.enricher = enricher;
        this.inferenceIds = builder.inferenceIds;
        this.timeout = builder.timeout;
        Map<String, Variant> byName = new HashMap<>();
        for (Map.Entry<String, Predictor> entry : predictors.entrySet()) {
            byName.put(entry.getKey(), new Variant(entry.getKey(), entry.getValue()));
        }
        this.variants = Map.copyOf(byName);
        Map<String, Map<String, ShadowComparison>> pairs = new HashMap<>();
        for (Variant primary : variants.values()) {
            Map<String, ShadowComparison> shadowsOf = new HashMap<>();
            for (Variant shadow : variants.values()) {
                if (shadow != primary) {
                    shadowsOf.put(shadow.name, new ShadowComparison(primary.name, shadow.name, primary.task,
                            builder.shadowTolerance, builder.shadowSample));
                }
            }
            pairs.put(primary.name, Map.copyOf(shadowsOf));
        }
        this.comparisons = Map.copyOf(pairs);
        this.modelThreads = new ThreadPoolExecutor(builder.modelThreads, builder.modelThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons(name + "-model"));
        this.modelThreads.allowCoreThreadTimeOut(true);
        this.shadows = new ShadowRunner(builder.shadowQueue, builder.shadowThreads, name, capture);
        this.rollout = strategy.start(builder.clock);
        if (builder.healthCheckPeriod == null) {
            this.ownScheduler = null;
            this.healthChecks = null;
        } else {
            ScheduledExecutorService scheduler = builder.scheduler;
            this.ownScheduler = scheduler == null ? Executors.newSingleThreadScheduledExecutor(
                    daemons(name + "-health")) : null;
            ScheduledExecutorService used = scheduler == null ? ownScheduler : scheduler;
            long period = builder.healthCheckPeriod.toNanos();
            this.healthChecks = Objects.requireNonNull(used).scheduleAtFixedRate(this::scheduledHealthCheck, period,
                    period, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Starts building an endpoint that serves the strategy's variants.
     *
     * @param strategy the deployment strategy; the endpoint starts its rollout when built
     * @return a builder, to which every variant of the strategy must be given
     */
    public static Builder builder(DeploymentStrategy strategy) {
        return new Builder(strategy);
    }

    /** @return the endpoint's name, which tags its meters and names its threads */
    public String name() {
        return name;
    }

    /** @return the names of the variants served */
    public Set<String> variants() {
        return variants.keySet();
    }

    /** @return the running rollout that routes the requests */
    public Rollout rollout() {
        return rollout;
    }

    /**
     * Answers a request within the endpoint's timeout.
     *
     * @param request the request
     * @return the answering variant's predictions
     * @throws EndpointException if the request does not fit the variant's input, the model failed
     *     or exceeded the timeout, or the endpoint is closed
     */
    public PredictResponse predict(PredictRequest request) {
        return answer(request, timeout);
    }

    /**
     * Answers a request, its model call bounded by a given timeout (on a model thread).
     *
     * @param request the request
     * @param timeout how long the caller waits at most, positive
     * @return the answering variant's predictions
     * @throws EndpointException as {@link #predict(PredictRequest)}
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public PredictResponse predict(PredictRequest request, Duration timeout) {
        return answer(request, positive("timeout", timeout));
    }

    private PredictResponse answer(PredictRequest request, @Nullable Duration limit) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        String given = request.inferenceId();
        String inferenceId = given == null ? inferenceIds.get() : given;
        Route route = rollout.route(request.unitId());
        Variant variant = variant(route.primary());
        variant.meter.started();
        Table features = null;
        PredictRequest asked = request;
        Set<String> sensitive = enricher == null ? Set.of() : enricher.sensitive();
        try {
            if (closed) {
                throw new EndpointException(EndpointException.Reason.UNAVAILABLE, variant.name, inferenceId,
                        "endpoint '" + name + "' is closed", null);
            }
            if (enricher != null) {
                FeatureEnricher.Enriched enriched = enricher.enrich(request, variant.name, inferenceId);
                asked = enriched.request();
                sensitive = enriched.sensitive();
            }
            features = Features.of(asked, variant.predictor.inputSchema(), variant.name, inferenceId);
            Table answers = call(variant, features, inferenceId, limit);
            long nanos = System.nanoTime() - start;
            variant.meter.latency(nanos);
            if (capture != null) {
                capture(capture, inferenceId, variant.name, asked, features, answers, sensitive);
            }
            List<String> shadowNames = route.shadows();
            for (int i = 0; i < shadowNames.size(); i++) {
                String shadow = shadowNames.get(i);
                shadows.offer(new ShadowRunner.Task(variant(shadow), comparisons.get(variant.name).get(shadow),
                        asked, inferenceId, answers, sensitive));
            }
            return new PredictResponse(inferenceId, variant.name, answers, Duration.ofNanos(nanos));
        } catch (EndpointException e) {
            variant.meter.failed(e.reason());
            variant.meter.latency(System.nanoTime() - start);
            if (capture != null) {
                captureFailure(capture, inferenceId, variant.name, asked, features, sensitive);
            }
            throw e;
        }
    }

    private Table call(Variant variant, Table features, String inferenceId, @Nullable Duration limit) {
        if (limit == null) {
            return checked(variant, features, inferenceId, () -> variant.predictor.predict(features));
        }
        Future<Table> future;
        try {
            future = modelThreads.submit(() -> variant.predictor.predict(features));
        } catch (RejectedExecutionException e) {
            throw new EndpointException(EndpointException.Reason.UNAVAILABLE, variant.name, inferenceId,
                    "endpoint '" + name + "' is closed; request " + inferenceId + " was not run", e);
        }
        try {
            return checked(variant, features, inferenceId, () -> getModelAnswer(future, limit));
        } catch (TimedOut e) {
            future.cancel(true);
            throw new EndpointException(EndpointException.Reason.TIMEOUT, variant.name, inferenceId,
                    "variant '" + variant.name + "' did not answer request " + inferenceId + " within " + limit, null);
        }
    }

    private static Table getModelAnswer(Future<Table> future, Duration limit) {
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ModelError(e);
        } catch (ExecutionException e) {
            throw new ModelError(e.getCause() == null ? e : e.getCause());
        } catch (CancellationException e) {
            throw new ModelError(e);
        }
    }

    private static Table checked(Variant variant, Table features, String inferenceId, Supplier<Table> call) {
        Table answers;
        try {
            answers = call.get();
        } catch (TimedOut e) {
            throw e;
        } catch (ModelError e) {
            throw failed(variant, inferenceId, "failed: " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            throw failed(variant, inferenceId, "failed: " + e, e);
        }
        if (answers.rowCount() != features.rowCount()) {
            throw failed(variant, inferenceId, "returned " + answers.rowCount() + " rows for " + features.rowCount(),
                    null);
        }
        return answers;
    }

    private static EndpointException failed(Variant variant, String inferenceId, String what,
            @Nullable Throwable cause) {
        return new EndpointException(EndpointException.Reason.MODEL_FAILED, variant.name, inferenceId,
                "the model of variant '" + variant.name + "' " + what + " on request " + inferenceId, cause);
    }

    /** Signals a timeout from inside the model call's supplier; never leaves this class. */
    private static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut() {
            super(null, null, false, false);
        }
    }

    /** Carries the model's error out of the model call's supplier; never leaves this class. */
    private static final class ModelError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModelError(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    static void capture(CaptureSink sink, String inferenceId, String variant, PredictRequest request, Table features,
            Table answers, Set<String> sensitive) {
        Map<String, @Nullable Object> row = request.featureRow();
        for (int i = 0; i < answers.rowCount(); i++) {
            sink.capture(rowId(inferenceId, answers.rowCount(), i), variant, CaptureStage.AFTER_MODEL,
                    row != null ? row : Features.row(features, i), Features.row(answers, i), sensitive);
        }
    }

    private static void captureFailure(CaptureSink sink, String inferenceId, String variant, PredictRequest request,
            @Nullable Table features, Set<String> sensitive) {
        Map<String, @Nullable Object> row = request.featureRow();
        Table table = request.featureTable();
        if (row != null) {
            sink.capture(inferenceId, variant, CaptureStage.BEFORE_PREPROCESSING, row, Map.of(), sensitive);
        } else {
            Table rows = features == null ? Objects.requireNonNull(table) : features;
            for (int i = 0; i < rows.rowCount(); i++) {
                sink.capture(rowId(inferenceId, rows.rowCount(), i), variant, CaptureStage.BEFORE_PREPROCESSING,
                        Features.row(rows, i), Map.of(), sensitive);
            }
        }
    }

    private static String rowId(String inferenceId, int rows, int row) {
        return rows == 1 ? inferenceId : inferenceId + "/" + row;
    }

    private Variant variant(String variantName) {
        Variant variant = variants.get(variantName);
        if (variant == null) {
            throw new IllegalStateException("rollout of " + rollout.strategy() + " routed to variant '" + variantName
                    + "', which endpoint '" + name + "' does not serve: " + variants.keySet());
        }
        return variant;
    }

    /**
     * Applies an event to the rollout.
     *
     * @param event the event
     * @return the rollout's status after it
     * @throws IllegalStateException if the rollout's current stage does not accept the event
     */
    public RolloutStatus apply(RolloutEvent event) {
        return rollout.apply(event);
    }

    /**
     * Applies a health check of the variants' current health to the rollout, as the periodic
     * check does.
     *
     * @return the rollout's status after it
     * @throws IllegalStateException if the rollout's current stage does not accept health checks
     */
    public RolloutStatus checkHealth() {
        return rollout.apply(new RolloutEvent.HealthCheck(health()));
    }

    private void scheduledHealthCheck() {
        try {
            checkHealth();
        } catch (RuntimeException e) {
            healthCheckFailures.increment();
        }
    }

    /** @return how many periodic health checks the rollout refused or failed on */
    public long healthCheckFailures() {
        return healthCheckFailures.sum();
    }

    /** @return each variant's counts and latencies since the endpoint started, by name */
    public Map<String, VariantStats> stats() {
        Map<String, VariantStats> stats = new LinkedHashMap<>();
        for (String variantName : rollout.strategy().variants()) {
            stats.put(variantName, variants.get(variantName).meter.snapshot());
        }
        return stats;
    }

    /**
     * @return per feature group read ({@link Builder#features}), in the order given, the entity
     *     keys looked up and the entities the store did not know; empty without online features
     */
    public List<EnrichmentStats> enrichment() {
        return enricher == null ? List.of() : enricher.stats();
    }

    /** @return each variant's health, as a {@link RolloutEvent.HealthCheck} carries it */
    public Map<String, VariantHealth> health() {
        Map<String, VariantHealth> health = new LinkedHashMap<>();
        stats().forEach((variantName, stats) -> health.put(variantName, stats.health()));
        return health;
    }

    /** @return a report for every pair of primary and shadow that received at least one copy */
    public List<ShadowReport> shadowReports() {
        List<ShadowReport> reports = new ArrayList<>();
        for (String primary : rollout.strategy().variants()) {
            for (String shadow : rollout.strategy().variants()) {
                ShadowComparison comparison = comparisons.get(primary).get(shadow);
                if (comparison != null) {
                    ShadowReport report = comparison.report();
                    if (report.enqueued() + report.dropped() > 0) {
                        reports.add(report);
                    }
                }
            }
        }
        return reports;
    }

    /**
     * Waits until every shadow copy enqueued so far has been run and compared.
     *
     * @param timeout how long to wait at most
     * @return true if none is left, false if the timeout passed first
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitShadows(Duration timeout) throws InterruptedException {
        return shadows.awaitIdle(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Registers the endpoint's meters (see the class description) on a registry.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        for (Variant variant : variants.values()) {
            counter(registry, "requests", variant, VariantStats::requests, "requests the variant answered or failed");
            counter(registry, "errors", variant, VariantStats::errors, "requests that failed");
            counter(registry, "invalid", variant, VariantStats::invalid, "requests that did not fit the input schema");
            counter(registry, "timeouts", variant, VariantStats::timeouts, "requests that exceeded the timeout");
            latency(registry, variant, "0.5", VariantStats::p50Latency);
            latency(registry, variant, "0.95", VariantStats::p95Latency);
            latency(registry, variant, "0.99", VariantStats::p99Latency);
        }
        for (Map<String, ShadowComparison> shadowsOf : comparisons.values()) {
            for (ShadowComparison comparison : shadowsOf.values()) {
                shadowMeters(registry, comparison);
            }
        }
        if (enricher != null) {
            for (FeatureEnricher.GroupRead read : enricher.reads()) {
                FunctionCounter.builder(METER + "features.lookups", read, r -> r.stats().lookups())
                        .tags("endpoint", name, "group", read.stats().group())
                        .description("entity keys looked up in the feature store").register(registry);
                FunctionCounter.builder(METER + "features.missing", read, r -> r.stats().missing())
                        .tags("endpoint", name, "group", read.stats().group())
                        .description("entity keys the feature store did not know").register(registry);
            }
        }
    }

    private void counter(MeterRegistry registry, String meter, Variant variant, ToDoubleFunction<VariantStats> count,
            String description) {
        FunctionCounter.builder(METER + meter, variant.meter, m -> count.applyAsDouble(m.snapshot()))
                .tags("endpoint", name, "variant", variant.name).description(description).register(registry);
    }

    private void latency(MeterRegistry registry, Variant variant, String quantile,
            java.util.function.Function<VariantStats, Duration> value) {
        TimeGauge.builder(METER + "latency", variant.meter, TimeUnit.NANOSECONDS,
                m -> value.apply(m.snapshot()).toNanos())
                .tags("endpoint", name, "variant", variant.name, "quantile", quantile)
                .description("latency of the variant's requests at the quantile, since the endpoint started")
                .register(registry);
    }

    private void shadowMeters(MeterRegistry registry, ShadowComparison comparison) {
        String[] tags = {"endpoint", name, "primary", comparison.primary(), "shadow", comparison.shadow()};
        FunctionCounter.builder(METER + "shadow.enqueued", comparison, c -> c.report().enqueued()).tags(tags)
                .description("requests copied to the shadow").register(registry);
        FunctionCounter.builder(METER + "shadow.dropped", comparison, c -> c.report().dropped()).tags(tags)
                .description("copies dropped because the shadow queue was full").register(registry);
        Gauge.builder(METER + "shadow.disagreement", comparison, c -> c.report().disagreementRate()).tags(tags)
                .description("share of compared rows on which shadow and primary disagree").register(registry);
    }

    /**
     * Stops the health check, the shadow workers (copies still queued are not run) and the model
     * threads; requests after this fail as unavailable. Again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (healthChecks != null) {
            healthChecks.cancel(false);
        }
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
        shadows.close();
        modelThreads.shutdownNow();
    }

    @Override
    public String toString() {
        return "Endpoint[" + name + ", " + rollout.strategy() + ", " + rollout.status().stage() + "]";
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, but was " + value);
        }
        return value;
    }

    private static int atLeastOne(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, but was " + value);
        }
        return value;
    }

    /**
     * Builds an {@link Endpoint}: every variant of the strategy must be given, no other.
     * Not thread-safe; each call returns this builder.
     */
    public static final class Builder {
        private final DeploymentStrategy strategy;
        private final Map<String, Predictor> predictors = new LinkedHashMap<>();
        private final Map<String, FeatureEnricher.Source> featureReads = new LinkedHashMap<>();
        private String name = "endpoint";
        private Clock clock = Clock.systemUTC();
        private @Nullable CaptureSink capture;
        private Supplier<String> inferenceIds = () -> UUID.randomUUID().toString();
        private @Nullable Duration timeout = DEFAULT_TIMEOUT;
        private int modelThreads = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        private int shadowQueue = 1024;
        private int shadowThreads = 1;
        private double shadowTolerance = 1e-9;
        private int shadowSample = 1000;
        private @Nullable Duration healthCheckPeriod;
        private @Nullable ScheduledExecutorService scheduler;

        private Builder(DeploymentStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
        }

        /**
         * @param endpointName the endpoint's name, a letter or digit then letters, digits, {@code _},
         *     {@code .} or {@code -}; {@code endpoint} unless given
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed
         */
        public Builder name(String endpointName) {
            Objects.requireNonNull(endpointName, "name");
            if (!NAME.matcher(endpointName).matches()) {
                throw new IllegalArgumentException("an endpoint's name must be a letter or digit followed by letters,"
                        + " digits, '_', '.' or '-', but was '" + endpointName + "'");
            }
            this.name = endpointName;
            return this;
        }

        /**
         * Serves a variant with a model.
         *
         * @param variant the variant's name, one of the strategy's variants
         * @param predictor the model
         * @return this builder
         * @throws IllegalArgumentException if the strategy has no such variant or it was given already
         */
        public Builder variant(String variant, Predictor predictor) {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(predictor, "predictor");
            if (!strategy.variants().contains(variant)) {
                throw new IllegalArgumentException("variant '" + variant + "' is not one of the variants "
                        + strategy.variants() + " of " + strategy);
            }
            if (predictors.putIfAbsent(variant, predictor) != null) {
                throw new IllegalArgumentException("variant '" + variant + "' was given twice");
            }
            return this;
        }

        /**
         * Serves a variant with a model version loaded from a registry (its files' hashes verified).
         *
         * @param variant the variant's name, one of the strategy's variants
         * @param registry the model registry
         * @param principal who loads; needs read permission on the model
         * @param modelVersion the model and version, {@code name:version} such as {@code churn:3}
         * @return this builder
         * @throws IllegalArgumentException if the reference is not {@code name:version} or the variant
         *     is unknown or given already
         */
        public Builder variant(String variant, ModelRegistry registry, Principal principal, String modelVersion) {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(modelVersion, "modelVersion");
            int colon = modelVersion.lastIndexOf(':');
            int version;
            try {
                version = colon < 1 ? -1 : Integer.parseInt(modelVersion.substring(colon + 1));
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version < 1) {
                throw new IllegalArgumentException("variant '" + variant + "' needs a model as name:version (such as"
                        + " churn:3), but got '" + modelVersion + "'");
            }
            return variant(variant, registry.load(principal, modelVersion.substring(0, colon), version));
        }

        /**
         * Enriches every request with online features of one group (see the class description):
         * call once per group.
         *
         * <pre>{@code
         * Endpoint.builder(plan)
         *         .variant("v1", model)
         *         .features(store, servingPrincipal, FeatureSelection.of("customer", "age", "income"), "customer_id")
         *         .features(store, servingPrincipal, FeatureSelection.all("merchant"), "merchant_id")
         *         .build();
         * }</pre>
         *
         * @param store the feature store
         * @param principal who reads, the endpoint's principal; the store checks each selected feature
         * @param selection the group and its features to add; {@link FeatureSelection#all} is
         *     fixed, when built, to the group's features then
         * @param keyField the request field that holds the group's entity key
         * @return this builder
         * @throws IllegalArgumentException if the group is given twice or the key field is blank
         */
        public Builder features(FeatureStore store, Principal principal, FeatureSelection selection,
                String keyField) {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(keyField, "keyField");
            if (keyField.isBlank()) {
                throw new IllegalArgumentException("the key field of feature group '" + selection.group()
                        + "' must not be blank");
            }
            if (featureReads.putIfAbsent(selection.group(),
                    new FeatureEnricher.Source(store, principal, selection, keyField)) != null) {
                throw new IllegalArgumentException("feature group '" + selection.group()
                        + "' was given twice; select all its features in one call");
            }
            return this;
        }

        /**
         * @param rolloutClock the clock the rollout stamps transitions and measures bake times with;
         *     the system's UTC clock unless given
         * @return this builder
         */
        public Builder clock(Clock rolloutClock) {
            this.clock = Objects.requireNonNull(rolloutClock, "clock");
            return this;
        }

        /**
         * @param sink where requests, responses and shadow answers are captured; none unless given
         * @return this builder
         */
        public Builder capture(CaptureSink sink) {
            this.capture = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * @param ids the source of inference ids for requests that bring none; random UUIDs unless given
         * @return this builder
         */
        public Builder inferenceIds(Supplier<String> ids) {
            this.inferenceIds = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * @param limit how long a caller waits at most for a model's answer, positive; 1 second unless given
         * @return this builder
         * @throws IllegalArgumentException if the limit is not positive
         */
        public Builder timeout(Duration limit) {
            this.timeout = positive("timeout", limit);
            return this;
        }

        /**
         * Calls models on the callers' threads, unbounded, for {@link #predict(PredictRequest)}.
         *
         * @return this builder
         */
        public Builder noTimeout() {
            this.timeout = null;
            return this;
        }

        /**
         * @param threads the most model calls that run at once under a timeout, at least 1; twice
         *     the processors (at least 2) unless given; idle threads end after 30 seconds
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder modelThreads(int threads) {
            this.modelThreads = atLeastOne("modelThreads", threads);
            return this;
        }

        /**
         * @param capacity the most shadow copies waiting to run, at least 1; 1024 unless given
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder shadowQueue(int capacity) {
            this.shadowQueue = atLeastOne("shadowQueue", capacity);
            return this;
        }

        /**
         * @param threads the shadow worker threads, at least 1; 1 unless given
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder shadowThreads(int threads) {
            this.shadowThreads = atLeastOne("shadowThreads", threads);
            return this;
        }

        /**
         * @param tolerance the largest difference of a regressor's shadow and primary predictions
         *     that still agrees, at least 0; 1e-9 unless given
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         */
        public Builder shadowTolerance(double tolerance) {
            if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
                throw new IllegalArgumentException("shadowTolerance must be finite and at least 0, but was "
                        + tolerance);
            }
            this.shadowTolerance = tolerance;
            return this;
        }

        /**
         * @param size how many of the latest regression predictions of each side the output
         *     comparison keeps, at least 2 and at most 10,000 (the exact Kolmogorov-Smirnov test's
         *     limit); 1000 unless given
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder shadowSample(int size) {
            if (size < 2 || size > 10_000) {
                throw new IllegalArgumentException("shadowSample must be between 2 and 10000, but was " + size);
            }
            this.shadowSample = size;
            return this;
        }

        /**
         * Applies a health check to the rollout periodically, on the endpoint's own scheduler thread.
         *
         * @param period the time between checks, positive
         * @return this builder
         * @throws IllegalArgumentException if the period is not positive
         */
        public Builder healthCheckEvery(Duration period) {
            this.healthCheckPeriod = positive("period", period);
            this.scheduler = null;
            return this;
        }

        /**
         * Applies a health check to the rollout periodically, on the caller's scheduler, which the
         * endpoint does not shut down (closing the endpoint cancels its checks).
         *
         * @param period the time between checks, positive
         * @param executor the scheduler
         * @return this builder
         * @throws IllegalArgumentException if the period is not positive
         */
        public Builder healthCheckEvery(Duration period, ScheduledExecutorService executor) {
            this.healthCheckPeriod = positive("period", period);
            this.scheduler = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the endpoint and starts the strategy's rollout.
         *
         * @return the endpoint
         * @throws IllegalStateException if a variant of the strategy was not given a model
         * @throws IllegalArgumentException if the variants' models differ in task (classification
         *     and regression), which their answers could not be compared across, or two feature
         *     reads add the same column (or one named as a read's key field)
         * @throws IllegalArgumentException also if a feature a read adds has another type in the
         *     store than a variant's model takes it as (naming feature, group and both types)
         * @throws dev.mlops.core.access.AccessDeniedException if the feature store denies the
         *     endpoint's principal a selected feature (each read is probed once)
         */
        public Endpoint build() {
            List<String> missing = new ArrayList<>(strategy.variants());
            missing.removeAll(predictors.keySet());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("no model was given for variant(s) " + missing + " of " + strategy);
            }
            Set<Task> tasks = new java.util.TreeSet<>();
            predictors.values().forEach(predictor -> tasks.add(predictor.outputs().task()));
            if (tasks.size() > 1) {
                throw new IllegalArgumentException("the variants of an endpoint must all classify or all regress,"
                        + " but they mix " + tasks + ": " + predictors.keySet());
            }
            FeatureEnricher enricher = featureReads.isEmpty() ? null
                    : FeatureEnricher.probe(List.copyOf(featureReads.values()));
            if (enricher != null) {
                predictors.forEach((variant, predictor) -> enricher.requireTypes(variant, predictor.inputSchema()));
            }
            return new Endpoint(this, strategy, predictors, enricher);
        }
    }
}
