package dev.mlops.data.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SchemaCheck#run(Schema, long, Map, CheckContext)}: the same result as from the table. */
class SchemaCheckFromCountsTest {
    private static final Table TABLE = Table.builder().numeric("age", 1, Double.NaN, 3)
            .categorical("city", "a", null, null).text("extra", "x", "y", "z").build();
    private static final CheckContext CONTEXT = CheckContext.defaults();

    @Test
    void theCountsGiveTheResultOfTheTable() {
        SchemaCheck check = new SchemaCheck(List.of(new ExpectedColumn("city", ColumnType.CATEGORICAL, false),
                new ExpectedColumn("age", ColumnType.TEXT, false), new ExpectedColumn("gone", ColumnType.NUMERIC, true)),
                false, true, dev.mlops.core.report.Severity.ERROR);

        CheckResult fromCounts = check.run(TABLE.schema(), 3, Map.of("city", 2L, "age", 0L), CONTEXT);

        assertThat(fromCounts).isEqualTo(check.run(TABLE, CONTEXT));
        assertThat(fromCounts.message()).contains("2 missing values").contains("'age' is NUMERIC, expected TEXT")
                .contains("'gone'").contains("'extra'").contains("order");
    }

    @Test
    void noRowsAreNoDataForTypesAndNonNullableColumnsAsForTheTable() {
        SchemaCheck types = SchemaCheck.of(Schema.of(Field.of("age", ColumnType.TEXT)));
        SchemaCheck notNull = SchemaCheck.of(Schema.of(Field.of("age", ColumnType.NUMERIC))).notNull("age");
        Schema schema = Schema.of(Field.of("age", ColumnType.NUMERIC));
        Table empty = Table.empty(schema);

        assertThat(types.run(schema, 0, Map.of(), CONTEXT)).isEqualTo(types.run(empty, CONTEXT));
        assertThat(notNull.run(schema, 0, Map.of("age", 0L), CONTEXT)).isEqualTo(notNull.run(empty, CONTEXT))
                .extracting(CheckResult::verdict).isEqualTo(Verdict.NO_DATA);
        assertThat(notNull.run(schema, 1, Map.of("age", 1L), CONTEXT).message())
                .contains("must not be null but has 1 missing value");
    }

    @Test
    void badCountsAreRefusedNamingWhatIsWrong() {
        SchemaCheck notNull = SchemaCheck.of(Schema.of(Field.of("age", ColumnType.NUMERIC))).notNull("age");
        Schema schema = Schema.of(Field.of("age", ColumnType.NUMERIC));

        assertThatThrownBy(() -> notNull.run(schema, -1, Map.of(), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> notNull.run(schema, 2, Map.of(), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'age'");
    }
}
