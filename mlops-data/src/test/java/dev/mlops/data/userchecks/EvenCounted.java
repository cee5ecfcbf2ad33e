package dev.mlops.data.userchecks;

import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.RowRule;

/** Row-local but overriding run to add the table's row count to its message: gathered. */
public record EvenCounted(String column) implements OneColumn {
    @Override
    public String type() {
        return "even-counted";
    }

    @Override
    public boolean rowLocal() {
        return true;
    }

    @Override
    public RowRule bind(Table table) {
        return new Even(column).bind(table);
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        CheckResult result = OneColumn.super.run(table, context);
        return new CheckResult(result.check(), result.type(), result.columns(), result.severity(),
                result.verdict(), result.message() + " of " + table.rowCount() + " rows", result.measured(),
                result.threshold(), result.statistic(), result.failingRows(), result.sample(), result.spec());
    }
}
