package dev.mlops.data.check;

import java.util.List;

/** Builds the results that every check makes the same way. */
final class Results {

    private Results() {
        throw new AssertionError("no instances");
    }

    /** A result of a check that could not measure: a missing column or a column of the wrong type. */
    static CheckResult cannotRun(Check check, Threshold threshold, String why) {
        return new CheckResult(check.name(), check.type(), check.columns(), check.severity(), Verdict.FAILED,
                check.name() + ": " + why, Double.NaN, threshold, Double.NaN, 0, List.of());
    }

    /** A result of a check that found nothing to measure. */
    static CheckResult noData(Check check, Threshold threshold, String what) {
        return new CheckResult(check.name(), check.type(), check.columns(), check.severity(), Verdict.NO_DATA,
                check.name() + ": no data: " + what, Double.NaN, threshold, Double.NaN, 0, List.of());
    }

    /** A result of a check that measured a value and judged it, with no rows to list. */
    static CheckResult measured(Check check, double measured, Threshold threshold, double statistic, String what) {
        Verdict verdict = threshold.contains(measured) ? Verdict.PASSED : Verdict.FAILED;
        return new CheckResult(check.name(), check.type(), check.columns(), check.severity(), verdict,
                check.name() + ": " + what + " (threshold " + threshold + ")", measured, threshold, statistic, 0,
                List.of());
    }
}
