package dev.mlops.train.predict;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import org.junit.jupiter.api.Test;

class InputCheckTest {
    private static final Schema EXPECTED = Schema.of(Field.of("age", ColumnType.NUMERIC),
            Field.of("city", ColumnType.CATEGORICAL));

    @Test
    void extraColumnsAreAllowed() {
        Table features = Table.of(NumericColumn.of("age", 30), CategoricalColumn.of("city", "Hamburg"),
                NumericColumn.of("extra", 1));

        assertThatCode(() -> InputCheck.require(EXPECTED, features)).doesNotThrowAnyException();
    }

    @Test
    void everyAbsentAndMistypedColumnIsNamed() {
        Table features = Table.of(CategoricalColumn.of("age", "30"));

        assertThatThrownBy(() -> InputCheck.require(EXPECTED, features)).isInstanceOf(SchemaException.class)
                .hasMessageContaining("column 'age' is categorical, but the model expects numeric")
                .hasMessageContaining("column 'city' (categorical) is absent");
    }
}
