package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTest {

    @Test
    void holdsNameAndType() {
        Field field = Field.of("age", ColumnType.NUMERIC);

        assertThat(field.name()).isEqualTo("age");
        assertThat(field.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(field).isEqualTo(new Field("age", ColumnType.NUMERIC));
        assertThat(field).isNotEqualTo(Field.of("age", ColumnType.CATEGORICAL));
    }

    @Test
    void toStringIsNameColonType() {
        assertThat(Field.of("Stadt/München", ColumnType.CATEGORICAL)).hasToString("Stadt/München: CATEGORICAL");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "\t\n"})
    void blankNamesAreRejected(String name) {
        assertThatThrownBy(() -> Field.of(name, ColumnType.TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field name must not be blank but was '" + name + "'");
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> Field.of(null, ColumnType.TEXT))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> Field.of("a", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("type");
    }
}
