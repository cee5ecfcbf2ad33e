package dev.mlops.data.userchecks;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.Threshold;
import java.util.List;

/** A plain check that always fails, on no rows too. */
public record Failing() implements Check {
    @Override
    public String type() {
        return "failing";
    }

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public List<String> columns() {
        return List.of("age");
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public Record settings() {
        return this;
    }

    @Override
    public CheckResult run(Table table, CheckContext context) {
        return CheckResult.failed(this, table.rowCount(), Threshold.atMost(0), "failing: always");
    }
}
