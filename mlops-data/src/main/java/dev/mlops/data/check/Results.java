package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;

/** Builds the results that every built-in check makes the same way, messages led by the check's name. */
final class Results {

    private Results() {
        throw new AssertionError("no instances");
    }

    /** A result of a check that could not measure: a missing column or a column of the wrong type. */
    static CheckResult cannotRun(Check check, Threshold threshold, String why) {
        return CheckResult.failed(check, Double.NaN, threshold, ReadableText.name(check.name()) + ": " + why);
    }

    /** A result of a check that found nothing to measure. */
    static CheckResult noData(Check check, Threshold threshold, String what) {
        return CheckResult.noData(check, threshold, ReadableText.name(check.name()) + ": no data: " + what);
    }

    /** A result of a check that measured a value and judged it, with no rows to list. */
    static CheckResult measured(Check check, double measured, Threshold threshold, double statistic, String what) {
        return CheckResult.measured(check, measured, threshold, ReadableText.name(check.name()) + ": " + what + " (threshold "
                + threshold + ")").withStatistic(statistic);
    }
}
