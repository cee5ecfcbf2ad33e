package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RowBuilderTest {

    private static final Schema SCHEMA = Schema.of(
            Field.of("age", ColumnType.NUMERIC),
            Field.of("city", ColumnType.CATEGORICAL),
            Field.of("member", ColumnType.BOOLEAN),
            Field.of("joined", ColumnType.TIMESTAMP),
            Field.of("note", ColumnType.TEXT));

    private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");

    @Nested
    class GoodRows {

        @Test
        void buildsOneTypedColumnPerField() {
            Table table = Table.rowBuilder(SCHEMA)
                    .addRow(34, "München", true, JAN_1, "first")
                    .addRow(2.5, "São Paulo", false, JAN_1.plusSeconds(1), "zweite Zeile")
                    .build();

            assertThat(table.schema()).isEqualTo(SCHEMA);
            assertThat(table.rowCount()).isEqualTo(2);
            assertThat(table.numericColumn("age").toArray()).containsExactly(34.0, 2.5);
            assertThat(table.categoricalColumn("city").get(0)).isEqualTo("M\u00fcnchen");
            assertThat(table.categoricalColumn("city").get(1)).isEqualTo("S\u00e3o Paulo");
            assertThat(table.booleanColumn("member").get(1)).isFalse();
            assertThat(table.timestampColumn("joined").get(1)).isEqualTo(Instant.parse("2024-01-01T00:00:01Z"));
            assertThat(table.textColumn("note").get(1)).isEqualTo("zweite Zeile");
        }

        @Test
        void nullIsMissingInEveryType() {
            Table table = Table.rowBuilder(SCHEMA).addRow(null, null, null, null, null).build();

            for (Column column : table.columns()) {
                assertThat(column.isMissing(0)).as(column.name()).isTrue();
                assertThat(column.missingCount()).as(column.name()).isEqualTo(1);
            }
            assertThat(table.numericColumn("age").get(0)).isNaN();
        }

        @Test
        void nanIsANumberNotMissing() {
            Table table = Table.rowBuilder(Schema.of(Field.of("x", ColumnType.NUMERIC)))
                    .addRow(Double.NaN)
                    .addRow(Float.NaN)
                    .addRow((Object) null)
                    .build();

            NumericColumn x = table.numericColumn("x");
            assertThat(x.isMissing(0)).isFalse();
            assertThat(x.isMissing(1)).isFalse();
            assertThat(x.isMissing(2)).isTrue();
            assertThat(x.missingCount()).isEqualTo(1);
        }

        @Test
        void anyNumberIsAcceptedForANumericField() {
            Table table = Table.rowBuilder(Schema.of(Field.of("x", ColumnType.NUMERIC)))
                    .addRow(1)
                    .addRow(2L)
                    .addRow((short) 3)
                    .addRow(4.5f)
                    .addRow(new BigDecimal("5.25"))
                    .build();

            assertThat(table.numericColumn("x").toArray()).containsExactly(1.0, 2.0, 3.0, 4.5, 5.25);
        }

        @Test
        void countsRowsAndBuildsAgainAfterMoreRows() {
            RowBuilder builder = Table.rowBuilder(SCHEMA).addRow(1, "a", true, JAN_1, "x");
            Table first = builder.build();

            builder.addRow(2, "b", false, JAN_1, "y");

            assertThat(builder.rowCount()).isEqualTo(2);
            assertThat(first.rowCount()).isEqualTo(1);
            assertThat(builder.build().rowCount()).isEqualTo(2);
        }

        @Test
        void anEmptyBuilderGivesAnEmptyTableOfTheSchema() {
            Table table = Table.rowBuilder(SCHEMA).build();

            assertThat(table.rowCount()).isZero();
            assertThat(table.schema()).isEqualTo(SCHEMA);
            assertThat(table).isEqualTo(Table.empty(SCHEMA));
        }

        @Test
        void aRowBuiltTableEqualsAColumnBuiltOne() {
            Table byRows = Table.rowBuilder(SCHEMA)
                    .addRow(34, "München", true, JAN_1, "a")
                    .addRow(null, "São Paulo", null, null, null)
                    .build();
            Table byColumns = Table.builder()
                    .add(NumericColumn.builder("age").add(34).addMissing().build())
                    .categorical("city", "München", "São Paulo")
                    .bool("member", true, null)
                    .timestamp("joined", JAN_1, null)
                    .text("note", "a", null)
                    .build();

            assertThat(byRows).isEqualTo(byColumns).hasSameHashCodeAs(byColumns);
        }
    }

    @Nested
    class BadRows {

        static Stream<Arguments> wrongTypes() {
            return Stream.of(
                    Arguments.of(0, "34", "row 1, column 'age' (1) is NUMERIC and needs a value of type Number but got String 34"),
                    Arguments.of(0, true, "row 1, column 'age' (1) is NUMERIC and needs a value of type Number but got Boolean true"),
                    Arguments.of(1, 5, "row 1, column 'city' (2) is CATEGORICAL and needs a value of type String but got Integer 5"),
                    Arguments.of(1, 'M', "row 1, column 'city' (2) is CATEGORICAL and needs a value of type String but got Character M"),
                    Arguments.of(2, "true", "row 1, column 'member' (3) is BOOLEAN and needs a value of type Boolean but got String true"),
                    Arguments.of(3, "2024-01-01T00:00:00Z",
                            "row 1, column 'joined' (4) is TIMESTAMP and needs a value of type Instant but got String 2024-01-01T00:00:00Z"),
                    Arguments.of(3, 1_704_067_200L,
                            "row 1, column 'joined' (4) is TIMESTAMP and needs a value of type Instant but got Long 1704067200"),
                    Arguments.of(4, 3.5, "row 1, column 'note' (5) is TEXT and needs a value of type String but got Double 3.5"),
                    Arguments.of(0, 9_007_199_254_740_993L, "row 1, column 'age' (1) is NUMERIC, and the integer "
                            + "9007199254740993 is beyond 2^53, where a double loses digits; store ids in a categorical column"));
        }

        @ParameterizedTest(name = "field {0} given {1}")
        @MethodSource("wrongTypes")
        void aValueOfTheWrongTypeNamesRowColumnAndTypes(int field, Object bad, String message) {
            Object[] row = {1, "München", true, JAN_1, "note"};
            row[field] = bad;
            RowBuilder builder = Table.rowBuilder(SCHEMA).addRow(0, "São Paulo", false, JAN_1, "ok");

            assertThatThrownBy(() -> builder.addRow(row))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }

        @ParameterizedTest(name = "field {0} given {1}")
        @MethodSource("wrongTypes")
        void nothingOfABadRowIsAppended(int field, Object bad, String ignored) {
            Object[] row = {1, "München", true, JAN_1, "note"};
            row[field] = bad;
            RowBuilder builder = Table.rowBuilder(SCHEMA).addRow(0, "São Paulo", false, JAN_1, "ok");

            assertThatThrownBy(() -> builder.addRow(row)).isInstanceOf(IllegalArgumentException.class);
            builder.addRow(2, "Hamburg", null, null, "next");

            assertThat(builder.rowCount()).isEqualTo(2);
            Table table = builder.build();
            assertThat(table.rowCount()).isEqualTo(2);
            assertThat(table.numericColumn("age").toArray()).containsExactly(0.0, 2.0);
            assertThat(table.categoricalColumn("city").levels())
                    .as("a level seen only in the rejected row is not in the dictionary")
                    .containsExactly("São Paulo", "Hamburg");
            assertThat(table.textColumn("note").get(1)).isEqualTo("next");
        }

        @Test
        void aRowOfTheWrongLengthNamesTheFields() {
            RowBuilder builder = Table.rowBuilder(SCHEMA);

            assertThatThrownBy(() -> builder.addRow(1, "a"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row 0 has 2 values but the schema has 5 fields: age, city, member, joined, note");
            assertThatThrownBy(() -> builder.addRow(1, "a", true, JAN_1, "x", "extra"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("row 0 has 6 values but the schema has 5 fields");
            assertThat(builder.rowCount()).isZero();
        }

        @Test
        void nullArgumentsAreRejected() {
            RowBuilder builder = Table.rowBuilder(SCHEMA);

            assertThatThrownBy(() -> builder.addRow((Object[]) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Table.rowBuilder(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
