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
 * A user's plain check, outside mlops' packages: it measures the rows of its columns (every column
 * when it names none) and names them by their fingerprint in its message; with {@code fails} it
 * fails whatever it sees, on no rows too; of a column "null" it returns null for a table with rows.
 *
 * @param columns the columns it looks at
 * @param fails true if it always fails
 */
public record TableCheck(List<String> columns, boolean fails) implements Check {

    @Override
    public String type() {
        return "table";
    }

    @Override
    public String name() {
        return "table(" + String.join(", ", columns) + ")";
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
        Table seen = columns.isEmpty() ? table
                : table.select(table.schema().names().stream().filter(columns::contains).toArray(String[]::new));
        String message = String.join(", ", seen.schema().names()) + ": " + Fingerprint.of(seen);
        return fails ? CheckResult.failed(this, table.rowCount(), Threshold.atMost(0), message)
                : CheckResult.passed(this, table.rowCount(), Threshold.atLeast(0), message);
    }
}
