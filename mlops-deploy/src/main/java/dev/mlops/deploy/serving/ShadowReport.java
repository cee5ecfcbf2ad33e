package dev.mlops.deploy.serving;

import dev.mlops.data.stat.TwoSampleResult;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a shadow variant's answers compare with the primary's on the requests copied to it.
 *
 * <p>A copied row disagrees when a classifier's shadow predicts another class than the primary,
 * or when a regressor's shadow prediction differs from the primary's by more than the endpoint's
 * tolerance. The output comparison is a two-sample test of mlops-data's
 * {@code dev.mlops.data.stat} between the shadow's and the primary's predictions on the same
 * rows: the chi-square test over the predicted classes' counts for a classifier, the
 * Kolmogorov-Smirnov test over the most recent predicted values (a bounded sample) for a
 * regressor. Both samples come from the same requests, so the test asks whether the two
 * distributions of answers differ, not whether the traffic changed.
 *
 * @param primary the primary variant the answers were compared with
 * @param shadow the shadow variant
 * @param enqueued the requests copied to the shadow's queue
 * @param dropped the requests not copied because the queue was full
 * @param failed the copied requests the shadow failed on (invalid for its schema, or its model threw)
 * @param compared the rows compared
 * @param disagreements the rows on which the answers disagree
 * @param outputComparison the two-sample test of the answers, null before two rows were compared
 */
public record ShadowReport(String primary, String shadow, long enqueued, long dropped, long failed, long compared,
        long disagreements, @Nullable TwoSampleResult outputComparison) {

    /**
     * Checks the counts.
     *
     * @param primary the primary variant
     * @param shadow the shadow variant
     * @param enqueued the requests enqueued, at least 0
     * @param dropped the requests dropped, at least 0
     * @param failed the requests failed, at least 0
     * @param compared the rows compared, at least 0
     * @param disagreements the rows that disagree, between 0 and {@code compared}
     * @param outputComparison the test, or null
     * @throws IllegalArgumentException if a count is out of range
     */
    public ShadowReport {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(shadow, "shadow");
        if (enqueued < 0 || dropped < 0 || failed < 0 || compared < 0 || disagreements < 0
                || disagreements > compared) {
            throw new IllegalArgumentException("a shadow report needs counts of at least 0 and disagreements <= compared,"
                    + " but had enqueued " + enqueued + ", dropped " + dropped + ", failed " + failed + ", compared "
                    + compared + ", disagreements " + disagreements);
        }
    }

    /** @return the share of compared rows on which the answers disagree, 0 with none compared */
    public double disagreementRate() {
        return compared == 0 ? 0 : (double) disagreements / compared;
    }
}
