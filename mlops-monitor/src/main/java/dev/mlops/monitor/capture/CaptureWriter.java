package dev.mlops.monitor.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.mlops.core.io.FlushPolicy;
import dev.mlops.core.io.JsonLinesAppender;
import dev.mlops.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The {@link CaptureSink} that writes {@link CaptureRecord}s to a capture directory as JSON Lines, asynchronously, from any
 * number of threads.
 *
 * <pre>{@code
 * try (CaptureWriter capture = CaptureWriter.builder(Path.of("capture"))
 *         .policy(CapturePolicy.builder(schema).samplingPercentage(20).build())
 *         .overflow(CaptureWriter.Overflow.BLOCK)
 *         .rotateAfterBytes(64L << 20)
 *         .retainFor(Duration.ofDays(30))
 *         .build()) {
 *     capture.capture(requestId, "churn-v3", CaptureStage.BEFORE_PREPROCESSING, request, Map.of());
 * }
 * }</pre>
 *
 * <p>A call to {@link #capture} applies the {@link CapturePolicy} (sampling by inference id,
 * sensitive columns left out or masked), stamps the time from the injected {@link Clock},
 * turns the record into JSON on the calling thread and puts it on a bounded queue. One
 * background thread appends the queued lines through a {@link JsonLinesAppender}. When the
 * queue is full, {@link Overflow#BLOCK} (the default) waits for room and loses nothing;
 * {@link Overflow#DROP} drops the record and counts it in {@link #stats()}.
 *
 * <p>Files are named {@code capture-<UTC start, yyyyMMddTHHmmss.SSSZ>-<sequence>.jsonl}, so
 * their names sort by time. A new file is started when the next line would take the current
 * one past {@link Builder#rotateAfterBytes(long)} bytes (a file holds at least one record, so
 * one record larger than the limit makes a file of its own), or when
 * {@link Builder#rotateAfter(Duration)} has passed since the current file was started.
 * Retention runs when a file is started and on close: capture files in the directory whose
 * age, counted from the start of the file after them, exceeds {@link Builder#retainFor(Duration)}
 * are deleted, then the oldest until the directory's capture files total at most
 * {@link Builder#retainAtMostBytes(long)} bytes; the file being written is never deleted.
 *
 * <p>Durability: records are forced to storage as the {@link FlushPolicy} says (by default
 * only when a file is rotated, on {@link #flush()} and on close); records still queued or buffered are
 * lost if the process dies. {@link #close()} writes every accepted record, closes the file and
 * applies retention. One writer per directory.
 *
 * <p>Thread-safety: {@link #capture}, {@link #write(CaptureRecord)}, {@link #flush()},
 * {@link #stats()} and {@link #close()} may be called from any thread. An interrupted thread waiting for room is
 * counted as dropped, keeps its interrupt flag and gets {@code false}.
 *
 * <p>Failures: if appending fails (a full disk), the records not written are counted as
 * failed, later calls to {@link #capture} throw {@link IllegalStateException}, and
 * {@link #close()} throws {@link UncheckedIOException} with the cause.
 */
public final class CaptureWriter implements CaptureSink {

    /** What {@link #capture} does when the queue is full. */
    public enum Overflow {
        /** Wait until the background thread makes room; nothing is lost. */
        BLOCK,
        /** Drop the record and count it; the caller never waits. */
        DROP
    }

    private static final Object STOP = new Object();
    private static final int BATCH = 1024;

    private final Path directory;
    private final CapturePolicy policy;
    private final Clock clock;
    private final Overflow overflow;
    private final long rotateAfterBytes;
    private final Duration rotateAfter;
    private final Duration retainFor;
    private final long retainAtMostBytes;
    private final FlushPolicy flushPolicy;
    /** The shared writer, with Schubfach's shortest double text (the same value on reading). */
    private final ObjectWriter json = Json.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    private final BlockingQueue<Object> queue;
    private final Thread worker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder sampledOut = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder filesOpened = new LongAdder();
    private final LongAdder filesDeleted = new LongAdder();
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private volatile @Nullable RuntimeException failure;

    // Owned by the worker thread.
    private @Nullable JsonLinesAppender appender;
    private Instant fileStart = Instant.EPOCH;
    private long fileBytes;
    private long sequence;

    private CaptureWriter(Builder builder) {
        this.directory = builder.directory;
        this.policy = builder.policy;
        this.clock = builder.clock;
        this.overflow = builder.overflow;
        this.rotateAfterBytes = builder.rotateAfterBytes;
        this.rotateAfter = builder.rotateAfter;
        this.retainFor = builder.retainFor;
        this.retainAtMostBytes = builder.retainAtMostBytes;
        this.flushPolicy = builder.flushPolicy;
        this.queue = new ArrayBlockingQueue<>(builder.queueCapacity);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create capture directory " + directory
                    + ": " + e, e);
        }
        this.worker = new Thread(this::drain, "mlops-capture-" + directory.getFileName());
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Starts a writer into {@code directory} (created if absent): every inference kept, no
     * column hidden, the UTC system clock, a queue of 8,192 records that blocks when full, files
     * rotated after 64 MiB or one hour, kept for ever, forced on rotation and close.
     *
     * @param directory the capture directory
     * @return a builder
     */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Captures one record stamped with the clock's current time, if the policy samples its
     * inference.
     *
     * @param inferenceId the inference id; every stage of one inference uses the same id
     * @param modelVariant the model variant serving the request
     * @param stage where in the pipeline the record is captured
     * @param input the input row, column name to value (JSON-writable values)
     * @param output the output row; empty before the model ran
     * @return true if the record was queued; false if it was sampled out or dropped
     * @throws IllegalArgumentException if an id or variant is blank or a value cannot be
     *     written as JSON
     * @throws IllegalStateException if the writer is closed or broken by a write failure
     */
    @Override
    public boolean capture(String inferenceId, String modelVariant, CaptureStage stage,
            Map<String, @Nullable Object> input, Map<String, @Nullable Object> output) {
        return capture(inferenceId, modelVariant, stage, input, output, Set.of());
    }

    /**
     * Captures one record as {@link #capture(String, String, CaptureStage, Map, Map)} does, the
     * columns the caller marks sensitive hidden by the policy as its schema's sensitive columns
     * are (left out or masked), unless the policy allows them by name.
     *
     * @param inferenceId the inference id; every stage of one inference uses the same id
     * @param modelVariant the model variant serving the request
     * @param stage where in the pipeline the record is captured
     * @param input the input row, column name to value (JSON-writable values)
     * @param output the output row; empty before the model ran
     * @param sensitive the names of the columns of either row that are sensitive
     * @return true if the record was queued; false if it was sampled out or dropped
     * @throws IllegalArgumentException if an id or variant is blank or a value cannot be
     *     written as JSON
     * @throws IllegalStateException if the writer is closed or broken by a write failure
     */
    @Override
    public boolean capture(String inferenceId, String modelVariant, CaptureStage stage,
            Map<String, @Nullable Object> input, Map<String, @Nullable Object> output, Set<String> sensitive) {
        Objects.requireNonNull(inferenceId, "inferenceId");
        if (!policy.sampled(inferenceId)) {
            sampledOut.increment();
            return false;
        }
        CaptureRecord record = new CaptureRecord(inferenceId, clock.instant(), modelVariant,
                stage, policy.apply(input, sensitive), policy.apply(output, sensitive));
        return enqueue(toJson(record));
    }

    /**
     * Captures a record as it is, keeping its time (for example one imported from another
     * format), if the policy samples its inference; its rows still pass the policy.
     *
     * @param record the record
     * @return true if the record was queued; false if it was sampled out or dropped
     * @throws IllegalArgumentException if a value cannot be written as JSON
     * @throws IllegalStateException if the writer is closed or broken by a write failure
     */
    @Override
    public boolean write(CaptureRecord record) {
        Objects.requireNonNull(record, "record");
        if (!policy.sampled(record.inferenceId())) {
            sampledOut.increment();
            return false;
        }
        CaptureRecord kept = new CaptureRecord(record.inferenceId(), record.time(),
                record.modelVariant(), record.stage(), policy.apply(record.input()),
                policy.apply(record.output()));
        return enqueue(toJson(kept));
    }

    /**
     * Waits until every record accepted before this call is appended and forced to storage.
     *
     * @throws IllegalStateException if the writer is closed or broken by a write failure
     * @throws java.util.concurrent.CancellationException if the thread is interrupted while it
     *     waits; its interrupt flag is kept
     */
    @Override
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        inFlight.incrementAndGet();
        try {
            ensureOpen();
            queue.put(done);
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for capture to "
                    + directory + " to flush");
        } finally {
            inFlight.decrementAndGet();
        }
        ensureOpen();
    }

    /**
     * Returns the counts so far.
     *
     * @return the counts
     */
    public CaptureStats stats() {
        return new CaptureStats(sampledOut.sum(), accepted.sum(), dropped.sum(), written.sum(),
                failed.sum(), filesOpened.sum(), filesDeleted.sum());
    }

    /**
     * Returns the capture directory.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Writes every accepted record, closes the current file, applies retention and stops the
     * background thread. Closing again does nothing.
     *
     * @throws UncheckedIOException if a write, the final flush or retention failed
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            while (inFlight.get() > 0) {
                Thread.onSpinWait();
            }
            boolean interrupted = false;
            while (true) {
                try {
                    queue.put(STOP);
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException cause = failure;
        if (cause != null) {
            throw new UncheckedIOException("Capture to " + directory + " failed; "
                    + failed.sum() + " records were not written: " + cause.getMessage(),
                    cause instanceof UncheckedIOException
                            ? ((UncheckedIOException) cause).getCause()
                            : new IOException(cause));
        }
    }

    private String toJson(CaptureRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("capture record of inference "
                    + record.inferenceId() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private boolean enqueue(String line) {
        inFlight.incrementAndGet();
        try {
            ensureOpen();
            boolean queued;
            if (overflow == Overflow.DROP) {
                queued = queue.offer(line);
            } else {
                try {
                    queue.put(line);
                    queued = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    queued = false;
                }
            }
            (queued ? accepted : dropped).increment();
            return queued;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("capture writer for " + directory + " is closed");
        }
        RuntimeException cause = failure;
        if (cause != null) {
            throw new IllegalStateException("capture writer for " + directory
                    + " is broken by a write failure: " + cause.getMessage(), cause);
        }
    }

    private void drain() {
        List<Object> batch = new ArrayList<>(BATCH);
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, BATCH - 1);
            for (Object item : batch) {
                if (item == STOP) {
                    stop = true;
                } else if (item instanceof CountDownLatch) {
                    forceCurrent();
                    ((CountDownLatch) item).countDown();
                } else {
                    writeLine((String) item);
                }
            }
            batch.clear();
        }
        finish();
    }

    private void writeLine(String line) {
        if (failure != null) {
            failed.increment();
            return;
        }
        try {
            long bytes = utf8Length(line) + 1;
            Instant now = clock.instant();
            JsonLinesAppender current = appender;
            if (current == null || fileBytes + bytes > rotateAfterBytes
                    || Duration.between(fileStart, now).compareTo(rotateAfter) >= 0) {
                current = roll(now);
            }
            current.append(new RawValue(line));
            fileBytes += bytes;
            written.increment();
        } catch (RuntimeException e) {
            failure = e;
            failed.increment();
        }
    }

    private void forceCurrent() {
        JsonLinesAppender current = appender;
        if (current == null || failure != null) {
            return;
        }
        try {
            current.flush();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private JsonLinesAppender roll(Instant now) {
        JsonLinesAppender previous = appender;
        appender = null;
        if (previous != null) {
            previous.close();
        }
        Path file = directory.resolve(CaptureFiles.name(now, sequence++));
        JsonLinesAppender next = JsonLinesAppender.open(file, flushPolicy);
        appender = next;
        fileStart = now;
        fileBytes = 0;
        filesOpened.increment();
        retain(file, now);
        return next;
    }

    private void retain(Path current, Instant now) {
        filesDeleted.add(CaptureFiles.applyRetention(directory, current, now, retainFor,
                retainAtMostBytes));
    }

    private void finish() {
        JsonLinesAppender last = appender;
        appender = null;
        if (last == null) {
            return;
        }
        try {
            last.close();
            retain(last.file(), clock.instant());
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    static long utf8Length(String s) {
        long length = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** Builds a {@link CaptureWriter}; not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private CapturePolicy policy = CapturePolicy.keepAll();
        private Clock clock = Clock.systemUTC();
        private Overflow overflow = Overflow.BLOCK;
        private int queueCapacity = 8192;
        private long rotateAfterBytes = 64L << 20;
        private Duration rotateAfter = Duration.ofHours(1);
        private Duration retainFor = Duration.ofSeconds(Long.MAX_VALUE);
        private long retainAtMostBytes = Long.MAX_VALUE;
        private FlushPolicy flushPolicy = FlushPolicy.ON_CLOSE;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /**
         * Sets the policy for sampling and sensitive columns.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(CapturePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the clock that stamps records and drives rotation and retention.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets what happens when the queue is full.
         *
         * @param overflow block or drop
         * @return this builder
         */
        public Builder overflow(Overflow overflow) {
            this.overflow = Objects.requireNonNull(overflow, "overflow");
            return this;
        }

        /**
         * Sets how many records the queue holds.
         *
         * @param capacity at least 1
         * @return this builder
         * @throws IllegalArgumentException if the capacity is not positive
         */
        public Builder queueCapacity(int capacity) {
            this.queueCapacity = (int) positive(capacity, "queueCapacity");
            return this;
        }

        /**
         * Starts a new file when the next record would take the current one past this size.
         *
         * @param bytes at least 1
         * @return this builder
         * @throws IllegalArgumentException if bytes is not positive
         */
        public Builder rotateAfterBytes(long bytes) {
            this.rotateAfterBytes = positive(bytes, "rotateAfterBytes");
            return this;
        }

        /**
         * Starts a new file when this much time has passed since the current one started.
         *
         * @param age a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the duration is zero or negative
         */
        public Builder rotateAfter(Duration age) {
            this.rotateAfter = positive(age, "rotateAfter");
            return this;
        }

        /**
         * Deletes capture files older than this (counted from when they stopped receiving
         * records).
         *
         * @param age a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the duration is zero or negative
         */
        public Builder retainFor(Duration age) {
            this.retainFor = positive(age, "retainFor");
            return this;
        }

        /**
         * Deletes the oldest capture files while all of them together exceed this size.
         *
         * @param bytes at least 1
         * @return this builder
         * @throws IllegalArgumentException if bytes is not positive
         */
        public Builder retainAtMostBytes(long bytes) {
            this.retainAtMostBytes = positive(bytes, "retainAtMostBytes");
            return this;
        }

        /**
         * Sets when appended records are forced to storage.
         *
         * @param flushPolicy the policy of the underlying {@link JsonLinesAppender}
         * @return this builder
         */
        public Builder flushPolicy(FlushPolicy flushPolicy) {
            this.flushPolicy = Objects.requireNonNull(flushPolicy, "flushPolicy");
            return this;
        }

        /**
         * Creates the directory if absent and starts the writer's background thread.
         *
         * @return the writer; close it
         * @throws UncheckedIOException if the directory cannot be created
         */
        public CaptureWriter build() {
            return new CaptureWriter(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was "
                        + duration);
            }
            return duration;
        }
    }
}
