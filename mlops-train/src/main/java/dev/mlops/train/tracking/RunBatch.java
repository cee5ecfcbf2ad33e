package dev.mlops.train.tracking;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameters, metric points and tags logged to a run together, in one transaction: all of them are
 * stored or none is.
 *
 * @param params parameters by key (each written once: the same value again is accepted, another
 *     value is refused)
 * @param metrics metric points, in the order logged
 * @param tags tags by key (a tag may be set again)
 */
public record RunBatch(Map<String, String> params, List<MetricPoint> metrics, Map<String, String> tags) {
    /**
     * Checks every key and copies the collections.
     *
     * @param params parameters
     * @param metrics metric points
     * @param tags tags
     * @throws IllegalArgumentException if a key is malformed
     */
    public RunBatch {
        params.keySet().forEach(key -> Keys.check("param", key));
        tags.keySet().forEach(key -> Keys.check("tag", key));
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        metrics = List.copyOf(metrics);
    }

    /**
     * A batch of metric points only.
     *
     * @param points the points
     * @return the batch
     */
    public static RunBatch ofMetrics(List<MetricPoint> points) {
        return new RunBatch(Map.of(), points, Map.of());
    }

    /** @return true if the batch holds nothing */
    public boolean isEmpty() {
        return params.isEmpty() && metrics.isEmpty() && tags.isEmpty();
    }
}
