package dev.mlops.data.check;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs a {@link RowCheck} over a table: counts judged and failing rows and samples the failures. */
final class RowCheckRun {

    private RowCheckRun() {
        throw new AssertionError("no instances");
    }

    static CheckResult run(RowCheck check, Table table, CheckContext context) {
        Threshold threshold = Threshold.atLeast(check.mostly());
        RowRule rule;
        try {
            rule = check.bind(table);
        } catch (SchemaException e) {
            return Results.cannotRun(check, threshold, e.getMessage());
        }
        int rows = table.rowCount();
        long judged = 0;
        long failing = 0;
        List<FailingRow> sample = new ArrayList<>(Math.min(context.sampleSize(), 64));
        for (int row = 0; row < rows; row++) {
            if (!rule.applies(row)) {
                continue;
            }
            judged++;
            if (!rule.passes(row)) {
                failing++;
                if (sample.size() < context.sampleSize()) {
                    sample.add(new FailingRow(row, rule.describe(row)));
                }
            }
        }
        if (judged == 0) {
            return Results.noData(check, threshold, rows == 0 ? "the table has no rows"
                    : "none of the " + rows + " rows has a value to judge");
        }
        double share = (double) (judged - failing) / judged;
        String message = String.format(Locale.ROOT, "%s: %d of %d rows pass (%s), %d fail; needs a share %s",
                ReadableText.name(check.name()), judged - failing, judged, percent(share), failing, threshold);
        CheckResult result = check.accepts(judged - failing, judged)
                ? CheckResult.passed(check, share, threshold, message)
                : CheckResult.failed(check, share, threshold, message);
        return result.withFailingRows(failing, sample);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
