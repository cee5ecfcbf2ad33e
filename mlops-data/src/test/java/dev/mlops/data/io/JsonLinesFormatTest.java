package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {
    private static final Path CREDIT = Path.of(System.getProperty("mlops.data.dir"), "credit-g.csv");

    private static Table read(JsonLinesFormat format, String jsonl) {
        return format.read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "test.jsonl");
    }

    private static Table read(String jsonl) {
        return read(JsonLinesFormat.defaults(), jsonl);
    }

    private static String write(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesFormat.defaults().write(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void creditGRoundTripsThroughJsonLinesWithInferredTypes() {
        Table credit = CsvFormat.defaults().read(CREDIT);

        Table back = read(write(credit));

        assertThat(back.schema()).isEqualTo(credit.schema());
        assertThat(back).isEqualTo(credit);
    }

    @Nested
    class Inference {
        @Test
        void typesComeFromJsonValues() {
            Table table = read("{\"n\":1,\"b\":true,\"s\":\"x\",\"t\":\"2024-01-31T12:00:00Z\",\"f\":\"NaN\",\"q\":\"12\"}\n"
                    + "{\"n\":2.5,\"b\":false,\"s\":\"y\",\"t\":\"2024-02-01T00:00:00+01:00\",\"f\":1.5,\"q\":\"13\"}\n");

            assertThat(table.schema()).isEqualTo(Schema.of(Field.of("n", ColumnType.NUMERIC), Field.of("b", ColumnType.BOOLEAN),
                    Field.of("s", ColumnType.CATEGORICAL), Field.of("t", ColumnType.TIMESTAMP), Field.of("f", ColumnType.NUMERIC),
                    Field.of("q", ColumnType.CATEGORICAL)));
            assertThat(table.timestampColumn("t").get(1)).isEqualTo(Instant.parse("2024-01-31T23:00:00Z"));
            NumericColumn f = table.numericColumn("f");
            assertThat(f.get(0)).isNaN();
            assertThat(f.isMissing(0)).isFalse();
        }

        @Test
        void nullsAbsentKeysAndLateKeysAreMissing() {
            Table table = read("{\"a\":1}\n{\"a\":null,\"b\":\"x\"}\n{\"b\":\"y\"}\n");

            assertThat(table.schema().names()).containsExactly("a", "b");
            assertThat(table.numericColumn("a").isMissing(1)).isTrue();
            assertThat(table.numericColumn("a").isMissing(2)).isTrue();
            assertThat(table.categoricalColumn("b").isMissing(0)).isTrue();
            assertThat(table.categoricalColumn("b").get(2)).isEqualTo("y");
        }

        @Test
        void aColumnOfNumbersAndStringsIsCategoricalWithTheLiteralTexts() {
            Table table = read("{\"a\":5}\n{\"a\":\"abc\"}\n{\"a\":1.50}\n");

            assertThat(table.column("a").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(table.categoricalColumn("a").levels()).containsExactly("5", "abc", "1.50");
        }

        @Test
        void integersBeyondTwoToThe53AreCategoricalIds() {
            Table table = read("{\"id\":12345678901234567890}\n");

            assertThat(table.categoricalColumn("id").get(0)).isEqualTo("12345678901234567890");
        }

        @Test
        void blankLinesAreSkippedAndAnEmptyInputHasNoColumns() {
            assertThat(read("\n{\"a\":1}\n   \n{\"a\":2}\n").rowCount()).isEqualTo(2);
            assertThat(read("").columnCount()).isZero();
        }
    }

    @Nested
    class Errors {
        @Test
        void malformedJsonNamesItsPhysicalLine() {
            assertThatThrownBy(() -> read("{\"a\":1}\n\n{\"a\":\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageStartingWith("test.jsonl line 3: malformed JSON")
                    .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
        }

        @Test
        void invalidUtf8IsAnErrorNamingLineAndByteOffsetNotAReplacementCharacter() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("{\"city\":\"Bonn\"}\n\n{\"city\":\"M".getBytes(StandardCharsets.US_ASCII));
            bytes.write(0xFC);
            bytes.writeBytes("nchen\"}\n".getBytes(StandardCharsets.US_ASCII));

            assertThatThrownBy(() -> JsonLinesFormat.defaults().read(new ByteArrayInputStream(bytes.toByteArray()),
                    "test.jsonl"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.jsonl line 3: the byte 0xFC at byte offset 27 is not valid UTF-8; JSON Lines "
                            + "is UTF-8")
                    .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
        }

        @Test
        void aLineMustHoldExactlyOneFlatObject() {
            assertThatThrownBy(() -> read("[1,2]\n"))
                    .hasMessage("test.jsonl line 1: expected a JSON object but found \"[1,2]\"");
            assertThatThrownBy(() -> read("{\"a\":1} {\"a\":2}\n"))
                    .hasMessageStartingWith("test.jsonl line 1: expected one JSON object on the line");
            assertThatThrownBy(() -> read("{\"a\":1}\n{\"a\":{\"b\":2}}\n"))
                    .hasMessage("test.jsonl line 2, column 'a' (1): expected a flat value (string, number, boolean or null)"
                            + " but found a nested object");
            assertThatThrownBy(() -> read("{\"a\":1,\"a\":2}\n"))
                    .hasMessage("test.jsonl line 1: the key 'a' appears twice in one object");
        }

        @Test
        void aGivenSchemaRejectsUnknownKeysAndValuesOfTheWrongType() {
            JsonLinesFormat format = JsonLinesFormat.builder()
                    .schema(Schema.of(Field.of("age", ColumnType.NUMERIC), Field.of("city", ColumnType.CATEGORICAL))).build();

            assertThatThrownBy(() -> read(format, "{\"age\":1,\"town\":\"x\"}\n"))
                    .hasMessage("test.jsonl line 1: the key 'town' is not a column of the schema; the schema's columns are age, city");
            assertThatThrownBy(() -> read(format, "{\"age\":1}\n{\"age\":\"12\"}\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.jsonl line 2, column 'age' (1): expected a number but found \"12\"");
        }

        @Test
        void aGivenSchemaGivesColumnsThatNoObjectHas() {
            JsonLinesFormat format = JsonLinesFormat.builder()
                    .schema(Schema.of(Field.of("age", ColumnType.NUMERIC), Field.of("city", ColumnType.TEXT))).build();

            Table table = read(format, "{\"age\":1}\n");

            assertThat(table.schema()).isEqualTo(format.schema().orElseThrow());
            assertThat(table.textColumn("city").isMissing(0)).isTrue();
        }
    }

    @Test
    void writesKeysInSchemaOrderNullForMissingAndNonFiniteNumbersAsStrings() {
        Table table = Table.rowBuilder(Schema.of(Field.of("x", ColumnType.NUMERIC), Field.of("city", ColumnType.TEXT),
                        Field.of("ok", ColumnType.BOOLEAN), Field.of("at", ColumnType.TIMESTAMP)))
                .addRow(42.0, "München", true, Instant.parse("2024-01-31T12:00:00Z"))
                .addRow(Double.NEGATIVE_INFINITY, null, null, null)
                .addRow(0.25, "São \"Paulo\"", false, null)
                .build();

        String jsonl = write(table);

        assertThat(jsonl).isEqualTo("{\"x\":42,\"city\":\"München\",\"ok\":true,\"at\":\"2024-01-31T12:00:00Z\"}\n"
                + "{\"x\":\"-Infinity\",\"city\":null,\"ok\":null,\"at\":null}\n"
                + "{\"x\":0.25,\"city\":\"São \\\"Paulo\\\"\",\"ok\":false,\"at\":null}\n");
        assertThat(read(JsonLinesFormat.builder().schema(table.schema()).build(), jsonl)).isEqualTo(table);
    }
}
