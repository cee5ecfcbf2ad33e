package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public inference API as a user's format uses it: a pipe-separated format of a few lines. */
class TableBuilderTest {

    /** A user's format: a header, then cells separated by '|', one row per line; reading only. */
    record PipeFormat(TableBuilder.Options options) implements TableFormat {
        @Override
        public String type() {
            return "pipes";
        }

        @Override
        public Record settings() {
            return options;
        }

        @Override
        public Table read(InputStream in, String source) {
            return TableBuilder.read(in, source, options, PipeFormat::readPass);
        }

        @Override
        public Table read(Path file) {
            return TableBuilder.read(file, options, PipeFormat::readPass);
        }

        private static void readPass(InputStream in, TableBuilder table) throws IOException {
            BufferedReader lines = new BufferedReader(table.decode(in, StandardCharsets.UTF_8));
            String line = lines.readLine();
            for (String name : line.split("\\|")) {
                table.addColumn(name, 1);
            }
            long number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                List<@Nullable String> cells = new ArrayList<>(Arrays.asList(line.split("\\|", -1)));
                cells.replaceAll(cell -> cell.equals("<null>") ? null : cell);
                table.addRow(number, cells);
            }
        }

        @Override
        public void write(Table table, OutputStream out) {
            throw new UnsupportedOperationException("the test reads only");
        }
    }

    private static Table read(TableBuilder.Options options, String text) {
        return new PipeFormat(options).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "pipes.txt");
    }

    private static Table read(String text) {
        return read(TableBuilder.Options.defaults(), text);
    }

    @Nested
    class Inference {
        @Test
        void infersTheTypesCsvInfers() {
            Table table = read("n|flag|when|id|word\n1.5|true|2026-01-01T00:00:00Z|9007199254740993|a\n"
                    + "2|FALSE|2026-01-02T00:00:00+01:00|1|b\n");

            assertThat(table.schema()).isEqualTo(Schema.of(Field.of("n", ColumnType.NUMERIC),
                    Field.of("flag", ColumnType.BOOLEAN), Field.of("when", ColumnType.TIMESTAMP),
                    Field.of("id", ColumnType.CATEGORICAL), Field.of("word", ColumnType.CATEGORICAL)));
            assertThat(((NumericColumn) table.column("n")).get(1)).isEqualTo(2.0);
            assertThat(((BooleanColumn) table.column("flag")).get(1)).isFalse();
            assertThat(((TimestampColumn) table.column("when")).get(1)).isEqualTo(Instant.parse("2026-01-01T23:00:00Z"));
        }

        @Test
        void agreesWithCsvFormatOnTheSameCells() {
            String text = "a|b|c|d\n1|yes|x|2026-03-01\nNA|no|3|?\n4||true|2026-03-02\n";
            Table csv = CsvFormat.builder().delimiter('|').zone(ZoneId.of("UTC")).build()
                    .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "pipes.txt");

            assertThat(read(TableBuilder.Options.defaults().withZone(ZoneId.of("UTC")), text)).isEqualTo(csv);
        }

        @Test
        void onlyTrueAndFalseAreBooleans() {
            assertThat(read("b\nyes\nno\n").schema().field("b").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(read("b\n1\n0\n").schema().field("b").type()).isEqualTo(ColumnType.NUMERIC);
        }

        @Test
        void aContradictedColumnIsReadAgainAsCategories() {
            Table table = read("x\n1\n2\nthree\n");

            assertThat(table.schema().field("x").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(table.column("x").format(0)).isEqualTo("1");
            assertThat(table.column("x").format(2)).isEqualTo("three");
        }

        @Test
        void missingTokensAndNullCellsAreMissing() {
            Table table = read(TableBuilder.Options.defaults().withMissingTokens(Set.of("-")), "x|y\n-|1\n<null>|NA\n");

            assertThat(table.column("x").isMissing(0)).isTrue();
            assertThat(table.column("x").isMissing(1)).isTrue();
            assertThat(table.column("y").isMissing(1)).isFalse();
            assertThat(table.schema().field("y").type()).isEqualTo(ColumnType.CATEGORICAL);
        }

        @Test
        void localTimesAreTimestampsOnlyWithAZone() {
            assertThat(read("t\n2026-01-01T10:00\n").schema().field("t").type()).isEqualTo(ColumnType.CATEGORICAL);
            Table zoned = read(TableBuilder.Options.defaults().withZone(ZoneId.of("Europe/Berlin")), "t\n2026-01-01T10:00\n");
            assertThat(((TimestampColumn) zoned.column("t")).get(0)).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        }

        @Test
        void readsAFileTwiceWhenInferenceIsContradicted(@TempDir Path directory) throws IOException {
            Path file = directory.resolve("data.pipes");
            Files.writeString(file, "x\n1\nz\n", StandardCharsets.UTF_8);

            Table table = new PipeFormat(TableBuilder.Options.defaults()).read(file);

            assertThat(table.schema().field("x").type()).isEqualTo(ColumnType.CATEGORICAL);
            assertThat(table.rowCount()).isEqualTo(2);
        }
    }

    @Nested
    class WithASchema {
        private final TableBuilder.Options options = TableBuilder.Options.defaults()
                .withSchema(Schema.of(Field.of("y", ColumnType.NUMERIC), Field.of("x", ColumnType.TEXT)));

        @Test
        void readsTheSchemaTypesInTheSchemaOrder() {
            Table table = read(options, "x|y\n1|2\n");

            assertThat(table.schema()).isEqualTo(options.schema());
        }

        @Test
        void aCellThatDoesNotFitNamesSourceLineAndColumn() {
            assertThatThrownBy(() -> read(options, "x|y\na|1\nb|two\n"))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> {
                        assertThat(e.source()).isEqualTo("pipes.txt");
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.column()).contains("y");
                        assertThat(e.columnIndex()).hasValue(2);
                    })
                    .hasMessageContaining("\"two\"");
        }

        @Test
        void aColumnTheSchemaLacks() {
            assertThatThrownBy(() -> read(options, "x|z\n1|2\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("pipes.txt").hasMessageContaining("'z'")
                    .hasMessageContaining("the schema has no such column; the schema's columns are y, x");
        }

        @Test
        void aSchemaColumnTheInputLacks() {
            assertThatThrownBy(() -> read(options, "x\n1\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("pipes.txt").hasMessageContaining("lacks the schema's column 'y'");
        }
    }

    @Nested
    class Errors {
        @Test
        void aRowOfAnotherWidthNamesSourceAndLine() {
            assertThatThrownBy(() -> read("a|b\n1|2\n3\n"))
                    .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                    .hasMessageContaining("pipes.txt").hasMessageContaining("expected 2 values, one per column, but found 1");
        }

        @Test
        void aRepeatedColumnName() {
            assertThatThrownBy(() -> read("a|a\n1|2\n"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("column 'a' is named twice, at 1 and 2");
        }

        @Test
        void aBlankColumnName() {
            assertThatThrownBy(() -> read("a| \n1|2\n"))
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("column 2 has no name");
        }

        @Test
        void decodingIsStrictAndNamesTheSourceLineAndByteOffset() {
            byte[] bytes = {'c', 'i', 't', 'y', '\n', 'M', (byte) 0xFC, '\n'};

            assertThatThrownBy(() -> new PipeFormat(TableBuilder.Options.defaults())
                    .read(new ByteArrayInputStream(bytes), "pipes.txt"))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("pipes.txt line 2: the byte 0xFC at byte offset 6 is not valid UTF-8; if the input has "
                            + "another encoding, name its charset, such as ISO-8859-1 or windows-1252");
        }

        @Test
        void anUndeclaredColumn() {
            assertThatThrownBy(() -> TableBuilder.read(new ByteArrayInputStream(new byte[0]), "empty",
                    TableBuilder.Options.defaults(), (in, table) -> table.add(0, "x", 1)))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void theBuilderTellsWhatItReads() {
        List<String> seen = new ArrayList<>();
        TableBuilder.read(new ByteArrayInputStream(new byte[0]), "empty", TableBuilder.Options.defaults(), (in, table) -> {
            int index = table.addColumn("a", 1);
            seen.add(table.source() + " " + table.schema().isPresent() + " " + table.types().isPresent() + " "
                    + table.columnCount() + " " + table.name(index) + " " + table.indexOf("a") + " " + table.indexOf("b"));
        });

        assertThat(seen).containsExactly("empty false false 1 a 0 -1");
    }
}
