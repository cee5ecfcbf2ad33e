package dev.mlops.train.troubleshoot;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link OverfitCheck}: whether the experiment fits a handful of training rows
 * almost perfectly, and if not, the likely causes.
 *
 * @param experiment the experiment's spec
 * @param rows the positions of the rows it was trained and measured on, in the table given
 * @param fit the fit on those rows: accuracy for a classifier, R² for a regression model; NaN if
 *     training failed
 * @param threshold the fit that counts as near-perfect
 * @param likelyCauses why it may have failed, most specific first; empty when it passed
 */
public record OverfitReport(String experiment, List<Integer> rows, double fit, double threshold,
        List<String> likelyCauses) {
    /**
     * Copies the lists.
     *
     * @param experiment the spec
     * @param rows the rows used
     * @param fit the fit
     * @param threshold the near-perfect fit
     * @param likelyCauses the likely causes
     */
    public OverfitReport {
        Objects.requireNonNull(experiment, "experiment");
        rows = List.copyOf(rows);
        likelyCauses = List.copyOf(likelyCauses);
    }

    /** @return true if the fit reached the threshold (never when training failed) */
    public boolean passed() {
        return fit >= threshold;
    }
}
