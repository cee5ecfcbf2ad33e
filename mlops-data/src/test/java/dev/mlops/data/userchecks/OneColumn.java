package dev.mlops.data.userchecks;

import dev.mlops.core.report.Severity;
import dev.mlops.data.check.RowCheck;
import java.util.List;

/** The test's own checks: one column, error severity, named {@code type(column)}, each record its own settings. */
public interface OneColumn extends RowCheck {
    String column();

    @Override
    default String name() {
        return type() + "(" + column() + ")";
    }

    @Override
    default List<String> columns() {
        return List.of(column());
    }

    @Override
    default Severity severity() {
        return Severity.ERROR;
    }

    @Override
    default double mostly() {
        return 0.5;
    }

    @Override
    default Record settings() {
        return (Record) this;
    }
}
