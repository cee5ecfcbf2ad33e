package dev.mlops.data.check;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.Table;
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
        return RowCounts.of(rule, table.rowCount(), context.sampleSize()).result(check);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
