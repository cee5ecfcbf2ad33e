package dev.mlops.data.check;

import java.util.List;

/** A built-in check of one column, named {@code type(column)} in reports. */
interface SingleColumnCheck extends Check {

    /** @return the column the check looks at */
    String column();

    @Override
    default String name() {
        return type() + "(" + column() + ")";
    }

    @Override
    default List<String> columns() {
        return List.of(column());
    }
}
