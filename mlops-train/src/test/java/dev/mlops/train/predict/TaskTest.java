package dev.mlops.train.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskTest {

    private static final Schema SCHEMA = Schema.of(Field.of("class", ColumnType.CATEGORICAL),
            Field.of("approved", ColumnType.BOOLEAN), Field.of("amount", ColumnType.NUMERIC),
            Field.of("note", ColumnType.TEXT), Field.of("when", ColumnType.TIMESTAMP));

    @ParameterizedTest
    @CsvSource({"class, CLASSIFICATION", "approved, CLASSIFICATION", "amount, REGRESSION"})
    void theLabelsTypeMakesTheTask(String label, Task expected) {
        assertThat(Task.of(SCHEMA, label)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"note, TEXT", "when, TIMESTAMP"})
    void aLabelOfAnotherTypeIsRefusedNamingItsType(String label, String type) {
        assertThatThrownBy(() -> Task.of(SCHEMA, label)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label column '" + label + "' is " + type
                        + "; a label is categorical or boolean (classification) or numeric (regression)");
    }

    @Test
    void anAbsentLabelIsRefusedNamingTheColumns() {
        assertThatThrownBy(() -> Task.of(SCHEMA, "nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label column 'nope' is not in the table; its columns are [class, approved, amount, note, "
                        + "when]");
    }
}
