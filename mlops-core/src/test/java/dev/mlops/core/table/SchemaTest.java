package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaTest {

    private static final Field AGE = Field.of("age", ColumnType.NUMERIC);
    private static final Field CITY = Field.of("city", ColumnType.CATEGORICAL);
    private static final Field MEMBER = Field.of("member", ColumnType.BOOLEAN);

    private final Schema schema = Schema.of(AGE, CITY, MEMBER);

    @Nested
    class Lookup {

        @Test
        void keepsFieldsInOrder() {
            assertThat(schema.fields()).containsExactly(AGE, CITY, MEMBER);
            assertThat(schema.names()).containsExactly("age", "city", "member");
            assertThat(schema.size()).isEqualTo(3);
        }

        @Test
        void findsFieldsByPositionAndName() {
            assertThat(schema.field(1)).isEqualTo(CITY);
            assertThat(schema.field("member")).isEqualTo(MEMBER);
            assertThat(schema.indexOf("city")).isEqualTo(1);
            assertThat(schema.find("age")).hasValue(0);
            assertThat(schema.find("income")).isEmpty();
            assertThat(schema.contains("age")).isTrue();
            assertThat(schema.contains("Age")).as("names are case-sensitive").isFalse();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"agee", "Age", "", "München"})
        void anUnknownNameListsTheColumns(String name) {
            String expected = "no column named '" + name + "'; the 3 columns are: age, city, member";

            assertThatThrownBy(() -> schema.indexOf(name)).isInstanceOf(SchemaException.class).hasMessage(expected);
            assertThatThrownBy(() -> schema.field(name))
                    .isInstanceOf(SchemaException.class)
                    .isInstanceOf(MlopsException.class)
                    .hasMessage(expected);
        }

        @Test
        void anUnknownNameInAnEmptySchemaSaysThereAreNone() {
            assertThatThrownBy(() -> Schema.of().indexOf("x"))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("no column named 'x'; the 0 columns are: ");
        }

        @ParameterizedTest(name = "position {0}")
        @ValueSource(ints = {-1, 3})
        void aPositionOutsideTheSchemaIsRejected(int index) {
            assertThatThrownBy(() -> schema.field(index)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Nested
    class Construction {

        @Test
        void aRepeatedNameIsRejectedWithBothPositions() {
            assertThatThrownBy(() -> Schema.of(AGE, CITY, Field.of("age", ColumnType.TEXT)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field name 'age' appears twice, at positions 1 and 3");
        }

        @Test
        void theListIsCopied() {
            List<Field> fields = new ArrayList<>(List.of(AGE, CITY));
            Schema copy = Schema.of(fields);

            fields.add(MEMBER);

            assertThat(copy.size()).isEqualTo(2);
        }

        @Test
        void returnedListsAreUnmodifiable() {
            assertThatThrownBy(() -> schema.fields().add(AGE)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> schema.names().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void nullsAreRejected() {
            assertThatThrownBy(() -> Schema.of((List<Field>) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Schema.of(AGE, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void anEmptySchemaHasNoFields() {
            assertThat(Schema.of().size()).isZero();
            assertThat(Schema.of().names()).isEmpty();
        }
    }

    @Nested
    class Equality {

        @Test
        void sameFieldsInTheSameOrderAreEqual() {
            Schema same = Schema.of(List.of(Field.of("age", ColumnType.NUMERIC), Field.of("city", ColumnType.CATEGORICAL),
                    Field.of("member", ColumnType.BOOLEAN)));

            assertThat(same).isEqualTo(schema).hasSameHashCodeAs(schema);
        }

        @Test
        void orderNamesAndTypesMatter() {
            assertThat(Schema.of(CITY, AGE, MEMBER)).isNotEqualTo(schema);
            assertThat(Schema.of(AGE, Field.of("town", ColumnType.CATEGORICAL), MEMBER)).isNotEqualTo(schema);
            assertThat(Schema.of(AGE, Field.of("city", ColumnType.TEXT), MEMBER)).isNotEqualTo(schema);
            assertThat(Schema.of(AGE, CITY)).isNotEqualTo(schema);
            assertThat(schema).isNotEqualTo("age, city, member");
        }

        @Test
        void toStringListsTheFields() {
            assertThat(schema).hasToString("Schema[age: NUMERIC, city: CATEGORICAL, member: BOOLEAN]");
            assertThat(Schema.of()).hasToString("Schema[]");
        }
    }
}
