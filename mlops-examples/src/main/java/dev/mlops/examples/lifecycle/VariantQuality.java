package dev.mlops.examples.lifecycle;

import dev.mlops.monitor.quality.MetricComparison;
import dev.mlops.monitor.quality.QualityMonitor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How well one variant's served predictions of one kind of traffic turned out once their labels
 * arrived, set against the metrics its model version was registered with. Quality is split by
 * traffic because the variants served different mixes (the candidate's share grew as the stream
 * drifted), and an accuracy on a hundred labels is uncertain by several points: the accuracy is
 * flagged worse than registered only when it falls behind by more than
 * {@value #STANDARD_ERRORS} standard errors.
 *
 * @param variant the variant's name
 * @param traffic the kind of traffic the predictions answered
 * @param predictions the predictions it served (captured)
 * @param labelled how many of them had a label by the time quality was measured (joined by
 *     inference id)
 * @param pending how many labels were on their way, due after that time
 * @param accuracy the share of labelled predictions that were right; empty with no label
 * @param comparisons each metric measured on the served predictions that the model version was
 *     registered with, set against the registered value; empty with no label
 */
public record VariantQuality(String variant, StreamWindow.Traffic traffic, long predictions, long labelled, long pending, OptionalDouble accuracy,
        List<MetricComparison> comparisons) {
    /** How many standard errors an accuracy must fall behind the registered one to count as worse. */
    public static final double STANDARD_ERRORS = 2.0;

    /**
     * Checks the counts and keeps an unmodifiable copy of the comparisons.
     *
     * @param variant the variant
     * @param traffic the traffic
     * @param predictions the predictions
     * @param labelled the labelled predictions
     * @param pending the pending labels
     * @param accuracy the accuracy
     * @param comparisons the comparisons with the registered metrics
     */
    public VariantQuality {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(accuracy, "accuracy");
        comparisons = List.copyOf(comparisons);
        if (labelled < 0 || pending < 0 || labelled + pending > predictions) {
            throw new IllegalArgumentException("variant " + variant + " on " + traffic + " traffic: labelled "
                    + labelled + " and pending " + pending + " must be non-negative and at most its " + predictions + " predictions");
        }
    }

    /**
     * @param metric a metric's name, such as {@code accuracy}
     * @return the served predictions' value of it set against the registered value, if both exist
     */
    public Optional<MetricComparison> comparison(String metric) {
        return comparisons.stream().filter(comparison -> comparison.metric().equals(metric)).findFirst();
    }

    /**
     * @return the accuracy's standard error, {@code sqrt(p (1 - p) / labelled)}; empty with no label
     */
    public OptionalDouble standardError() {
        if (accuracy.isEmpty()) {
            return OptionalDouble.empty();
        }
        double p = accuracy.getAsDouble();
        return OptionalDouble.of(Math.sqrt(p * (1 - p) / labelled));
    }

    /**
     * @return whether the accuracy falls behind the registered accuracy by more than
     *     {@value #STANDARD_ERRORS} standard errors; false when either is missing
     */
    public boolean worseThanRegistered() {
        Optional<MetricComparison> registered = comparison(QualityMonitor.ACCURACY);
        return registered.isPresent() && standardError().isPresent()
                && registered.get().training() - accuracy.getAsDouble() > STANDARD_ERRORS * standardError().getAsDouble();
    }
}
