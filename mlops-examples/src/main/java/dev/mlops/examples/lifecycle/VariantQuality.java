package dev.mlops.examples.lifecycle;

import dev.mlops.monitor.quality.MetricComparison;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How well one variant's served predictions turned out once their labels arrived, set against
 * the metrics its model version was registered with.
 *
 * @param variant the variant's name
 * @param predictions the predictions it served (captured)
 * @param labelled how many of them had a label by the time quality was measured (joined by
 *     inference id)
 * @param pending how many labels were on their way, due after that time
 * @param accuracy the share of labelled predictions that were right; empty with no label
 * @param comparisons each metric measured on the served predictions that the model version was
 *     registered with, set against the registered value; empty with no label
 */
public record VariantQuality(String variant, long predictions, long labelled, long pending, OptionalDouble accuracy,
        List<MetricComparison> comparisons) {

    /**
     * Checks the counts and keeps an unmodifiable copy of the comparisons.
     *
     * @param variant the variant
     * @param predictions the predictions
     * @param labelled the labelled predictions
     * @param pending the pending labels
     * @param accuracy the accuracy
     * @param comparisons the comparisons with the registered metrics
     */
    public VariantQuality {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(accuracy, "accuracy");
        comparisons = List.copyOf(comparisons);
        if (labelled < 0 || pending < 0 || labelled + pending > predictions) {
            throw new IllegalArgumentException("variant " + variant + ": labelled " + labelled + " and pending "
                    + pending + " must be non-negative and at most its " + predictions + " predictions");
        }
    }

    /**
     * @param metric a metric's name, such as {@code accuracy}
     * @return the served predictions' value of it set against the registered value, if both exist
     */
    public Optional<MetricComparison> comparison(String metric) {
        return comparisons.stream().filter(comparison -> comparison.metric().equals(metric)).findFirst();
    }
}
