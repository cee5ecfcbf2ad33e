package dev.mlops.monitor.metric;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The identity of one metric series: a name and tags, such as {@code drift.statistic} with
 * {@code feature=age, detector=ks}. Two observations of the same id belong to the same series:
 * an alarm counts consecutive windows per id, a change detector follows one id, and the
 * Micrometer binder keeps one gauge per id.
 *
 * <p>Naming rules (checked here, so a name maps unchanged to Micrometer and, with dots turned into
 * underscores, to Prometheus):
 * <ul>
 *   <li>a name is one or more dot-separated segments, each a lower-case letter followed by
 *       lower-case letters, digits or {@code _}: {@code drift.statistic}, {@code quality.f1_macro};
 *       the first segment names the family ({@code drift}, {@code quality}, {@code capture}, or a
 *       user's own);</li>
 *   <li>a tag key is a lower-case letter followed by lower-case letters, digits or {@code _}:
 *       {@code feature}, {@code model_variant};</li>
 *   <li>a tag value is any text that is not blank (a feature name such as {@code München} is
 *       fine), at most 256 characters;</li>
 *   <li>all series of one name carry the same tag keys (Prometheus refuses a name whose series
 *       differ in their label names); a tag that does not apply is left out of the name instead.</li>
 * </ul>
 * The tags are kept sorted by key, so equal ids print and compare alike.
 *
 * @param name the metric name, such as {@code drift.statistic}
 * @param tags the tags, sorted by key, unmodifiable
 */
public record MetricId(String name, Map<String, String> tags) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_VALUE_LENGTH = 256;

    /**
     * Checks the name and tags and keeps a sorted, unmodifiable copy of the tags.
     *
     * @param name the metric name, by the naming rules above
     * @param tags the tags, by the naming rules above
     * @throws IllegalArgumentException if the name, a key or a value breaks the naming rules; the
     *     message names it and the rule
     */
    public MetricId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tags, "tags");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name must be dot-separated segments of a lower-case letter"
                    + " followed by lower-case letters, digits or '_' (such as 'drift.statistic') but was '" + name
                    + "'");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = Objects.requireNonNull(tag.getKey(), "tag key");
            String value = Objects.requireNonNull(tag.getValue(), "tag value");
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("tag key of metric '" + name + "' must be a lower-case letter"
                        + " followed by lower-case letters, digits or '_' (such as 'feature') but was '" + key + "'");
            }
            if (value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("tag '" + key + "' of metric '" + name + "' must have a value"
                        + " that is not blank and at most " + MAX_VALUE_LENGTH + " characters long but was '"
                        + value + "'");
            }
            sorted.put(key, value);
        }
        tags = Collections.unmodifiableMap(sorted);
    }

    /**
     * @param name the metric name
     * @param keysAndValues tag keys and values, alternating: {@code "feature", "age", "detector", "ks"}
     * @return the id
     * @throws IllegalArgumentException if an odd number of strings is given, a key repeats, or the
     *     naming rules are broken
     */
    public static MetricId of(String name, String... keysAndValues) {
        return new MetricId(name, Tags.of(keysAndValues));
    }

    /**
     * @param key a tag key
     * @param value its value
     * @return this id with the tag added, or its value replaced
     * @throws IllegalArgumentException if the tag breaks the naming rules
     */
    public MetricId withTag(String key, String value) {
        TreeMap<String, String> more = new TreeMap<>(tags);
        more.put(key, value);
        return new MetricId(name, more);
    }

    /** @return the name and tags, such as {@code drift.statistic{detector=ks, feature=age}} */
    @Override
    public String toString() {
        return name + tags;
    }
}
