package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CsvFormat#readBatch}: rows whose cells fit the expected types, their origins, and the cells that do not fit. */
class CsvFormatReadBatchTest {
    private static final Schema EXPECTED = Schema.of(Field.of("id", ColumnType.NUMERIC), Field.of("age", ColumnType.NUMERIC),
            Field.of("city", ColumnType.CATEGORICAL));

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("batch.csv"), content);
    }

    private static String copy(Batch batch, Path file, int... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batch.origins().orElseThrow().copy(file, rows, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int[] all(Batch batch) {
        return IntStream.range(0, batch.table().rowCount()).toArray();
    }

    @Nested
    class BadCells {
        private static final String CSV = "id,age,city\n1,30,Bonn\n\n2,66.0,\"a, b\"\n3,abc,Köln\n4,41,Hamburg";

        private static long bytesBefore(String text) {
            return CSV.substring(0, CSV.indexOf(text)).getBytes(StandardCharsets.UTF_8).length;
        }

        @Test
        void aCellThatIsNotANumberLeavesItsRowOutAndNamesLineColumnAndText() throws IOException {
            Path file = file(CSV);

            Batch batch = CsvFormat.defaults().readBatch(file, EXPECTED);

            assertThat(batch.table().schema()).isEqualTo(EXPECTED);
            assertThat(batch.table().numericColumn("age").toArray()).containsExactly(30, 66, 41);
            assertThat(batch.table().categoricalColumn("city").get(1)).isEqualTo("a, b");
            assertThat(batch.problems()).containsExactly(
                    new CellProblem(5, bytesBefore("3,abc"), bytesBefore("4,41"), "age", 2, "abc", "expected a number"));
        }

        @Test
        void everyRowKeepsItsLineAndBytes() throws IOException {
            Path file = file(CSV);

            RowOrigins origins = CsvFormat.defaults().readBatch(file, EXPECTED).origins().orElseThrow();

            assertThat(origins.rowCount()).isEqualTo(3);
            assertThat(IntStream.range(0, 3).mapToLong(origins::line).toArray()).containsExactly(2, 4, 6);
            assertThat(origins.dataStart()).isEqualTo("id,age,city\n".length());
            assertThat(origins.start(2)).isEqualTo(CSV.getBytes(StandardCharsets.UTF_8).length - "4,41,Hamburg".length());
            assertThat(origins.end(2)).isEqualTo(CSV.getBytes(StandardCharsets.UTF_8).length);
        }

        @Test
        void eachBadCellOfARowIsAProblemAndTheRowIsLeftOutOnce() throws IOException {
            Path file = file("id,age,city\nx,y,Bonn\n1,2,Ulm\n");

            Batch batch = CsvFormat.defaults().readBatch(file, EXPECTED);

            assertThat(batch.table().rowCount()).isEqualTo(1);
            assertThat(batch.problems()).extracting(CellProblem::column, CellProblem::position, CellProblem::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("id", 1, "x"),
                            org.assertj.core.groups.Tuple.tuple("age", 2, "y"));
            assertThat(batch.problems()).allSatisfy(problem -> assertThat(problem.line()).isEqualTo(2));
        }

        @Test
        void missingTokensFitEveryTypeAndQuotedTextIsGivenUnquotedInFull() throws IOException {
            String longText = "x".repeat(500);
            Path file = file("id,age,city\nNA,,?\n1,\"" + longText + "\"\"q\",Bonn\n");

            Batch batch = CsvFormat.defaults().readBatch(file, EXPECTED);

            assertThat(batch.table().rowCount()).isEqualTo(1);
            assertThat(batch.table().column("id").isMissing(0)).isTrue();
            assertThat(batch.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.text()).isEqualTo(longText + "\"q");
                assertThat(problem.line()).isEqualTo(3);
            });
        }

        @Test
        void booleanAndTimestampColumnsNameWhatTheyExpected() throws IOException {
            Path file = file("ok,at\ntrue,2024-01-31T12:00:00Z\nyes,2024-01-31\n");
            Schema expected = Schema.of(Field.of("ok", ColumnType.BOOLEAN), Field.of("at", ColumnType.TIMESTAMP));

            Batch batch = CsvFormat.defaults().readBatch(file, expected);

            assertThat(batch.table().rowCount()).isEqualTo(1);
            assertThat(batch.problems()).extracting(CellProblem::problem).containsExactly("expected true or false",
                    "expected an ISO-8601 instant with a zone or offset, such as 2024-01-31T12:00:00Z; this local time"
                            + " needs a zone (set one on the reader)");
        }
    }

    @Nested
    class Columns {
        @Test
        void columnsTheSchemaDoesNotNameAreInferredAndItsAbsentColumnsAreAbsent() throws IOException {
            Path file = file("extra,id,city\nx,1,Bonn\ny,2,Ulm\n");

            Table table = CsvFormat.defaults().readBatch(file, EXPECTED).table();

            assertThat(table.schema()).isEqualTo(Schema.of(Field.of("extra", ColumnType.CATEGORICAL),
                    Field.of("id", ColumnType.NUMERIC), Field.of("city", ColumnType.CATEGORICAL)));
        }

        @Test
        void aColumnOfGivenCategoricalTypeKeepsNumbersAsText() throws IOException {
            Path file = file("id,age,city\n1,2,3\n");

            Table table = CsvFormat.defaults().readBatch(file, EXPECTED).table();

            assertThat(table.categoricalColumn("city").get(0)).isEqualTo("3");
        }

        @Test
        void anInferredColumnWhoseCellsDisagreeIsCategoricalAfterASecondPassThatLeavesTheSameRowsOut() throws IOException {
            Path file = file("id,note\n1,5\nbad,6\n2,seven\n");

            Batch batch = CsvFormat.defaults().readBatch(file, Schema.of(Field.of("id", ColumnType.NUMERIC)));

            assertThat(batch.table().column("note").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(batch.table().categoricalColumn("note").get(1)).isEqualTo("seven");
            assertThat(batch.problems()).hasSize(1);
            assertThat(batch.origins().orElseThrow().line(1)).isEqualTo(4);
        }

        @Test
        void aSensitiveFieldMarksItsColumn() throws IOException {
            Path file = file("id,age,city\n1,2,Bonn\n");
            Schema expected = Schema.of(Field.of("id", ColumnType.NUMERIC),
                    new Field("city", ColumnType.CATEGORICAL, true));

            Table table = CsvFormat.defaults().readBatch(file, expected).table();

            assertThat(table.column("city").sensitive()).isTrue();
            assertThat(table.column("id").sensitive()).isFalse();
        }

        @Test
        void withoutAHeaderTheColumnsAreTheSchemasInOrder() throws IOException {
            Path file = file("1,30,Bonn\n2,x,Ulm\n");

            Batch batch = CsvFormat.builder().header(false).build().readBatch(file, EXPECTED);

            assertThat(batch.table().schema().names()).containsExactly("id", "age", "city");
            assertThat(batch.table().rowCount()).isEqualTo(1);
            assertThat(batch.origins().orElseThrow().dataStart()).isZero();
            assertThat(batch.problems()).singleElement().extracting(CellProblem::line).isEqualTo(2L);
        }
    }

    @Nested
    class Copies {
        @ParameterizedTest
        @ValueSource(strings = {"\n", "\r\n", "\r"})
        void copyingEveryRowGivesTheInputBackByteForByte(String end) throws IOException {
            String csv = String.join(end, "id,age,city", "1,66.0,\"São", "Paulo\"", "2,1e3,München", "3,007,\"\"\"q\"\"\"", "");
            Path file = file(csv);

            Batch batch = CsvFormat.defaults().readBatch(file, EXPECTED);

            assertThat(copy(batch, file, all(batch))).isEqualTo(csv);
        }

        @Test
        void aByteOrderMarkAndTheHeaderComeFirstAndASubsetKeepsItsOrder() throws IOException {
            String csv = "\uFEFFid,age,city\r\n1,66.0,Bonn\r\n2,x,Ulm\r\n3,4,Köln\r\n";
            Path file = file(csv);

            Batch batch = CsvFormat.defaults().readBatch(file, EXPECTED);

            assertThat(batch.origins().orElseThrow().dataStart()).isEqualTo(3 + "id,age,city\r\n".length());
            assertThat(copy(batch, file, 1, 0)).isEqualTo("\uFEFFid,age,city\r\n3,4,Köln\r\n1,66.0,Bonn\r\n");
        }

        @Test
        void aLastLineWithoutALineEndGetsOneSoThatRowsDoNotRunTogether() throws IOException {
            Path file = file("id,age,city\n1,2,Bonn\n3,4,Ulm");

            Batch batch = CsvFormat.defaults().readBatch(file, EXPECTED);

            assertThat(copy(batch, file, 1, 0)).isEqualTo("id,age,city\n3,4,Ulm\n1,2,Bonn\n");
        }

        @Test
        void blankLinesBelongToNoRow() throws IOException {
            Path file = file("id,age,city\n\n1,2,Bonn\n\n\n3,4,Ulm\n\n");

            Batch batch = CsvFormat.defaults().readBatch(file, EXPECTED);

            assertThat(copy(batch, file, all(batch))).isEqualTo("id,age,city\n1,2,Bonn\n3,4,Ulm\n");
            assertThat(batch.origins().orElseThrow().line(1)).isEqualTo(6);
        }

        @Test
        void aSingleByteCharsetKeepsItsBytes() throws IOException {
            byte[] latin1 = "id,age,city\n1,2,Göttingen\n".getBytes(StandardCharsets.ISO_8859_1);
            Path file = file(latin1);

            Batch batch = CsvFormat.builder().charset(StandardCharsets.ISO_8859_1).build().readBatch(file, EXPECTED);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            batch.origins().orElseThrow().copy(file, all(batch), out);

            assertThat(batch.table().categoricalColumn("city").get(0)).isEqualTo("Göttingen");
            assertThat(out.toByteArray()).isEqualTo(latin1);
        }

        @Test
        void aCharsetThatIsNotAsciiCompatibleIsReadWithoutOrigins() throws IOException {
            Path file = file("id,age,city\n1,2,Bonn\n".getBytes(StandardCharsets.UTF_16));

            Batch batch = CsvFormat.builder().charset(StandardCharsets.UTF_16).build().readBatch(file, EXPECTED);

            assertThat(batch.origins()).isEmpty();
            assertThat(batch.table().numericColumn("age").get(0)).isEqualTo(2.0);
        }
    }

    @Nested
    class WholeFileErrors {
        @Test
        void aRowOfTheWrongWidthIsStillAnError() throws IOException {
            Path file = file("id,age,city\n1,2\n");

            assertThatThrownBy(() -> CsvFormat.defaults().readBatch(file, EXPECTED))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageEndingWith("line 2: expected 3 values, as many as the header names, but found 2");
        }

        @Test
        void bytesThatAreNotValidAreStillAnError() throws IOException {
            Path file = file(new byte[] {'i', 'd', '\n', 'x', (byte) 0xFC, '\n'});

            assertThatThrownBy(() -> CsvFormat.defaults().readBatch(file, EXPECTED))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("line 2: the byte 0xFC at byte offset 4 is not valid UTF-8");
        }

        @Test
        void aLocalTimeInADaylightSavingGapIsStillAnErrorUnderTheDefaultPolicy() throws IOException {
            Path file = file("at\n2024-03-31 02:30\n");
            CsvFormat berlin = CsvFormat.builder().zone(ZoneId.of("Europe/Berlin")).build();

            assertThatThrownBy(() -> berlin.readBatch(file, Schema.of(Field.of("at", ColumnType.TIMESTAMP))))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("line 2, column 'at' (1): the local time 2024-03-31T02:30 does not exist");
        }

        @Test
        void theExpectedSchemaIsRequired() throws IOException {
            Path file = file("id\n1\n");

            assertThatThrownBy(() -> CsvFormat.defaults().readBatch(file, null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("expected");
        }
    }
}
