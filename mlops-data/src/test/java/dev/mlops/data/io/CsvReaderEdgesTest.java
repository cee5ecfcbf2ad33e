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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CsvReader} through {@link CsvFormat} at its edges: a delimiter and quote just beyond
 * ASCII, blank lines without a header, the order of errors in a row, the exact width errors,
 * a missing token made of quotes, and a parallel read whose header lacks a schema column.
 */
class CsvReaderEdgesTest {
    private static final String HINT = "if the input has another encoding, name its charset, such as ISO-8859-1 or"
            + " windows-1252";

    @TempDir
    Path dir;

    private static Table read(CsvFormat format, String csv) {
        return read(format, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Table read(CsvFormat format, byte[] bytes) {
        return format.read(new ByteArrayInputStream(bytes), "test.csv");
    }

    private static boolean[] missing(NumericColumn column) {
        boolean[] missing = new boolean[column.size()];
        for (int i = 0; i < missing.length; i++) {
            missing[i] = column.isMissing(i);
        }
        return missing;
    }

    @Nested
    class JustBeyondAscii {
        @Test
        void aDelimiterOfU0080SplitsAndStaysInsideQuotes() {
            Table table = read(CsvFormat.builder().delimiter('\u0080').build(), "a\u0080b\n\"x\u0080y\"\u00801\n");

            assertThat(table.categoricalColumn("a").get(0)).isEqualTo("x\u0080y");
            assertThat(table.numericColumn("b").get(0)).isEqualTo(1.0);
        }

        @Test
        void aQuoteOfU0080QuotesAndDoubledStandsForOne() {
            Table table = read(CsvFormat.builder().quote('\u0080').build(), "a,b\n\u0080x,\u0080\u0080y\u0080,1\n");

            assertThat(table.categoricalColumn("a").get(0)).isEqualTo("x,\u0080y");
            assertThat(table.numericColumn("b").get(0)).isEqualTo(1.0);
        }
    }

    @Nested
    class WithoutAHeader {
        private static final Field N = Field.of("n", ColumnType.NUMERIC);

        @Test
        void aBlankLineOfAOneColumnSchemaIsAMissingValueTheFirstToo() {
            Table table = read(CsvFormat.builder().header(false).schema(Schema.of(N)).build(), "\n1\n\n2\n");

            assertThat(table.rowCount()).isEqualTo(4);
            assertThat(missing(table.numericColumn("n"))).containsExactly(true, false, true, false);
            assertThat(table.numericColumn("n").get(3)).isEqualTo(2.0);
        }

        @Test
        void blankLinesOfATwoColumnSchemaAreSkippedTheFirstToo() {
            Table table = read(CsvFormat.builder().header(false).schema(Schema.of(N, Field.of("m", ColumnType.NUMERIC)))
                    .build(), "\n1,2\n\n3,4\n");

            assertThat(table.numericColumn("n").toArray()).containsExactly(1, 3);
            assertThat(table.numericColumn("m").toArray()).containsExactly(2, 4);
        }

        @Test
        void aRowOfAnotherWidthNamesWhatTheWidthCameFrom() {
            assertThatThrownBy(() -> read(CsvFormat.builder().header(false).schema(Schema.of(N,
                    Field.of("m", ColumnType.NUMERIC))).build(), "1,2\n3,4,5\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 2: expected 2 values, as many as the schema has, but found 3");
            assertThatThrownBy(() -> read(CsvFormat.builder().header(false).build(), "\n1,2\n3\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 3: expected 2 values, as many as the first row has, but found 1");
        }
    }

    @Nested
    class RowErrors {
        @Test
        void blankLinesBeforeTheHeaderAreSkippedAndLinesStillCount() {
            assertThatThrownBy(() -> read(CsvFormat.builder().schema(Schema.of(Field.of("a", ColumnType.NUMERIC),
                    Field.of("b", ColumnType.NUMERIC))).build(), "\n\na,b\n1,x\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 4, column 'b' (2): expected a number but found \"x\"");
        }

        @Test
        void aRowWithMoreValuesThanTheHeaderIsAWidthError() {
            assertThatThrownBy(() -> read(CsvFormat.defaults(), "a,b\n1,2,3\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 2: expected 2 values, as many as the header names, but found 3");
        }

        @Test
        void invalidBytesInAValueBeyondTheHeaderAreReportedBeforeTheWidth() {
            byte[] bytes = {'a', ',', 'b', '\n', '1', ',', '2', ',', (byte) 0xFF, '\n'};

            assertThatThrownBy(() -> read(CsvFormat.defaults(), bytes))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 2: the byte 0xFF at byte offset 8 is not valid UTF-8; " + HINT);
        }

        @Test
        void aBatchReportsInvalidBytesInAValueBeyondTheHeaderBeforeTheWidth() throws IOException {
            Path file = Files.write(dir.resolve("bad.csv"), new byte[] {'a', ',', 'b', '\n', '1', ',', '2', ',', (byte) 0xFF});
            Schema expected = Schema.of(Field.of("a", ColumnType.NUMERIC));

            assertThatThrownBy(() -> CsvFormat.defaults().readBatch(file, expected))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(file + " line 2: the byte 0xFF at byte offset 8 is not valid UTF-8; " + HINT);
        }

        @Test
        void aMissingTokenOfQuotesMatchesItsEscapedForm() {
            Table table = read(CsvFormat.builder().missingTokens("\"").build(), "a,b\n\"\"\"\",1\nx,2\n");

            assertThat(table.categoricalColumn("a").isMissing(0)).isTrue();
            assertThat(table.categoricalColumn("a").get(1)).isEqualTo("x");
        }
    }

    @Nested
    class InChunks {
        @ParameterizedTest(name = "{0} threads")
        @ValueSource(ints = {1, 2, 4})
        void aHeaderThatLacksASchemaColumnFailsAsASequentialReadDoes(int threads) throws IOException {
            StringBuilder csv = new StringBuilder("a,b\n");
            IntStream.range(0, 300).forEach(i -> csv.append(i).append(',').append(i * 2).append('\n'));
            Path file = Files.writeString(dir.resolve("chunks.csv"), csv, StandardCharsets.UTF_8);
            CsvFormat format = CsvFormat.builder().schema(Schema.of(Field.of("a", ColumnType.NUMERIC),
                    Field.of("b", ColumnType.NUMERIC), Field.of("c", ColumnType.NUMERIC))).build();

            assertThatThrownBy(() -> format.read(file, threads, 64))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(file + " line 1: the header lacks the schema's column(s) c");
        }

        @Test
        void aParallelReadOfTheSchemasColumnsInAnotherOrderEqualsASequentialOne() throws IOException {
            StringBuilder csv = new StringBuilder("b,a\n");
            IntStream.range(0, 300).forEach(i -> csv.append(i).append(',').append(i % 3 == 0 ? "NA" : "x" + i).append('\n'));
            Path file = Files.writeString(dir.resolve("chunks.csv"), csv, StandardCharsets.UTF_8);
            CsvFormat format = CsvFormat.builder().schema(Schema.of(Field.of("a", ColumnType.CATEGORICAL),
                    Field.of("b", ColumnType.NUMERIC))).build();

            Table parallel = format.read(file, 3, 64);

            assertThat(parallel).isEqualTo(format.read(file, 1, 64));
            assertThat(parallel.schema().names()).containsExactly("a", "b");
            assertThat(parallel.numericColumn("b").get(299)).isEqualTo(299.0);
            assertThat(parallel.categoricalColumn("a").isMissing(3)).isTrue();
        }
    }

}
