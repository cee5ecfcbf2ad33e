package dev.mlops.data.check;

import dev.mlops.core.report.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Check} found: its verdict, the value it measured and the threshold it judged
 * that value against, and for row-level checks how many rows failed, with a bounded sample.
 *
 * @param check the check's name, such as {@code "range(age)"}
 * @param type the check's type, such as {@code "range"}
 * @param columns the columns it looked at, unmodifiable (empty for a check of the whole table)
 * @param severity how serious a failure of this check is
 * @param verdict passed, failed or no data
 * @param message a sentence for people that says what was measured, where, and against what
 * @param measured the measured value (a share of rows, a count, a p-value, a distance); NaN
 *     when nothing could be measured
 * @param threshold the interval {@code measured} must lie in to pass
 * @param statistic the test statistic of a distribution check (t, D, chi-square, PSI); NaN for
 *     other checks
 * @param failingRows how many rows failed a row-level check; 0 for other checks
 * @param sample up to the run's sample size of the failing rows, in row order, unmodifiable
 */
public record CheckResult(String check, String type, List<String> columns, Severity severity, Verdict verdict,
        String message, double measured, Threshold threshold, double statistic, long failingRows,
        List<FailingRow> sample) {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException if {@code failingRows} is negative or smaller than the sample
     */
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(columns);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(threshold, "threshold");
        sample = List.copyOf(sample);
        if (failingRows < sample.size()) {
            throw new IllegalArgumentException("failingRows must be at least the " + sample.size()
                    + " sampled rows but was " + failingRows);
        }
    }

    /** @return true if the verdict is {@link Verdict#PASSED} */
    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /**
     * @return true if this result makes a report fail: an {@link Severity#ERROR} check that did
     *     not pass (failed, or found no data)
     */
    public boolean isError() {
        return severity == Severity.ERROR && verdict != Verdict.PASSED;
    }

    /** @return true if this result is a warning: a {@link Severity#WARNING} check that did not pass */
    public boolean isWarning() {
        return severity == Severity.WARNING && verdict != Verdict.PASSED;
    }
}
