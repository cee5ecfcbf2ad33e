package dev.mlops.monitor.report;

import dev.mlops.monitor.drift.DriftResult;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One feature's drift: its histogram, reference against current over the same bins, the drift
 * statistic with its threshold, and the verdict.
 *
 * @param feature the feature's (column's) name
 * @param statistic the statistic's name, such as {@code "ks"} or {@code "psi"}
 * @param value the statistic; NaN when it could not be computed (no current rows)
 * @param pValue the p-value of a test (the adjusted one after a multiple-testing correction);
 *     empty for a distance or shift
 * @param threshold the threshold the verdict came from: a significance level or a distance
 * @param verdict the verdict
 * @param referenceSize how many reference values were compared
 * @param currentSize how many current values were compared
 * @param bins the histogram's bins, in the order to draw them, unmodifiable; may be empty
 */
public record FeatureDrift(String feature, String statistic, double value, OptionalDouble pValue, double threshold,
        Verdict verdict, long referenceSize, long currentSize, List<Bin> bins) {

    /**
     * Validates the feature's drift and copies the bins.
     *
     * @param feature the feature's name
     * @param statistic the statistic's name
     * @param value the statistic; NaN when it could not be computed
     * @param pValue the p-value of a test; empty for a distance or shift
     * @param threshold the threshold the verdict came from
     * @param verdict the verdict
     * @param referenceSize how many reference values were compared
     * @param currentSize how many current values were compared
     * @param bins the histogram's bins, in the order to draw them
     * @throws IllegalArgumentException if a name is blank, a size negative, or two bins share a
     *     label; the message names the feature
     */
    public FeatureDrift {
        Checks.notBlank("feature", feature);
        Checks.notBlank("statistic", statistic);
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(verdict, "verdict");
        Checks.count("referenceSize of feature '" + feature + "'", referenceSize);
        Checks.count("currentSize of feature '" + feature + "'", currentSize);
        bins = List.copyOf(bins);
        if (bins.stream().map(Bin::label).distinct().count() != bins.size()) {
            throw new IllegalArgumentException("the bins of feature '" + feature + "' must have distinct labels but"
                    + " were " + bins.stream().map(Bin::label).toList());
        }
    }

    /**
     * Maps a detector's result: its statistic, value, p-value (the adjusted one if the result has
     * it), threshold and sizes; the verdict is {@link Verdict#NO_DATA} when nothing current was
     * compared, else {@link Verdict#DRIFT} or {@link Verdict#OK} by {@link DriftResult#drift()}.
     *
     * @param feature the feature's name
     * @param bins the histogram's bins, in the order to draw them
     * @param result what the detector found for the feature
     * @return the feature's drift
     */
    public static FeatureDrift of(String feature, List<Bin> bins, DriftResult result) {
        Verdict verdict;
        if (result.currentSize() == 0) {
            verdict = Verdict.NO_DATA;
        } else {
            verdict = result.drift() ? Verdict.DRIFT : Verdict.OK;
        }
        OptionalDouble pValue = result.adjustedPValue().isPresent() ? result.adjustedPValue() : result.pValue();
        return new FeatureDrift(feature, result.statistic(), result.value(), pValue, result.threshold(), verdict,
                result.referenceSize(), result.currentSize(), bins);
    }
}
