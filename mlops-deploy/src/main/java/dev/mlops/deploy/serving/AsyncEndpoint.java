package dev.mlops.deploy.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mlops.core.table.Table;
import dev.mlops.deploy.serving.AsyncException.Reason;
import dev.mlops.deploy.serving.AsyncResult.Status;
import dev.mlops.train.predict.Predictor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Asynchronous serving: requests go into a bounded queue that a pool of workers drains through an
 * {@link Endpoint} or a {@link Predictor}; each accepted request gets an id and a future at once.
 *
 * <pre>{@code
 * try (AsyncEndpoint<PredictRequest, PredictResponse> async = AsyncEndpoint.builder(endpoint)
 *         .name("churn").workers(4).queueCapacity(1_000).timeout(Duration.ofSeconds(5)).build()) {
 *     AsyncSubmission<PredictResponse> request = async.submit(PredictRequest.table(features));
 *     PredictResponse answer = request.answer().join();      // or later: async.result(request.id())
 * }
 * }</pre>
 *
 * <p>Built on an {@link Endpoint} ({@link #builder(Endpoint)}), each request is routed, checked
 * against its variant's input schema, counted and captured exactly as the endpoint's synchronous
 * requests are (an invalid one fails its future with the endpoint's
 * {@link EndpointException}); built on a {@link Predictor} ({@link #builder(Predictor)}), a
 * request is a features table and its answer the predictions.
 *
 * <p><b>Backpressure.</b> At most {@link Builder#queueCapacity} requests wait; a request that
 * finds the queue full is refused at once with an {@link AsyncException} of reason
 * {@link Reason#QUEUE_FULL} (counted in {@link AsyncStats#rejected()}), never blocking the caller.
 *
 * <p><b>Timeouts.</b> Each request has a timeout counted from its submission (the builder's, or
 * one given to {@link #submit(Object, Duration)}); when it passes, the future completes
 * exceptionally with an {@link AsyncException} of reason {@link Reason#TIMED_OUT} naming the id.
 * A request that times out while queued is skipped by the workers; one that times out while
 * running finishes, and its answer is dropped.
 *
 * <p><b>Results by id.</b> {@link #result(String)} finds a pending request, and an ended one for
 * {@link Builder#retention} after it ended (by the injected clock) among the last
 * {@link Builder#retainedResults} ended, so memory stays bounded.
 *
 * <p><b>Workers.</b> Up to {@link Builder#workers} daemon threads; each ends after
 * {@link Builder#keepAlive} without work, so an idle endpoint holds no thread, and new ones start
 * as requests come.
 *
 * <p><b>Shutdown.</b> {@link #shutdown(Duration)} stops accepting, lets the workers drain the
 * queue for up to the given time, then abandons what is left and says which ids it abandoned;
 * {@link #close()} does so with {@link Builder#drainTimeout}.
 *
 * <p>Thread-safe.
 *
 * @param <Q> what a request is: a {@link PredictRequest} or a features {@link Table}
 * @param <A> what its answer is: a {@link PredictResponse} or the predictions {@link Table}
 */
public final class AsyncEndpoint<Q, A> implements AutoCloseable {
    private final Function<Q, A> handler;
    private final String name;
    private final int queueCapacity;
    private final Duration timeout;
    private final Duration drainTimeout;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    private final ConcurrentHashMap<String, Request> pending = new ConcurrentHashMap<>();
    private final Cache<String, AsyncResult<A>> ended;
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder submitted = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder abandoned = new LongAdder();

    private AsyncEndpoint(Builder<Q, A> builder) {
        this.handler = builder.handler;
        this.name = builder.name;
        this.queueCapacity = builder.queueCapacity;
        this.timeout = builder.timeout;
        this.drainTimeout = builder.drainTimeout;
        this.clock = builder.clock;
        this.workers = new ThreadPoolExecutor(builder.workers, builder.workers, builder.keepAlive.toNanos(),
                TimeUnit.NANOSECONDS, new ArrayBlockingQueue<>(builder.queueCapacity), new Workers(name),
                new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
        Clock stamps = builder.clock;
        this.ended = Caffeine.newBuilder()
                .maximumSize(builder.retainedResults)
                .expireAfterWrite(builder.retention)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(stamps.millis()))
                .executor(Runnable::run)
                .build();
    }

    /**
     * Starts configuring an asynchronous front of an endpoint: each request goes through
     * {@link Endpoint#predict(PredictRequest)}, so it is routed, checked, counted and captured there.
     *
     * @param endpoint the endpoint every request goes through
     * @return the builder
     */
    public static Builder<PredictRequest, PredictResponse> builder(Endpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return new Builder<>(endpoint::predict);
    }

    /**
     * Starts configuring an endpoint that serves a predictor: a request is a features table, its
     * answer the predictions.
     *
     * @param predictor the thread-safe predictor every request goes through
     * @return the builder
     */
    public static Builder<Table, Table> builder(Predictor predictor) {
        Objects.requireNonNull(predictor, "predictor");
        return new Builder<>(predictor::predict);
    }

    /** @return the endpoint's name, the prefix of its request ids and worker threads */
    public String name() {
        return name;
    }

    /**
     * Queues a request with the endpoint's timeout.
     *
     * @param request what to answer
     * @return the request's id and the future of its answer
     * @throws AsyncException if the queue is full ({@link Reason#QUEUE_FULL}) or the endpoint is
     *     shut down ({@link Reason#SHUT_DOWN}); nothing was queued
     */
    public AsyncSubmission<A> submit(Q request) {
        return submit(request, timeout);
    }

    /**
     * Queues a request with its own timeout.
     *
     * @param request what to answer
     * @param requestTimeout how long after submission the request may take, positive
     * @return the request's id and the future of its answer
     * @throws AsyncException if the queue is full ({@link Reason#QUEUE_FULL}) or the endpoint is
     *     shut down ({@link Reason#SHUT_DOWN}); nothing was queued
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public AsyncSubmission<A> submit(Q request, Duration requestTimeout) {
        Objects.requireNonNull(request, "request");
        positive("requestTimeout", requestTimeout);
        long number = sequence.incrementAndGet();
        Request queued = new Request(name + "-" + number, number, request, clock.instant(), requestTimeout);
        pending.put(queued.id, queued);
        try {
            workers.execute(queued);
        } catch (RejectedExecutionException e) {
            pending.remove(queued.id);
            rejected.increment();
            throw workers.isShutdown() ? shutDown(queued.id)
                    : new AsyncException(Reason.QUEUE_FULL, queued.id, "async endpoint '" + name
                            + "' refused request " + queued.id + ": its queue is full (" + queueCapacity
                            + " requests waiting for " + workers.getMaximumPoolSize()
                            + " busy workers); retry later, or raise queueCapacity or workers");
        }
        submitted.increment();
        queued.work.orTimeout(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        return new AsyncSubmission<>(queued.id, queued.answer);
    }

    /**
     * Finds a request by id: a pending one, or an ended one within the retention time.
     *
     * @param id the id {@link #submit} returned
     * @return where the request is, or empty if unknown, refused or no longer retained
     */
    public Optional<AsyncResult<A>> result(String id) {
        Objects.requireNonNull(id, "id");
        Request request = pending.get(id);
        if (request != null) {
            return Optional.of(new AsyncResult<>(id, Status.PENDING, Optional.empty(), Optional.empty(),
                    request.submittedAt, Optional.empty()));
        }
        return Optional.ofNullable(ended.getIfPresent(id));
    }

    /** @return the endpoint's counts now */
    public AsyncStats stats() {
        return new AsyncStats(submitted.sum(), succeeded.sum(), failed.sum(), rejected.sum(), timedOut.sum(),
                abandoned.sum(), pending.size(), workers.getPoolSize());
    }

    /**
     * Stops accepting requests, waits up to a drain time for the queued and running ones to end,
     * then abandons the rest (their futures complete with {@link Reason#ABANDONED}, running
     * workers are interrupted). Calling it again does no harm.
     *
     * @param drain how long to wait for the queue to drain, not negative
     * @return whether it drained, and the ids abandoned
     * @throws IllegalArgumentException if the drain time is negative
     */
    public AsyncShutdown shutdown(Duration drain) {
        Objects.requireNonNull(drain, "drain");
        if (drain.isNegative()) {
            throw new IllegalArgumentException("drain must not be negative but was " + drain);
        }
        workers.shutdown();
        boolean drained;
        try {
            drained = workers.awaitTermination(drain.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        if (!drained) {
            workers.shutdownNow();
        }
        List<Request> left = pending.values().stream().sorted(Comparator.comparingLong(r -> r.number)).toList();
        List<String> ids = left.stream()
                .filter(r -> r.work.completeExceptionally(new AsyncException(Reason.ABANDONED, r.id,
                        "async endpoint '" + name + "' shut down before request " + r.id + " was answered ("
                                + "waited " + drain + " for the queue to drain)")))
                .map(r -> r.id)
                .toList();
        return new AsyncShutdown(drained, ids);
    }

    /** Shuts down with the builder's drain timeout ({@link #shutdown(Duration)}). */
    @Override
    public void close() {
        shutdown(drainTimeout);
    }

    @Override
    public String toString() {
        return "AsyncEndpoint[" + name + "]";
    }

    private AsyncException shutDown(String id) {
        return new AsyncException(Reason.SHUT_DOWN, id, "async endpoint '" + name + "' refused request " + id
                + ": it is shut down; submit to a running endpoint");
    }

    /** Records how a request ended and turns a timeout into an {@link AsyncException} naming it. */
    private A end(Request request, @Nullable A answer, @Nullable Throwable thrown) {
        Throwable cause = thrown;
        if (cause instanceof TimeoutException) {
            cause = new AsyncException(Reason.TIMED_OUT, request.id, "async endpoint '" + name + "': request "
                    + request.id + " timed out after " + request.timeout + " ("
                    + (request.started ? "running" : "still queued") + ")");
        }
        Status status = cause == null ? Status.SUCCEEDED
                : cause instanceof AsyncException async ? (async.reason() == Reason.TIMED_OUT ? Status.TIMED_OUT
                        : Status.ABANDONED)
                : Status.FAILED;
        (switch (status) {
            case SUCCEEDED -> succeeded;
            case TIMED_OUT -> timedOut;
            case ABANDONED -> abandoned;
            default -> failed;
        }).increment();
        ended.put(request.id, new AsyncResult<>(request.id, status, Optional.ofNullable(answer),
                Optional.ofNullable(cause).map(c -> String.valueOf(c.getMessage())), request.submittedAt,
                Optional.of(clock.instant())));
        pending.remove(request.id);
        if (cause != null) {
            throw new CompletionException(cause);
        }
        return Objects.requireNonNull(answer, "answer");
    }

    /** One accepted request: its work, the answer the caller holds, and what it was given. */
    private final class Request implements Runnable {
        private final String id;
        private final long number;
        private final Q request;
        private final Instant submittedAt;
        private final CompletableFuture<A> work = new CompletableFuture<>();
        private final CompletableFuture<A> answer;
        private final Duration timeout;
        private volatile boolean started;

        Request(String id, long number, Q request, Instant submittedAt, Duration timeout) {
            this.id = id;
            this.number = number;
            this.request = request;
            this.submittedAt = submittedAt;
            this.timeout = timeout;
            this.answer = work.handle((answered, thrown) -> end(this, answered, thrown));
        }

        @Override
        public void run() {
            if (work.isDone()) {
                return;
            }
            started = true;
            try {
                work.complete(handler.apply(request));
            } catch (RuntimeException | Error e) {
                work.completeExceptionally(e);
            }
        }
    }

    /** Names the workers after the endpoint and makes them daemons. */
    private static final class Workers implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Workers(String name) {
            this.prefix = "mlops-async-" + name + "-";
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    private static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive but was " + value);
        }
        return value;
    }

    private static int positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 but was " + value);
        }
        return value;
    }

    /**
     * Configures an {@link AsyncEndpoint}. Not thread-safe; the endpoint is.
     *
     * @param <Q> what a request is
     * @param <A> what its answer is
     */
    public static final class Builder<Q, A> {
        private final Function<Q, A> handler;
        private String name = "async";
        private int workers = Runtime.getRuntime().availableProcessors();
        private int queueCapacity = 1_000;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration keepAlive = Duration.ofSeconds(60);
        private Duration retention = Duration.ofMinutes(10);
        private int retainedResults = 10_000;
        private Duration drainTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(Function<Q, A> handler) {
            this.handler = handler;
        }

        /**
         * @param endpoint the endpoint's name: 1 to 64 letters, digits, {@code _ . -}; default {@code async}
         * @return this builder
         * @throws IllegalArgumentException if it is not such a name
         */
        public Builder<Q, A> name(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (!endpoint.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("name must be 1 to 64 letters, digits, '_', '.' or '-' but was '"
                        + endpoint + "'");
            }
            this.name = endpoint;
            return this;
        }

        /**
         * @param count the most worker threads, at least 1; default the number of processors
         * @return this builder
         */
        public Builder<Q, A> workers(int count) {
            this.workers = positive("workers", count);
            return this;
        }

        /**
         * @param capacity the most requests waiting for a worker, at least 1; default 1,000
         * @return this builder
         */
        public Builder<Q, A> queueCapacity(int capacity) {
            this.queueCapacity = positive("queueCapacity", capacity);
            return this;
        }

        /**
         * @param perRequest how long after submission a request may take, positive; default 30 s
         * @return this builder
         */
        public Builder<Q, A> timeout(Duration perRequest) {
            this.timeout = positive("timeout", perRequest);
            return this;
        }

        /**
         * @param idle how long a worker waits for work before it ends, positive; default 60 s
         * @return this builder
         */
        public Builder<Q, A> keepAlive(Duration idle) {
            this.keepAlive = positive("keepAlive", idle);
            return this;
        }

        /**
         * @param afterEnd how long {@link AsyncEndpoint#result} finds an ended request, by the
         *     clock, positive; default 10 minutes
         * @return this builder
         */
        public Builder<Q, A> retention(Duration afterEnd) {
            this.retention = positive("retention", afterEnd);
            return this;
        }

        /**
         * @param count the most ended requests kept for {@link AsyncEndpoint#result}, at least 1;
         *     default 10,000
         * @return this builder
         */
        public Builder<Q, A> retainedResults(int count) {
            this.retainedResults = positive("retainedResults", count);
            return this;
        }

        /**
         * @param drain how long {@link AsyncEndpoint#close()} waits for the queue to drain, positive; default 30 s
         * @return this builder
         */
        public Builder<Q, A> drainTimeout(Duration drain) {
            this.drainTimeout = positive("drainTimeout", drain);
            return this;
        }

        /**
         * @param stamps the clock that stamps requests and expires retained results; default system UTC
         * @return this builder
         */
        public Builder<Q, A> clock(Clock stamps) {
            this.clock = Objects.requireNonNull(stamps, "stamps");
            return this;
        }

        /** @return the endpoint, with no worker until the first request */
        public AsyncEndpoint<Q, A> build() {
            return new AsyncEndpoint<>(this);
        }
    }
}
