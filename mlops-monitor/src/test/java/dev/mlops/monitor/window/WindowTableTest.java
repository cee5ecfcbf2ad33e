package dev.mlops.monitor.window;

import static dev.mlops.monitor.window.Records.T0;
import static dev.mlops.monitor.window.Records.withInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.monitor.capture.CapturePolicy;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WindowTableTest {
    private static final Schema SCHEMA = Schema.of(Field.of("age", ColumnType.NUMERIC),
            Field.sensitive("city", ColumnType.CATEGORICAL), Field.of("vip", ColumnType.BOOLEAN),
            Field.of("seen", ColumnType.TIMESTAMP), Field.of("note", ColumnType.TEXT));

    private static Map<String, @Nullable Object> row(Object... pairs) {
        Map<String, @Nullable Object> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static Window window(CaptureRecord... records) {
        return new Window(7, T0, T0.plusSeconds(3600), List.of(records));
    }

    @Nested
    class Values {
        @Test
        void eachTypeReadsWhatItsJsonCanBe() {
            Window window = window(
                    withInput("a", row("age", 41, "city", "München", "vip", true, "seen", "2026-12-07T01:00:00Z",
                            "note", "São Paulo")),
                    withInput("b", row("age", 2.5, "city", 7L, "vip", "FALSE", "seen", "2026-12-07T02:00:00+01:00")),
                    withInput("c", row("age", "NaN", "city", false, "vip", "False", "note", null)),
                    withInput("d", row("age", "Infinity", "city", 1.0, "extra", "ignored", "vip", "TRUE")),
                    withInput("f", row("age", 9_007_199_254_740_992L, "vip", false)),
                    withInput("e", row("age", "-Infinity", "city", new BigInteger("123456789012345678901"))));
            WindowTable read = window.inputs(CaptureStage.AFTER_MODEL, SCHEMA);
            Table table = read.table();
            assertThat(read.window()).isEqualTo(7);
            assertThat(read.rows()).isEqualTo(6);
            assertThat(read.isEmpty()).isFalse();
            assertThat(read.wrongType()).isZero();
            assertThat(read.masked()).isZero();
            assertThat(read.problems()).isEmpty();
            NumericColumn age = table.numericColumn("age");
            assertThat(age.get(0)).isEqualTo(41.0);
            assertThat(age.get(1)).isEqualTo(2.5);
            assertThat(age.get(2)).isNaN();
            assertThat(age.get(3)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(age.get(5)).isEqualTo(Double.NEGATIVE_INFINITY);
            CategoricalColumn city = table.categoricalColumn("city");
            assertThat(List.of(city.get(0), city.get(1), city.get(2), city.get(3), city.get(5)))
                    .containsExactly("München", "7", "false", "1", "123456789012345678901");
            assertThat(table.schema().field("city").sensitive()).isTrue();
            BooleanColumn vip = table.booleanColumn("vip");
            assertThat(vip.get(0)).isTrue();
            assertThat(vip.get(1)).isFalse();
            assertThat(vip.get(2)).isFalse();
            assertThat(vip.get(3)).isTrue();
            assertThat(vip.get(4)).isFalse();
            assertThat(age.get(4)).isEqualTo(9_007_199_254_740_992.0);
            assertThat(vip.isMissing(5)).isTrue();
            assertThat(table.timestampColumn("seen").get(0)).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
            assertThat(table.timestampColumn("seen").get(1)).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
            assertThat(table.timestampColumn("seen").isMissing(2)).isTrue();
            assertThat(table.textColumn("note").get(0)).isEqualTo("São Paulo");
            assertThat(table.textColumn("note").isMissing(2)).isTrue();
            assertThat(table.textColumn("note").isMissing(3)).isTrue();
        }

        @Test
        void maskedValuesReadAsMissingAndAreCounted() {
            WindowTable read = window(withInput("a", row("age", CapturePolicy.MASK, "city", CapturePolicy.MASK)))
                    .inputs(CaptureStage.AFTER_MODEL, SCHEMA);
            assertThat(read.masked()).isEqualTo(2);
            assertThat(read.table().numericColumn("age").isMissing(0)).isTrue();
            assertThat(read.table().categoricalColumn("city").isMissing(0)).isTrue();
            assertThat(read.wrongType()).isZero();
        }

        @Test
        void outputsAreReadFromTheOutputRow() {
            WindowTable read = window(withInput("a", row("age", 1)))
                    .outputs(CaptureStage.AFTER_MODEL, Schema.of(Field.of("p", ColumnType.CATEGORICAL)));
            assertThat(read.table().categoricalColumn("p").get(0)).isEqualTo("yes");
        }
    }

    @Nested
    class BadInput {
        @Test
        void aValueOfTheWrongTypeIsMissingCountedAndNamedWithItsInferenceId() {
            WindowTable read = window(
                    withInput("req-1", row("age", "forty", "city", 2.5, "vip", "yes", "seen", "yesterday", "note", 3)),
                    withInput("req-2", row("age", true, "city", List.of("a"), "vip", 1, "seen", 5, "note", "ok")),
                    withInput("req-3", row("age", 9_007_199_254_740_993L, "city", Double.NaN, "vip", true,
                            "seen", "2026-12-07T00:00:00Z")),
                    withInput("req-4", row("age", new BigInteger("9007199254740993"), "city", 1.5f)))
                    .inputs(CaptureStage.AFTER_MODEL, SCHEMA);
            assertThat(read.rows()).isEqualTo(4);
            assertThat(read.wrongType()).isEqualTo(13);
            assertThat(read.problems()).hasSize(13);
            assertThat(read.problems().get(0)).isEqualTo(new WindowProblem(7, "req-1", "age",
                    "string \"forty\" is not a numeric value; expected a number (an integer within ±2^53) or \"NaN\","
                            + " \"Infinity\", \"-Infinity\" (read as missing)"));
            assertThat(read.problems().get(0).toString()).startsWith("window 7, inference req-1, column 'age': string");
            assertThat(read.problems()).extracting(WindowProblem::message).anySatisfy(message -> assertThat(message)
                    .isEqualTo("double 2.5 is not a categorical value; expected a string, a boolean or a whole number"
                            + " (read as missing)"))
                    .anySatisfy(message -> assertThat(message).isEqualTo(
                            "string \"yes\" is not a boolean value; expected true or false (read as missing)"))
                    .anySatisfy(message -> assertThat(message).startsWith(
                            "string \"yesterday\" is not a timestamp value; expected an ISO-8601 time"))
                    .anySatisfy(message -> assertThat(message).isEqualTo(
                            "integer 3 is not a text value; expected a string (read as missing)"))
                    .anySatisfy(message -> assertThat(message).startsWith("long 9007199254740993 is not a numeric"));
            Table table = read.table();
            for (int row = 0; row < 2; row++) {
                assertThat(table.numericColumn("age").isMissing(row)).isTrue();
                assertThat(table.categoricalColumn("city").isMissing(row)).isTrue();
                assertThat(table.booleanColumn("vip").isMissing(row)).isTrue();
                assertThat(table.timestampColumn("seen").isMissing(row)).isTrue();
            }
            assertThat(table.textColumn("note").get(1)).isEqualTo("ok");
            assertThat(table.booleanColumn("vip").get(2)).isTrue();
        }

        @Test
        void aWindowWithoutRecordsOfTheStageGivesAnEmptyTableOfTheSchema() {
            WindowTable read = window(withInput("a", row("age", 1)))
                    .inputs(CaptureStage.BEFORE_PREPROCESSING, SCHEMA);
            assertThat(read.isEmpty()).isTrue();
            assertThat(read.rows()).isZero();
            assertThat(read.table().schema()).isEqualTo(SCHEMA);
            assertThat(window().inputs(CaptureStage.AFTER_MODEL, SCHEMA).isEmpty()).isTrue();
        }

        @Test
        void atMostSoManyProblemsAreNamed() {
            List<CaptureRecord> records = new ArrayList<>();
            for (int i = 0; i <= WindowTables.MAX_PROBLEMS; i++) {
                records.add(withInput("r" + i, row("age", "x")));
            }
            WindowTable read = new Window(0, T0, T0, records).inputs(CaptureStage.AFTER_MODEL, SCHEMA);
            assertThat(read.wrongType()).isEqualTo(WindowTables.MAX_PROBLEMS + 1);
            assertThat(read.problems()).hasSize(WindowTables.MAX_PROBLEMS);
        }
    }

    @Test
    void recordsOfOneStage() {
        Window window = window(Records.at("a", 0), Records.at("b", 1, CaptureStage.BEFORE_PREPROCESSING));
        assertThat(window.isEmpty()).isFalse();
        assertThat(window.records(CaptureStage.BEFORE_PREPROCESSING)).extracting(CaptureRecord::inferenceId)
                .containsExactly("b");
    }
}
