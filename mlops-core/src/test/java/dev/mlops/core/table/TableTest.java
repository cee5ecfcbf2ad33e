package dev.mlops.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.SchemaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableTest {

    private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");

    /** age (numeric, one NaN, one missing), city (categorical, one missing), member (boolean). */
    private static Table people() {
        return Table.builder()
                .add(NumericColumn.builder("age").add(34).add(Double.NaN).addMissing().add(51).build())
                .categorical("city", "München", "São Paulo", null, "München")
                .bool("member", true, false, true, null)
                .build();
    }

    /** One column of each type, named after its type. */
    private static Table allTypes() {
        return Table.builder()
                .numeric("numeric", 1.0, 2.0)
                .categorical("categorical", "a", "b")
                .bool("boolean", true, false)
                .timestamp("timestamp", JAN_1, JAN_1)
                .text("text", "x", "y")
                .build();
    }

    @Nested
    class Construction {

        @Test
        void ofKeepsColumnsInOrderAndDerivesTheSchema() {
            NumericColumn age = NumericColumn.of("age", 1.0, 2.0);
            TextColumn note = TextColumn.of("note", "a", "b");

            Table table = Table.of(note, age);

            assertThat(table.columns()).containsExactly(note, age);
            assertThat(table.schema()).isEqualTo(Schema.of(Field.of("note", ColumnType.TEXT),
                    Field.of("age", ColumnType.NUMERIC)));
            assertThat(table.rowCount()).isEqualTo(2);
            assertThat(table.columnCount()).isEqualTo(2);
            assertThat(Table.of(List.of(note, age))).isEqualTo(table);
        }

        @Test
        void theBuilderAddsOneColumnPerTypeHelper() {
            Table table = allTypes();

            assertThat(table.schema().fields()).extracting(Field::type).containsExactly(ColumnType.values());
            assertThat(table.schema().names()).containsExactly("numeric", "categorical", "boolean", "timestamp", "text");
            assertThat(table.rowCount()).isEqualTo(2);
        }

        @Test
        void builderHelpersTakeNullAsMissing() {
            Table table = Table.builder()
                    .categorical("c", "a", null)
                    .bool("b", null, true)
                    .timestamp("t", JAN_1, null)
                    .text("x", null, "y")
                    .build();

            assertThat(table.columns()).extracting(Column::missingCount).containsExactly(1, 1, 1, 1);
        }

        @Test
        void raggedColumnsNameBothColumnsAndSizes() {
            assertThatThrownBy(() -> Table.of(NumericColumn.of("a", 1, 2, 3), TextColumn.of("b", "x", "y")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'b' has 2 rows but column 'a' has 3");
            assertThatThrownBy(() -> Table.builder().numeric("a").text("b", "x").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'b' has 1 rows but column 'a' has 0");
        }

        @Test
        void repeatedColumnNamesAreRejected() {
            assertThatThrownBy(() -> Table.of(NumericColumn.of("a", 1), TextColumn.of("a", "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field name 'a' appears twice, at positions 1 and 2");
        }

        @Test
        void nullsAreRejected() {
            assertThatThrownBy(() -> Table.of((List<Column>) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Table.of(NumericColumn.of("a", 1), null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Table.builder().add(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void columnsAreUnmodifiableAndTheInputListIsCopied() {
            List<Column> input = new ArrayList<>(List.of(NumericColumn.of("a", 1)));
            Table table = Table.of(input);

            input.add(TextColumn.of("b", "x"));

            assertThat(table.columnCount()).isEqualTo(1);
            assertThatThrownBy(() -> table.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void emptyHasTheSchemaAndNoRows() {
            Schema schema = allTypes().schema();

            Table empty = Table.empty(schema);

            assertThat(empty.schema()).isEqualTo(schema);
            assertThat(empty.rowCount()).isZero();
            assertThat(empty.columnCount()).isEqualTo(5);
        }

        @Test
        void aTableWithoutColumnsHasNoRows() {
            Table none = Table.of();

            assertThat(none.rowCount()).isZero();
            assertThat(none.columnCount()).isZero();
            assertThat(none.schema()).isEqualTo(Schema.of());
            assertThat(none).isEqualTo(Table.empty(Schema.of()));
        }
    }

    @Nested
    class Lookup {

        @Test
        void findsColumnsByPositionAndName() {
            Table table = people();

            assertThat(table.column(1).name()).isEqualTo("city");
            assertThat(table.column("member")).isSameAs(table.column(2));
        }

        @Test
        void typedAccessorsReturnTheColumn() {
            Table table = allTypes();

            assertThat(table.numericColumn("numeric")).isSameAs(table.column(0));
            assertThat(table.categoricalColumn("categorical")).isSameAs(table.column(1));
            assertThat(table.booleanColumn("boolean")).isSameAs(table.column(2));
            assertThat(table.timestampColumn("timestamp")).isSameAs(table.column(3));
            assertThat(table.textColumn("text")).isSameAs(table.column(4));
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"agee", "AGE", "Stadt"})
        void anUnknownNameListsTheColumns(String name) {
            Table table = people();
            String expected = "no column named '" + name + "'; the 3 columns are: age, city, member";

            assertThatThrownBy(() -> table.column(name)).isInstanceOf(SchemaException.class).hasMessage(expected);
            assertThatThrownBy(() -> table.numericColumn(name)).isInstanceOf(SchemaException.class).hasMessage(expected);
            assertThatThrownBy(() -> table.select("age", name)).isInstanceOf(SchemaException.class).hasMessage(expected);
        }

        @ParameterizedTest(name = "position {0}")
        @ValueSource(ints = {-1, 3})
        void aPositionOutsideTheTableIsRejected(int index) {
            Table table = people();

            assertThatThrownBy(() -> table.column(index)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        static Stream<Arguments> wrongTypes() {
            Table table = allTypes();
            List<Arguments> cases = new ArrayList<>();
            List<BiFunction<Table, String, Column>> accessors = List.of(
                    Table::numericColumn, Table::categoricalColumn, Table::booleanColumn, Table::timestampColumn,
                    Table::textColumn);
            for (ColumnType actual : ColumnType.values()) {
                for (ColumnType asked : ColumnType.values()) {
                    if (actual != asked) {
                        cases.add(Arguments.of(table, actual, asked, accessors.get(asked.ordinal())));
                    }
                }
            }
            return cases.stream();
        }

        @ParameterizedTest(name = "{1} column read as {2}")
        @MethodSource("wrongTypes")
        void aColumnOfAnotherTypeIsNamedWithBothTypes(Table table, ColumnType actual, ColumnType asked,
                BiFunction<Table, String, Column> accessor) {
            String name = actual.name().toLowerCase(Locale.ROOT);

            assertThatThrownBy(() -> accessor.apply(table, name))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("column '" + name + "' is " + actual + ", not " + asked);
        }

        @Test
        void theWrongTypeMessageReadsNaturally() {
            Table table = Table.builder().numeric("age", 34).build();

            assertThatThrownBy(() -> table.categoricalColumn("age"))
                    .isInstanceOf(SchemaException.class)
                    .hasMessage("column 'age' is NUMERIC, not CATEGORICAL");
        }
    }

    @Nested
    class MissingValues {

        @Test
        void aNaNIsNotMissingAndAMissingNumberReadsAsNaN() {
            NumericColumn age = people().numericColumn("age");

            assertThat(age.get(1)).isNaN();
            assertThat(age.isMissing(1)).isFalse();
            assertThat(age.get(2)).isNaN();
            assertThat(age.isMissing(2)).isTrue();
            assertThat(age.missingCount()).isEqualTo(1);
        }

        @Test
        void missingCountsArePerColumn() {
            assertThat(people().columns()).extracting(Column::missingCount).containsExactly(1, 1, 1);
        }

        @Test
        void getOfAMissingValueNamesRowAndColumn() {
            Table table = people();

            assertThatThrownBy(() -> table.categoricalColumn("city").get(2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 2 of column 'city' is missing; check isMissing(row) first");
            assertThatThrownBy(() -> table.booleanColumn("member").get(3))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 3 of column 'member' is missing; check isMissing(row) first");
        }
    }

    @Nested
    class Views {

        @Test
        void rowsReordersAndRepeats() {
            Table view = people().rows(3, 0, 3, 2);

            assertThat(view.rowCount()).isEqualTo(4);
            assertThat(view.schema()).isEqualTo(people().schema());
            assertThat(view.numericColumn("age").toArray()).containsExactly(51.0, 34.0, 51.0, Double.NaN);
            assertThat(view.numericColumn("age").isMissing(3)).isTrue();
            assertThat(view.categoricalColumn("city").format(1)).isEqualTo("München");
            assertThat(view.booleanColumn("member").isMissing(0)).isTrue();
            assertThat(view.booleanColumn("member").isMissing(2)).isTrue();
            assertThat(view.booleanColumn("member").missingCount()).isEqualTo(2);
        }

        @Test
        void aViewOfAViewSelectsFromTheView() {
            Table view = people().rows(3, 2, 1, 0).rows(3, 3, 1);

            assertThat(view).isEqualTo(people().rows(0, 0, 2));
            assertThat(view.numericColumn("age").isMissing(2)).isTrue();
            assertThat(view.numericColumn("age").get(0)).isEqualTo(34.0);
        }

        @Test
        void aViewSharesTheSourceValues() {
            SplittableRandom random = new SplittableRandom(7);
            int size = 1000;
            NumericColumn.Builder x = NumericColumn.builder("x");
            String[] cities = {"München", "São Paulo", "Hamburg"};
            String[] city = new String[size];
            for (int i = 0; i < size; i++) {
                if (random.nextInt(10) == 0) {
                    x.addMissing();
                } else {
                    x.add(random.nextDouble());
                }
                city[i] = random.nextInt(10) == 0 ? null : cities[random.nextInt(3)];
            }
            Table source = Table.builder().add(x.build()).categorical("city", city).build();
            int[] rows = random.ints(2000, 0, size).toArray();

            Table view = source.rows(rows);

            assertThat(view.rowCount()).isEqualTo(rows.length);
            for (int c = 0; c < source.columnCount(); c++) {
                for (int i = 0; i < rows.length; i++) {
                    assertThat(view.column(c).valueEquals(i, source.column(c), rows[i]))
                            .as("column %d, view row %d = source row %d", c, i, rows[i])
                            .isTrue();
                }
            }
            assertThat(view.categoricalColumn("city").levels()).isSameAs(source.categoricalColumn("city").levels());
        }

        @Test
        void anEmptySelectionKeepsTheSchema() {
            Table view = people().rows();

            assertThat(view.rowCount()).isZero();
            assertThat(view).isEqualTo(Table.empty(people().schema()));
        }

        @ParameterizedTest(name = "row {0}")
        @ValueSource(ints = {4, -1, Integer.MAX_VALUE})
        void aRowOutsideTheTableNamesItsPosition(int bad) {
            Table table = people();

            assertThatThrownBy(() -> table.rows(0, 1, bad))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("rows[2] = " + bad + " is outside column 'age' of 4 rows");
        }

        @Test
        void anyRowOfATableWithoutColumnsIsOutside() {
            assertThatThrownBy(() -> Table.of().rows(0))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("rows[0] = 0 is outside a table of no columns and 0 rows");
            assertThat(Table.of().rows().rowCount()).isZero();
        }

        @Test
        void rowsRejectsNull() {
            assertThatThrownBy(() -> people().rows((int[]) null)).isInstanceOf(NullPointerException.class);
        }

        @ParameterizedTest(name = "head({0})")
        @ValueSource(ints = {0, 1, 3, 4, 5, 1000, Integer.MAX_VALUE})
        void headTakesAtMostTheRowsThereAre(int n) {
            Table table = people();

            Table head = table.head(n);

            int expected = Math.min(n, 4);
            assertThat(head.rowCount()).isEqualTo(expected);
            assertThat(head).isEqualTo(table.rows(IntStream.range(0, expected).toArray()));
        }

        @Test
        void headOfTheWholeTableEqualsIt() {
            assertThat(people().head(10)).isEqualTo(people());
        }

        @Test
        void headRejectsANegativeCount() {
            assertThatThrownBy(() -> people().head(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("n must not be negative but was -1");
        }

        @Test
        void selectPicksColumnsInTheGivenOrderWithoutCopying() {
            Table table = people();

            Table selected = table.select("member", "age");

            assertThat(selected.schema().names()).containsExactly("member", "age");
            assertThat(selected.column(0)).isSameAs(table.column("member"));
            assertThat(selected.column(1)).isSameAs(table.column("age"));
            assertThat(selected.rowCount()).isEqualTo(4);
        }

        @Test
        void selectRejectsARepeatedName() {
            assertThatThrownBy(() -> people().select("age", "age"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field name 'age' appears twice, at positions 1 and 2");
        }
    }

    @Nested
    class EqualsAndHashCode {

        @Test
        void tablesOfEqualCellsAreEqual() {
            Table left = people();
            Table right = people();

            assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
            assertThat(left).isEqualTo(left);
        }

        @Test
        void nanEqualsNaN() {
            Table left = Table.builder().numeric("x", Double.NaN, 1.0).build();
            Table right = Table.builder().numeric("x", Double.longBitsToDouble(0x7ff8_0000_0000_0002L), 1.0).build();

            assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
        }

        @Test
        void aMissingNumberDoesNotEqualNaN() {
            Table nan = Table.builder().numeric("x", Double.NaN).build();
            Table missing = Table.builder().add(NumericColumn.builder("x").addMissing().build()).build();

            assertThat(nan).isNotEqualTo(missing);
            assertThat(missing).isNotEqualTo(nan);
        }

        @Test
        void categoricalTablesWithDifferentlyOrderedDictionariesAreEqual() {
            Table left = Table.builder().categorical("city", "München", "São Paulo", null, "Hamburg").build();
            Table reordered = Table.builder()
                    .add(CategoricalColumn.builder("city").add("Hamburg").add("São Paulo").add("München").addMissing()
                            .build())
                    .build()
                    .rows(2, 1, 3, 0);

            assertThat(left.categoricalColumn("city").levels()).containsExactly("München", "São Paulo", "Hamburg");
            assertThat(reordered.categoricalColumn("city").levels()).containsExactly("Hamburg", "São Paulo", "München");
            assertThat(left).isEqualTo(reordered).hasSameHashCodeAs(reordered);
            assertThat(reordered).isEqualTo(left);
        }

        @Test
        void aMissingCategoryDoesNotEqualAPresentOne() {
            Table left = Table.builder().categorical("city", "München", null).build();

            assertThat(left).isNotEqualTo(Table.builder().categorical("city", "München", "Hamburg").build());
            assertThat(left).isNotEqualTo(Table.builder().categorical("city", null, "München").build());
        }

        @Test
        void aViewEqualsAFreshTableOfTheSameValues() {
            Table view = people().rows(3, 1);
            Table fresh = Table.builder()
                    .numeric("age", 51, Double.NaN)
                    .categorical("city", "München", "São Paulo")
                    .bool("member", null, false)
                    .build();

            assertThat(view).isEqualTo(fresh).hasSameHashCodeAs(fresh);
            assertThat(fresh).isEqualTo(view);
        }

        @Test
        void aDifferentSchemaIsNotEqual() {
            Table categorical = Table.builder().categorical("c", "a", "b").build();

            assertThat(categorical).as("same strings as text").isNotEqualTo(Table.builder().text("c", "a", "b").build());
            assertThat(categorical).as("another name").isNotEqualTo(Table.builder().categorical("d", "a", "b").build());
            assertThat(people()).as("another order").isNotEqualTo(people().select("city", "age", "member"));
            assertThat(people()).as("fewer columns").isNotEqualTo(people().select("age", "city"));
        }

        @Test
        void differentCellsOrRowCountsAreNotEqual() {
            Table table = Table.builder().numeric("x", 1.0, 2.0).build();

            assertThat(table).isNotEqualTo(Table.builder().numeric("x", 1.0, 3.0).build());
            assertThat(table).isNotEqualTo(Table.builder().numeric("x", 1.0).build());
            assertThat(table).isNotEqualTo(Table.builder().numeric("x", 1.0, 2.0, 3.0).build());
            assertThat(table).isNotEqualTo(Table.builder().numeric("x", 2.0, 1.0).build());
            assertThat(Table.builder().numeric("x", 0.0).build()).isNotEqualTo(Table.builder().numeric("x", -0.0).build());
        }

        @Test
        void timestampsCompareToTheNanosecond() {
            Table table = Table.builder().timestamp("t", JAN_1).build();

            assertThat(table).isEqualTo(Table.builder().timestamp("t", Instant.parse("2024-01-01T00:00:00Z")).build());
            assertThat(table).isNotEqualTo(Table.builder().timestamp("t", JAN_1.plusNanos(1)).build());
        }

        @Test
        void aTableIsNotEqualToNullOrAnotherType() {
            assertThat(people()).isNotEqualTo(null);
            assertThat(people()).isNotEqualTo(people().toString());
        }

        @Test
        void emptyTablesOfTheSameSchemaAreEqual() {
            Schema schema = people().schema();

            assertThat(Table.empty(schema)).isEqualTo(people().head(0)).hasSameHashCodeAs(people().head(0));
        }
    }

    @Nested
    class ToString {

        private Locale locale;
        private TimeZone zone;

        @BeforeEach
        void germanLocaleAndIndianZone() {
            locale = Locale.getDefault();
            zone = TimeZone.getDefault();
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        }

        @AfterEach
        void restore() {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }

        private Table thousandRows() {
            NumericColumn.Builder x = NumericColumn.builder("x");
            CategoricalColumn.Builder city = CategoricalColumn.builder("city");
            BooleanColumn.Builder flag = BooleanColumn.builder("flag");
            for (int i = 0; i < 1000; i++) {
                x.add(i + 0.5);
                city.add(i % 2 == 0 ? "München" : "São Paulo");
                flag.add(i % 3 == 0);
            }
            return Table.builder().add(x.build()).add(city.build()).add(flag.build()).build();
        }

        @Test
        void startsWithTheShape() {
            assertThat(thousandRows().toString().lines().findFirst()).hasValue("Table[1000 rows x 3 columns]");
        }

        @Test
        void showsTheColumnNamesThenTenRowsThenHowManyMore() {
            List<String> lines = thousandRows().toString().lines().toList();

            assertThat(lines).hasSize(1 + 1 + 10 + 1);
            assertThat(lines.get(1)).isEqualTo("x    city       flag");
            assertThat(lines.get(2)).isEqualTo("0.5  München    true");
            assertThat(lines.get(3)).isEqualTo("1.5  São Paulo  false");
            assertThat(lines.get(11)).isEqualTo("9.5  São Paulo  true");
            assertThat(lines.get(12)).isEqualTo("... 990 more rows");
        }

        @Test
        void aLongCellIsCutWithItsLengthAndControlCharactersAreEscaped() {
            String name = "n".repeat(200);
            Table table = Table.builder().text(name, "a".repeat(50_000), "one\ntwo\tthree\u0007").text("b", "x", "y")
                    .build();

            String text = table.toString();
            List<String> lines = text.lines().toList();

            assertThat(text.length()).isLessThan(400);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(1)).startsWith("n".repeat(39) + "… (200 characters)").endsWith("  b");
            assertThat(lines.get(2)).startsWith("a".repeat(39) + "… (50,000 characters)").endsWith("  x");
            assertThat(lines.get(3)).startsWith("one\\ntwo\\tthree\\u0007 ").endsWith("  y");
            assertThat(lines.get(1).indexOf(" b")).isEqualTo(lines.get(2).indexOf(" x")).isEqualTo(lines.get(3).indexOf(" y"));
        }

        @Test
        void noMoreRowsLineWhenEveryRowIsShown() {
            List<String> lines = thousandRows().head(10).toString().lines().toList();

            assertThat(lines).hasSize(12);
            assertThat(lines.get(0)).isEqualTo("Table[10 rows x 3 columns]");
            assertThat(lines).noneMatch(line -> line.contains("more rows"));
        }

        @Test
        void missingValuesShowAsMissing() {
            List<String> lines = people().toString().lines().toList();

            assertThat(lines).containsExactly(
                    "Table[4 rows x 3 columns]",
                    "age        city       member",
                    "34         München    true",
                    "NaN        São Paulo  false",
                    "<missing>  <missing>  true",
                    "51         München    <missing>");
        }

        @Test
        void numbersKeepADecimalPointUnderTheGermanLocale() {
            Table table = Table.builder().numeric("x", 1.5, 1234.25, -0.0, 1e20, Double.NEGATIVE_INFINITY).build();

            String text = table.toString();

            assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
            assertThat(String.format("%.1f", 1.5)).as("the locale really uses a decimal comma").isEqualTo("1,5");
            assertThat(text.lines().skip(2).toList()).containsExactly("1.5", "1234.25", "-0.0", "1.0E20", "-Infinity");
            assertThat(text).doesNotContain(",");
        }

        @Test
        void timestampsShowInUtcWhateverTheDefaultZone() {
            Table table = Table.builder().timestamp("at", JAN_1).build();

            assertThat(table.toString().lines().toList()).containsExactly(
                    "Table[1 rows x 1 columns]", "at", "2024-01-01T00:00:00Z");
        }

        @Test
        void valuesAndNamesOfUpToFortyCharactersAreShownWhole() {
            String longText = "Grüße aus München und São Paulo";
            Table table = Table.builder().text("a very long column name indeed", longText).numeric("n", 1).build();

            List<String> lines = table.toString().lines().toList();

            assertThat(lines.get(1)).isEqualTo("a very long column name indeed   n");
            assertThat(lines.get(2)).isEqualTo("Grüße aus München und São Paulo  1");
        }

        @Test
        void aTableWithoutRowsShowsTheNames() {
            assertThat(Table.empty(people().schema()).toString().lines().toList())
                    .containsExactly("Table[0 rows x 3 columns]", "age  city  member");
        }
    }
}
