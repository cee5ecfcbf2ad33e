package dev.mlops.monitor.metric;

import java.util.Map;
import java.util.Objects;

/**
 * Selects the observations of one metric name whose tags include the given ones: the filter
 * {@code drift.statistic{feature=age}} matches {@code drift.statistic{detector=ks, feature=age}}
 * and {@code drift.statistic{detector=psi, feature=age}}, each its own series; a filter without
 * tags matches every series of the name. Immutable and thread-safe.
 *
 * @param name the metric name to match exactly
 * @param tags the tags every match must carry with these values, sorted, unmodifiable
 */
public record MetricFilter(String name, Map<String, String> tags) {

    /**
     * Checks the name and tags by the naming rules of {@link MetricId}.
     *
     * @param name the metric name
     * @param tags the tags to require
     * @throws IllegalArgumentException if the name or a tag breaks the naming rules
     */
    public MetricFilter {
        MetricId id = new MetricId(Objects.requireNonNull(name, "name"), Objects.requireNonNull(tags, "tags"));
        tags = id.tags();
    }

    /**
     * @param name the metric name
     * @param keysAndValues tag keys and values to require, alternating
     * @return the filter
     * @throws IllegalArgumentException if the name or tags break the naming rules
     */
    public static MetricFilter of(String name, String... keysAndValues) {
        return new MetricFilter(name, Tags.of(keysAndValues));
    }

    /**
     * @param id a series
     * @return true if the names are equal and the series carries every tag of this filter with its value
     */
    public boolean matches(MetricId id) {
        return id.name().equals(name) && id.tags().entrySet().containsAll(tags.entrySet());
    }

    /** @return the name and required tags, such as {@code drift.statistic{feature=age}} */
    @Override
    public String toString() {
        return name + tags;
    }
}
