package dev.mlops.data.check;

import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.report.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link Check} found: its verdict, the value it measured and the threshold it judged
 * that value against, for row-level checks how many rows failed, with a bounded sample, and the
 * check's component spec (its type and settings), so that a report says what made each result.
 *
 * <p>A check of your own builds its result with a factory, which takes the check's name, type,
 * columns, severity and spec from the check itself:
 * <pre>{@code
 * Threshold threshold = Threshold.atMost(0);
 * if (table.rowCount() == 0) {
 *     return CheckResult.noData(this, threshold, "no-future-birthdays(born): the table has no rows");
 * }
 * long future = ...;
 * return CheckResult.measured(this, future, threshold, "no-future-birthdays(born): " + future + " rows born later")
 *         .withFailingRows(future, sample);
 * }</pre>
 * {@link #passed}, {@link #failed} and {@link #noData} fix the verdict; {@link #measured} judges
 * the measured value against the threshold. The canonical constructor is for readers of stored
 * results and for tests.
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
 * @param spec the check's type and settings ({@link Check#spec()})
 */
public record CheckResult(String check, String type, List<String> columns, Severity severity, Verdict verdict,
        String message, double measured, Threshold threshold, double statistic, long failingRows,
        List<FailingRow> sample, ComponentSpec spec) {

    /**
     * Copies the lists.
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
     * @param spec the check's type and settings ({@link Check#spec()})
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
        Objects.requireNonNull(spec, "spec");
        if (failingRows < sample.size()) {
            throw new IllegalArgumentException("failingRows must be at least the " + sample.size()
                    + " sampled rows but was " + failingRows);
        }
    }

    /**
     * A passed result.
     *
     * @param check the check that measured
     * @param measured the measured value
     * @param threshold the interval it was judged against
     * @param message what was measured, where, and against what
     * @return the result, with no statistic and no failing rows
     */
    public static CheckResult passed(Check check, double measured, Threshold threshold, String message) {
        return of(check, Verdict.PASSED, measured, threshold, message);
    }

    /**
     * A failed result: the property does not hold, or the check could not measure it (a missing
     * column, a column of the wrong type; then {@code measured} is NaN).
     *
     * @param check the check that measured
     * @param measured the measured value, NaN if nothing could be measured
     * @param threshold the interval it was judged against
     * @param message what failed, where, and what was expected
     * @return the result, with no statistic and no failing rows (add them with {@link #withFailingRows})
     */
    public static CheckResult failed(Check check, double measured, Threshold threshold, String message) {
        return of(check, Verdict.FAILED, measured, threshold, message);
    }

    /**
     * A result of a check that found nothing to measure (an empty table, an all-missing column):
     * never a vacuous pass.
     *
     * @param check the check
     * @param threshold the interval a measured value would have been judged against
     * @param message what was missing, and where
     * @return the result, measured value NaN
     */
    public static CheckResult noData(Check check, Threshold threshold, String message) {
        return of(check, Verdict.NO_DATA, Double.NaN, threshold, message);
    }

    /**
     * A result judged by its threshold: passed if the threshold contains the measured value,
     * failed otherwise (NaN fails).
     *
     * @param check the check that measured
     * @param measured the measured value
     * @param threshold the interval it must lie in
     * @param message what was measured, where, and against what
     * @return the result, with no statistic and no failing rows
     */
    public static CheckResult measured(Check check, double measured, Threshold threshold, String message) {
        return of(check, threshold.contains(measured) ? Verdict.PASSED : Verdict.FAILED, measured, threshold, message);
    }

    private static CheckResult of(Check check, Verdict verdict, double measured, Threshold threshold, String message) {
        Objects.requireNonNull(check, "check");
        return new CheckResult(check.name(), check.type(), check.columns(), check.severity(), verdict, message,
                measured, threshold, Double.NaN, 0, List.of(), check.spec());
    }

    /**
     * @param newStatistic the test statistic of a distribution check (t, D, chi-square, PSI)
     * @return this result with that statistic
     */
    public CheckResult withStatistic(double newStatistic) {
        return new CheckResult(check, type, columns, severity, verdict, message, measured, threshold, newStatistic,
                failingRows, sample, spec);
    }

    /**
     * @param count how many rows failed, at least the sample's size
     * @param newSample up to the run's sample size of the failing rows, in row order
     * @return this result with those failing rows
     * @throws IllegalArgumentException if {@code count} is smaller than the sample
     */
    public CheckResult withFailingRows(long count, List<FailingRow> newSample) {
        return new CheckResult(check, type, columns, severity, verdict, message, measured, threshold, statistic,
                count, newSample, spec);
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
