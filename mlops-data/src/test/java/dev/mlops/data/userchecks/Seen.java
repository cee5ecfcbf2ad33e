package dev.mlops.data.userchecks;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.Threshold;
import java.util.List;

/**
 * A plain check whose message names the rows of its columns (all when it names none) by their
 * fingerprint; of a column "null", it returns null for a table with rows.
 */
public record Seen(List<String> columns) implements Check {
    @Override
    public String type() {
        return "seen";
    }

    @Override
    public String name() {
        return "seen(" + String.join(", ", columns) + ")";
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public Record settings() {
        return this;
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        if (columns.contains("null") && table.rowCount() > 0) {
            return null;
        }
        Table mine = columns.isEmpty() ? table : table.select(table.schema().names().stream()
                .filter(columns::contains).toArray(String[]::new));
        return CheckResult.passed(this, table.rowCount(), Threshold.atLeast(0),
                String.join(", ", mine.schema().names()) + ": " + Fingerprint.of(mine));
    }
}
