package dev.mlops.data.userchecks;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import java.util.List;

/**
 * A {@link NumberCheck}'s row-local {@code even} rule in a row check that overrides
 * {@link RowCheck#run} to add the table's row count to its message, so that it must see the whole
 * table; otherwise it is that check.
 *
 * @param even the check whose rule it runs
 */
public record CountedNumberCheck(NumberCheck even) implements RowCheck {

    /** @param column the column */
    public CountedNumberCheck(String column) {
        this(new NumberCheck("even", column));
    }

    @Override
    public String type() {
        return "even-counted";
    }

    @Override
    public String name() {
        return type() + "(" + even.column() + ")";
    }

    @Override
    public List<String> columns() {
        return even.columns();
    }

    @Override
    public Severity severity() {
        return even.severity();
    }

    @Override
    public double mostly() {
        return even.mostly();
    }

    @Override
    public Record settings() {
        return this;
    }

    @Override
    public boolean rowLocal() {
        return even.rowLocal();
    }

    @Override
    public RowRule bind(Table table) {
        return even.bind(table);
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        CheckResult result = RowCheck.super.run(table, context);
        return new CheckResult(result.check(), result.type(), result.columns(), result.severity(),
                result.verdict(), result.message() + " of " + table.rowCount() + " rows", result.measured(),
                result.threshold(), result.statistic(), result.failingRows(), result.sample(), result.spec());
    }
}
