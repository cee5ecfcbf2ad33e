package dev.mlops.testkit;

import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.FailingRow;
import java.util.List;
import java.util.Objects;

/** Names the first difference between two check results, for contract failure messages. */
final class CheckResultDifference {

    private CheckResultDifference() {
        throw new AssertionError("no instances");
    }

    /**
     * @param expected results, such as those on the passing and the failing table
     * @param actual results that are not equal to them
     * @return the first differing result, by its index, and its first difference
     */
    static String first(List<CheckResult> expected, List<CheckResult> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "result " + i + " differs: " + first(expected.get(i), actual.get(i));
            }
        }
        return expected.size() + " results vs " + actual.size();
    }

    /**
     * @param expected a result
     * @param actual a result that is not equal to it
     * @return the first difference: the naming, the verdict, the message, the numbers, the first
     *     differing sampled row, or the spec
     */
    static String first(CheckResult expected, CheckResult actual) {
        String difference = field("the check", expected.check(), actual.check());
        difference = difference != null ? difference : field("the type", expected.type(), actual.type());
        difference = difference != null ? difference : field("the column list", expected.columns(), actual.columns());
        difference = difference != null ? difference : field("the severity", expected.severity(), actual.severity());
        difference = difference != null ? difference : field("the verdict", expected.verdict(), actual.verdict());
        difference = difference != null ? difference : field("the message", expected.message(), actual.message());
        difference = difference != null ? difference : field("the measured value", expected.measured(),
                actual.measured());
        difference = difference != null ? difference : field("the threshold", expected.threshold(),
                actual.threshold());
        difference = difference != null ? difference : field("the statistic", expected.statistic(),
                actual.statistic());
        difference = difference != null ? difference : field("the failing row count", expected.failingRows(),
                actual.failingRows());
        difference = difference != null ? difference : sample(expected.sample(), actual.sample());
        return difference != null ? difference : "the spec differs: " + expected.spec() + " vs " + actual.spec();
    }

    private static @org.jspecify.annotations.Nullable String field(String what, Object expected, Object actual) {
        return Objects.equals(expected, actual) ? null : what + " differs: " + expected + " vs " + actual;
    }

    private static @org.jspecify.annotations.Nullable String sample(List<FailingRow> expected,
            List<FailingRow> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "sampled row " + i + " differs: " + expected.get(i) + " vs " + actual.get(i);
            }
        }
        return expected.size() == actual.size() ? null
                : "the sample holds " + expected.size() + " vs " + actual.size() + " rows";
    }
}
