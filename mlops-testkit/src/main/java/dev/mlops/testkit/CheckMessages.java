package dev.mlops.testkit;

import dev.mlops.core.table.Field;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.Verdict;
import java.util.List;

/**
 * The failure messages of the data assertions and of {@link DataSuites}: one layout, so that a
 * failing column assertion, a failing check result and a failing dynamic test read alike.
 */
final class CheckMessages {
    /** How many failing rows a message lists at most. */
    static final int ROWS_SHOWN = 10;

    private CheckMessages() {
        throw new AssertionError("no instances");
    }

    /**
     * Describes a result that did not meet an expectation:
     * <pre>
     * Expecting column 'age' to be between 18 and 100 (every present value; NaN fails)
     * but it failed: range(age): 3 of 5 rows pass (60.00%), 2 fail; needs a share >= 1
     * measured 0.6, threshold >= 1
     * 2 failing rows (0-based row: value):
     *   row 1: -3
     *   row 4: NaN
     * </pre>
     *
     * @param expectation the first line, starting with "Expecting"
     * @param result the check's result
     * @return the message
     */
    static String describe(String expectation, CheckResult result) {
        StringBuilder text = new StringBuilder(expectation).append('\n');
        text.append(switch (result.verdict()) {
            case PASSED -> "but it passed: ";
            case FAILED -> "but it failed: ";
            case NO_DATA -> "but there was nothing to judge: ";
        }).append(result.message());
        if (result.verdict() != Verdict.NO_DATA && !Double.isNaN(result.measured())) {
            text.append("\nmeasured ").append(ReadableText.number(result.measured())).append(", threshold ")
                    .append(result.threshold());
            if (!Double.isNaN(result.statistic())) {
                text.append(", statistic ").append(ReadableText.number(result.statistic()));
            }
        }
        appendRows(text, result);
        return text.toString();
    }

    /** Appends the sampled failing rows of a result, at most {@value #ROWS_SHOWN}, and how many more there are. */
    static void appendRows(StringBuilder text, CheckResult result) {
        if (result.failingRows() == 0) {
            return;
        }
        List<FailingRow> sample = result.sample();
        List<FailingRow> shown = sample.subList(0, Math.min(ROWS_SHOWN, sample.size()));
        text.append('\n').append(result.failingRows()).append(result.failingRows() == 1 ? " failing row" : " failing rows");
        if (shown.isEmpty()) {
            text.append(" (none sampled)");
            return;
        }
        text.append(shown.stream().anyMatch(row -> row.line().isPresent()) ? " (line, 0-based row: value):"
                : " (0-based row: value):");
        for (FailingRow row : shown) {
            text.append("\n  ").append(row.location()).append(": ").append(row.value());
        }
        if (result.failingRows() > shown.size()) {
            text.append("\n  ... and ").append(result.failingRows() - shown.size()).append(" more");
        }
    }

    /** @return the table's columns for a message: {@code "id (NUMERIC), city (CATEGORICAL)"} */
    static String columns(Table table) {
        List<Field> fields = table.schema().fields();
        if (fields.isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        for (Field field : fields) {
            text.append(text.length() == 0 ? "" : ", ").append(field.name()).append(" (").append(field.type())
                    .append(')');
        }
        return text.toString();
    }
}
