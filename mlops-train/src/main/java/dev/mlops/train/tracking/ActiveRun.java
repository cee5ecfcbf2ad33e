package dev.mlops.train.tracking;

import dev.mlops.core.lineage.LineageInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A running run, the handle a training job logs through; get one from
 * {@link TrackingStore#startRun}.
 *
 * <p>A run is {@link RunStatus#FINISHED} only when its code says so with {@link #finish()}; one
 * closed without {@link #finish()}, {@link #fail} or {@link #kill} (an exception left the
 * try-with-resources block) ends as {@link RunStatus#FAILED} with the tag
 * {@value #END_REASON_TAG}. Metric points are stamped with the store's clock.
 *
 * <p>Thread-safe: threads of one job may log to one run at once.
 */
public final class ActiveRun implements AutoCloseable {
    /** The tag that says why a run ended other than by {@link #finish()}. */
    public static final String END_REASON_TAG = "mlops.endReason";

    private final TrackingStore store;
    private final RunInfo started;
    private volatile @Nullable RunInfo ended;

    ActiveRun(TrackingStore store, RunInfo started) {
        this.store = Objects.requireNonNull(store, "store");
        this.started = Objects.requireNonNull(started, "started");
    }

    /** @return the run's id */
    public String id() {
        return started.id();
    }

    /** @return the run as it started */
    public RunInfo info() {
        return started;
    }

    /**
     * Logs a parameter.
     *
     * @param key the parameter
     * @param value its value
     * @return this run
     */
    public ActiveRun logParam(String key, String value) {
        return log(new RunBatch(Map.of(key, value), List.of(), Map.of()));
    }

    /**
     * Logs parameters together.
     *
     * @param params by key
     * @return this run
     */
    public ActiveRun logParams(Map<String, String> params) {
        return log(new RunBatch(params, List.of(), Map.of()));
    }

    /**
     * Logs a metric at step 0.
     *
     * @param key the metric
     * @param value its value
     * @return this run
     */
    public ActiveRun logMetric(String key, double value) {
        return logMetric(key, value, 0);
    }

    /**
     * Logs a metric at a step.
     *
     * @param key the metric
     * @param value its value
     * @param step its step, not negative
     * @return this run
     */
    public ActiveRun logMetric(String key, double value, long step) {
        return log(RunBatch.ofMetrics(List.of(new MetricPoint(key, value, step, store.clock().instant()))));
    }

    /**
     * Logs several metrics at one step, together.
     *
     * @param values by key
     * @param step their step, not negative
     * @return this run
     */
    public ActiveRun logMetrics(Map<String, Double> values, long step) {
        List<MetricPoint> points = new ArrayList<>(values.size());
        values.forEach((key, value) -> points.add(new MetricPoint(key, value, step, store.clock().instant())));
        return log(RunBatch.ofMetrics(points));
    }

    /**
     * Sets a tag.
     *
     * @param key the tag
     * @param value its value
     * @return this run
     */
    public ActiveRun setTag(String key, String value) {
        return log(new RunBatch(Map.of(), List.of(), Map.of(key, value)));
    }

    /**
     * Logs params, metric points and tags together, all or none.
     *
     * @param batch what to log
     * @return this run
     */
    public ActiveRun log(RunBatch batch) {
        store.log(id(), batch);
        return this;
    }

    /**
     * Records a lineage input (a table read, a split used).
     *
     * @param input the input
     * @return this run
     */
    public ActiveRun addInput(LineageInput input) {
        store.addInputs(id(), List.of(input));
        return this;
    }

    /**
     * Records lineage inputs together, all or none: the feature groups a point-in-time join read
     * ({@code JoinResult.lineage()} of mlops-features), the tables of a data set.
     *
     * <pre>{@code
     * run.addInputs(store.join(me, request).lineage());
     * }</pre>
     *
     * @param inputs the inputs, in order
     * @return this run
     */
    public ActiveRun addInputs(List<LineageInput> inputs) {
        store.addInputs(id(), List.copyOf(inputs));
        return this;
    }

    /**
     * Stores a file as an artifact of the run.
     *
     * @param path the path within the run
     * @param file the file
     * @return the artifact
     */
    public RunArtifact logArtifact(String path, Path file) {
        return store.logArtifact(id(), path, file);
    }

    /**
     * Stores bytes as an artifact of the run.
     *
     * @param path the path within the run
     * @param content the bytes
     * @return the artifact
     */
    public RunArtifact logArtifact(String path, byte[] content) {
        return store.logArtifact(id(), path, content);
    }

    /**
     * Ends the run as {@link RunStatus#FINISHED}.
     *
     * @return the ended run
     */
    public RunInfo finish() {
        return end(RunStatus.FINISHED, null);
    }

    /**
     * Ends the run as {@link RunStatus#FAILED}, recording why.
     *
     * @param reason what went wrong, kept in the tag {@value #END_REASON_TAG}
     * @return the ended run
     */
    public RunInfo fail(String reason) {
        return end(RunStatus.FAILED, reason);
    }

    /**
     * Ends the run as {@link RunStatus#KILLED}, recording why.
     *
     * @param reason who or what stopped it, kept in the tag {@value #END_REASON_TAG}
     * @return the ended run
     */
    public RunInfo kill(String reason) {
        return end(RunStatus.KILLED, reason);
    }

    /**
     * Ends a run that is still running as {@link RunStatus#FAILED} ("closed without finish()");
     * does nothing to a run that has ended.
     */
    @Override
    public void close() {
        if (ended == null && store.require(id()).info().status() == RunStatus.RUNNING) {
            end(RunStatus.FAILED, "closed without finish()");
        }
    }

    private synchronized RunInfo end(RunStatus status, @Nullable String reason) {
        if (reason != null) {
            store.log(id(), new RunBatch(Map.of(), List.of(), Map.of(END_REASON_TAG, reason)));
        }
        RunInfo info = store.endRun(id(), status);
        ended = info;
        return info;
    }

    @Override
    public String toString() {
        return "ActiveRun[" + id() + " of " + started.experiment().name() + "]";
    }
}
