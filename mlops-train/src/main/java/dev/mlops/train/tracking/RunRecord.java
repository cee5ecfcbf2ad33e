package dev.mlops.train.tracking;

import dev.mlops.core.lineage.LineageInput;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run with everything it logged: parameters, the latest point of each metric (the full history
 * is {@link TrackingStore#metricHistory}), tags, lineage inputs and artifacts. Maps are sorted by
 * key and unmodifiable.
 *
 * @param info the run's identity and status
 * @param params parameters by key
 * @param metrics the latest point of each metric, by key (highest step, then latest time)
 * @param tags tags by key
 * @param inputs the lineage inputs, in the order the run added them
 * @param artifacts the logged files, by path
 */
public record RunRecord(RunInfo info, Map<String, String> params, Map<String, MetricPoint> metrics,
        Map<String, String> tags, List<LineageInput> inputs, List<RunArtifact> artifacts) {
    /**
     * Copies the collections into sorted, unmodifiable ones.
     *
     * @param info the run's identity and status
     * @param params parameters
     * @param metrics latest metric points
     * @param tags tags
     * @param inputs lineage inputs
     * @param artifacts logged files
     */
    public RunRecord {
        Objects.requireNonNull(info, "info");
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        inputs = List.copyOf(inputs);
        artifacts = List.copyOf(artifacts);
    }

    /** @return the run's id */
    public String id() {
        return info.id();
    }

    /**
     * The latest value of a metric.
     *
     * @param key the metric's key
     * @return its latest value, or empty if the run never logged it
     */
    public Optional<Double> metric(String key) {
        MetricPoint point = metrics.get(key);
        return point == null ? Optional.empty() : Optional.of(point.value());
    }
}
