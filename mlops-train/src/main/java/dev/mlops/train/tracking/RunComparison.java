package dev.mlops.train.tracking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Two runs side by side: the parameters that differ (present in one only, or with different values)
 * and every metric of either with its latest value in each and the change from the first to the
 * second.
 *
 * @param first the run compared from
 * @param second the run compared to
 * @param params the parameters that differ, by key
 * @param metrics every metric of either run, by key
 */
public record RunComparison(RunRecord first, RunRecord second, List<ParamDifference> params,
        List<MetricDelta> metrics) {
    /**
     * Copies the lists.
     *
     * @param first the run compared from
     * @param second the run compared to
     * @param params differing parameters
     * @param metrics metric deltas
     */
    public RunComparison {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        params = List.copyOf(params);
        metrics = List.copyOf(metrics);
    }

    /**
     * A parameter that differs between the runs.
     *
     * @param key the parameter
     * @param first its value in the first run, if set
     * @param second its value in the second run, if set
     */
    public record ParamDifference(String key, Optional<String> first, Optional<String> second) {
        /**
         * Checks the fields.
         *
         * @param key the parameter
         * @param first the first run's value
         * @param second the second run's value
         */
        public ParamDifference {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    /**
     * A metric in either run.
     *
     * @param key the metric
     * @param first its latest value in the first run, if logged
     * @param second its latest value in the second run, if logged
     * @param delta {@code second - first} when both logged it
     */
    public record MetricDelta(String key, OptionalDouble first, OptionalDouble second, OptionalDouble delta) {
        /**
         * Checks the fields.
         *
         * @param key the metric
         * @param first the first run's value
         * @param second the second run's value
         * @param delta the change
         */
        public MetricDelta {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(delta, "delta");
        }
    }

    /**
     * Compares two runs.
     *
     * @param first the run compared from
     * @param second the run compared to
     * @return the comparison
     */
    public static RunComparison of(RunRecord first, RunRecord second) {
        TreeSet<String> paramKeys = new TreeSet<>(first.params().keySet());
        paramKeys.addAll(second.params().keySet());
        List<ParamDifference> params = paramKeys.stream()
                .filter(key -> !Objects.equals(first.params().get(key), second.params().get(key)))
                .map(key -> new ParamDifference(key, Optional.ofNullable(first.params().get(key)),
                        Optional.ofNullable(second.params().get(key))))
                .toList();
        TreeSet<String> metricKeys = new TreeSet<>(first.metrics().keySet());
        metricKeys.addAll(second.metrics().keySet());
        List<MetricDelta> metrics = metricKeys.stream().map(key -> delta(key, first, second)).toList();
        return new RunComparison(first, second, params, metrics);
    }

    private static MetricDelta delta(String key, RunRecord first, RunRecord second) {
        OptionalDouble a = latest(first, key);
        OptionalDouble b = latest(second, key);
        OptionalDouble delta = a.isPresent() && b.isPresent()
                ? OptionalDouble.of(b.getAsDouble() - a.getAsDouble()) : OptionalDouble.empty();
        return new MetricDelta(key, a, b, delta);
    }

    private static OptionalDouble latest(RunRecord run, String key) {
        MetricPoint point = run.metrics().get(key);
        return point == null ? OptionalDouble.empty() : OptionalDouble.of(point.value());
    }
}
