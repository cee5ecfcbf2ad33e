package dev.mlops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.train.tracking.MetricPoint;
import dev.mlops.train.tracking.RetentionResult;
import dev.mlops.train.tracking.RunArtifact;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How {@code mlops runs --json} writes runs: times as ISO-8601 strings, durations as ISO-8601
 * durations, an absent value as {@code null}, non-finite numbers as {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}. Stateless, thread-safe.
 */
final class RunsJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunsJson() {
        throw new AssertionError("no instances");
    }

    /**
     * A run's identity and status: {@code id}, {@code experiment}, {@code name}, {@code status},
     * {@code startTime}, {@code endTime}, {@code duration}, {@code seed}, {@code codeVersion}, {@code user}.
     *
     * @param run the run
     * @return a new object
     */
    static ObjectNode info(RunInfo run) {
        ObjectNode node = NODES.objectNode();
        node.put("id", run.id());
        node.put("experiment", run.experiment().name());
        node.put("name", run.name());
        node.put("status", run.status().label());
        node.put("startTime", run.startTime().toString());
        Optional<Instant> end = run.endTime();
        if (end.isPresent()) {
            node.put("endTime", end.get().toString());
            node.put("duration", Duration.between(run.startTime(), end.get()).toString());
        } else {
            node.putNull("endTime");
            node.putNull("duration");
        }
        if (run.seed().isPresent()) {
            node.put("seed", run.seed().getAsLong());
        } else {
            node.putNull("seed");
        }
        node.put("codeVersion", run.codeVersion().orElse(null));
        node.put("user", run.user());
        return node;
    }

    /**
     * A run with everything it logged: its {@link #info}, then {@code params}, {@code metrics} (each
     * key's latest {@code value}, {@code step} and {@code timestamp}), {@code tags}, {@code inputs} and
     * {@code artifacts} ({@code path}, {@code sha256}, {@code size}).
     *
     * @param run the run
     * @return a new object
     */
    static ObjectNode record(RunRecord run) {
        ObjectNode node = info(run.info());
        strings(node.putObject("params"), run.params());
        ObjectNode metrics = node.putObject("metrics");
        for (MetricPoint point : run.metrics().values()) {
            ObjectNode metric = metrics.putObject(point.key());
            metric.put("value", point.value());
            metric.put("step", point.step());
            metric.put("timestamp", point.timestamp().toString());
        }
        strings(node.putObject("tags"), run.tags());
        inputs(node.putArray("inputs"), run.inputs());
        ArrayNode artifacts = node.putArray("artifacts");
        for (RunArtifact artifact : run.artifacts()) {
            ObjectNode entry = artifacts.addObject();
            entry.put("path", artifact.path());
            entry.put("sha256", artifact.content().sha256());
            entry.put("size", artifact.content().size());
        }
        return node;
    }

    /**
     * Adds lineage inputs to an array, each an object with {@code name}, {@code kind},
     * {@code version}, {@code fingerprint}, {@code from} and {@code until} (null when absent).
     *
     * @param array the array to add to
     * @param inputs the inputs, in order
     * @return the array
     */
    static ArrayNode inputs(ArrayNode array, List<LineageInput> inputs) {
        for (LineageInput input : inputs) {
            ObjectNode entry = array.addObject();
            entry.put("name", input.name());
            entry.put("kind", input.kind());
            entry.put("version", input.version().orElse(null));
            entry.put("fingerprint", input.fingerprint().map(Fingerprint::sha256).orElse(null));
            entry.put("from", input.from().map(Instant::toString).orElse(null));
            entry.put("until", input.until().map(Instant::toString).orElse(null));
        }
        return array;
    }

    /**
     * What a deletion removed, into a document: {@code deletedRuns} (ids), {@code deletedArtifacts},
     * {@code freedBytes}.
     *
     * @param document the document to add to
     * @param result what was removed
     * @return the document
     */
    static ObjectNode retention(ObjectNode document, RetentionResult result) {
        ArrayNode runs = document.putArray("deletedRuns");
        result.deletedRuns().forEach(runs::add);
        document.put("deletedArtifacts", result.deletedArtifacts());
        document.put("freedBytes", result.freedBytes());
        return document;
    }

    /** Puts a value, or {@code null} when absent. */
    static void put(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static void strings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }
}
