package dev.mlops.testkit;

import dev.mlops.core.report.Severity;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on one {@link CheckResult}, from {@link DataAssertions#assertThat(CheckResult)} or
 * {@link ReportAssert#hasResult(String)}:
 * <pre>{@code
 * assertThat(Checks.range("age", 18, 100).run(table, CheckContext.defaults()))
 *     .failed().hasMeasuredCloseTo(0.6, 1e-12).hasFailingRows(2).hasSampledRows(1, 4);
 * }</pre>
 * A failure message shows the result's message, measured value, threshold and up to ten
 * sampled failing rows. Not thread-safe.
 */
public final class CheckResultAssert extends AbstractAssert<CheckResultAssert, CheckResult> {

    CheckResultAssert(@Nullable CheckResult actual) {
        super(actual, CheckResultAssert.class);
    }

    /**
     * Verifies the verdict.
     *
     * @param expected the expected verdict
     * @return this assertion
     */
    public CheckResultAssert hasVerdict(Verdict expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (actual.verdict() != expected) {
            throw failure("%s", CheckMessages.describe("Expecting " + actual.check() + " to have the verdict "
                    + expected.label(), actual));
        }
        return myself;
    }

    /**
     * Verifies that the check passed.
     *
     * @return this assertion
     */
    public CheckResultAssert passed() {
        return hasVerdict(Verdict.PASSED);
    }

    /**
     * Verifies that the check failed (not "no data": see {@link #hasNoData()}).
     *
     * @return this assertion
     */
    public CheckResultAssert failed() {
        return hasVerdict(Verdict.FAILED);
    }

    /**
     * Verifies that the check found nothing to measure.
     *
     * @return this assertion
     */
    public CheckResultAssert hasNoData() {
        return hasVerdict(Verdict.NO_DATA);
    }

    /**
     * Verifies the severity the result carries.
     *
     * @param expected the expected severity
     * @return this assertion
     */
    public CheckResultAssert hasSeverity(Severity expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (actual.severity() != expected) {
            throw failure("%s", "Expecting " + actual.check() + " to have severity " + expected.label() + " but it has "
                    + actual.severity().label());
        }
        return myself;
    }

    /**
     * Verifies the measured value within a tolerance; a NaN measurement is never close.
     *
     * @param expected the expected value
     * @param tolerance the largest allowed absolute difference, 0 or more
     * @return this assertion
     * @throws IllegalArgumentException if the tolerance is negative or NaN
     */
    public CheckResultAssert hasMeasuredCloseTo(double expected, double tolerance) {
        return close("measured value", actual == null ? Double.NaN : actual.measured(), expected, tolerance);
    }

    /**
     * Verifies the test statistic (of a distribution check) within a tolerance; NaN is never close.
     *
     * @param expected the expected statistic
     * @param tolerance the largest allowed absolute difference, 0 or more
     * @return this assertion
     * @throws IllegalArgumentException if the tolerance is negative or NaN
     */
    public CheckResultAssert hasStatisticCloseTo(double expected, double tolerance) {
        return close("statistic", actual == null ? Double.NaN : actual.statistic(), expected, tolerance);
    }

    /**
     * Verifies how many rows failed a row-level check.
     *
     * @param expected the expected count
     * @return this assertion
     */
    public CheckResultAssert hasFailingRows(long expected) {
        isNotNull();
        if (actual.failingRows() != expected) {
            throw failure("%s", CheckMessages.describe("Expecting " + actual.check() + " to have " + expected
                    + " failing rows, not " + actual.failingRows(), actual));
        }
        return myself;
    }

    /**
     * Verifies the sampled failing rows, exactly and in order.
     *
     * @param rows the expected 0-based rows of the sample
     * @return this assertion
     */
    public CheckResultAssert hasSampledRows(int... rows) {
        isNotNull();
        List<Integer> sampled = actual.sample().stream().map(FailingRow::row).toList();
        List<Integer> expected = Arrays.stream(rows).boxed().toList();
        if (!sampled.equals(expected)) {
            throw failure("%s", CheckMessages.describe("Expecting " + actual.check() + " to sample the failing rows "
                    + expected + ", not " + sampled, actual));
        }
        return myself;
    }

    /**
     * Verifies the physical lines of the sampled failing rows, exactly and in order; a row whose
     * line is not known (a table not read as a batch) has none and fails this assertion.
     *
     * @param lines the expected lines of the sample
     * @return this assertion
     */
    public CheckResultAssert hasSampledLines(long... lines) {
        isNotNull();
        List<String> sampled = actual.sample().stream()
                .map(row -> row.line().isPresent() ? Long.toString(row.line().getAsLong()) : "unknown").toList();
        List<String> expected = Arrays.stream(lines).mapToObj(Long::toString).toList();
        if (!sampled.equals(expected)) {
            throw failure("%s", CheckMessages.describe("Expecting " + actual.check() + " to sample the failing rows on "
                    + "the lines " + expected + ", not " + sampled, actual));
        }
        return myself;
    }

    /**
     * Verifies that the message contains a text.
     *
     * @param text the text
     * @return this assertion
     */
    public CheckResultAssert hasMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        isNotNull();
        if (!actual.message().contains(text)) {
            throw failure("%s", "Expecting the message of " + actual.check() + " to contain \"" + text
                    + "\" but it is \"" + actual.message() + "\"");
        }
        return myself;
    }

    private CheckResultAssert close(String what, double value, double expected, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be 0 or more but was " + tolerance);
        }
        isNotNull();
        if (!(Math.abs(value - expected) <= tolerance)) {
            throw failure("%s", CheckMessages.describe("Expecting the " + what + " of " + actual.check() + " to be "
                    + ReadableText.number(expected) + " within " + ReadableText.number(tolerance) + " but it is "
                    + ReadableText.number(value), actual));
        }
        return myself;
    }
}
