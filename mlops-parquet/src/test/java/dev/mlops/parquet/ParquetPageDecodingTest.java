package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.TableChunks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers and strings read page by page ({@link NumberPages}, {@link CategoryPages}) from files
 * that parquet-hadoop's own writer wrote with every page format and value encoding it uses for
 * them, nulls placed every way, in several pages and row groups: the values read are the values
 * written, in a whole read, by row group and projected, and categorical levels come in the order
 * their values first appear, as the CSV read of the same values gives.
 */
class ParquetPageDecodingTest {
    private static final long MASTER_SEED = 26_27L;
    private static final ParquetFormat PARQUET = ParquetFormat.defaults();
    private static final String SCHEMA = "message m { optional double d; required double rd; optional float f; "
            + "optional int32 i; required int32 ri; optional int64 l; optional binary s (STRING); "
            + "required binary rs (STRING); }";
    private static final List<String> NUMBERS = List.of("d", "rd", "f", "i", "ri", "l");
    private static final List<String> COLUMNS = List.of("d", "rd", "f", "i", "ri", "l", "s", "rs");
    private static final long TWO_TO_53 = 1L << 53;
    /** The first rows, which hold few distinct values whatever the case: at least two pages. */
    private static final int FEW_FIRST_ROWS = 30;

    @TempDir
    Path directory;

    /** Where the optional columns' values are missing. */
    enum Nulls {
        /** Nowhere. */
        NONE,
        /** A quarter of the rows, at random. */
        SOME,
        /** Every row. */
        ALL,
        /** A stretch of rows longer than four pages, so that some pages hold only nulls, and a tenth elsewhere. */
        PAGES
    }

    /** How many distinct values the columns hold. */
    enum Distinct {
        /** A handful, in a dictionary that never overflows. */
        FEW,
        /**
         * A handful in the first rows, so that the writer keeps its dictionary after the first
         * page, then nearly every value new: the dictionary overflows, and the later pages are
         * not dictionary-encoded.
         */
        MANY
    }

    static Stream<Arguments> files() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<Arguments> cases = new ArrayList<>();
        for (WriterVersion pages : WriterVersion.values()) {
            for (boolean dictionary : new boolean[] {true, false}) {
                for (boolean byteStreamSplit : new boolean[] {false, true}) {
                    for (Nulls nulls : Nulls.values()) {
                        for (Distinct distinct : Distinct.values()) {
                            if (byteStreamSplit && dictionary && distinct == Distinct.FEW) {
                                continue; // the same file as without: every page dictionary-encoded
                            }
                            cases.add(Arguments.of(pages, dictionary, byteStreamSplit, nulls, distinct, master.nextLong()));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, dictionary {1}, byte stream split {2}, nulls {3}, {4} distinct, seed {5}")
    @MethodSource("files")
    void theValuesReadAreTheValuesWritten(WriterVersion pages, boolean dictionary, boolean byteStreamSplit, Nulls nulls,
            Distinct distinct, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 250 + random.nextInt(200);
        List<@Nullable Object[]> values = values(random, rows, nulls, distinct);
        int pageRows = 7 + random.nextInt(7);
        Path file = ForeignFiles.write(directory.resolve("pages.parquet"), SCHEMA, writer -> writer
                .withWriterVersion(pages).withDictionaryEncoding(dictionary).withByteStreamSplitEncoding(byteStreamSplit)
                .withPageRowCountLimit(pageRows).withMinRowCountForPageSizeCheck(1).withDictionaryPageSize(120)
                .withRowGroupSize((distinct == Distinct.FEW ? 3_000L : 6_000L) / (nulls == Nulls.ALL ? 3 : 1)), rows(values));
        Table expected = table(values, 0, rows);
        String why = pages + ", dictionary " + dictionary + ", byte stream split " + byteStreamSplit + ", nulls " + nulls
                + ", " + distinct + " distinct, " + rows + " rows, seed " + seed;

        assertEncodings(file, pages, dictionary, byteStreamSplit, nulls, distinct, why);
        Table read = PARQUET.read(file);
        assertThat(read).as(why).isEqualTo(expected);
        assertThat(read.schema()).as(why).isEqualTo(expected.schema());
        assertLevelsInOrderOfFirstAppearance(read, values, 0, rows, why);
        assertThat(PARQUET.read(file, List.of("s", "l", "rd"))).as("projected (in the file's order), " + why)
                .isEqualTo(expected.select("rd", "l", "s"));
        if (nulls != Nulls.ALL) {
            assertThat(read.select("s")).as("as CSV reads the strings, " + why).isEqualTo(csv(values));
            assertThat(read.categoricalColumn("s").levels()).as("CSV's levels, " + why)
                    .isEqualTo(csv(values).categoricalColumn("s").levels());
        }
        int first = 0;
        try (TableChunks chunks = PARQUET.readChunks(file)) {
            for (int group : rowGroupRows(file)) {
                Table chunk = chunks.next();
                assertThat(chunk).as("row group from row %d, %s", first, why).isEqualTo(table(values, first, first + group));
                assertLevelsInOrderOfFirstAppearance(chunk, values, first, first + group, why);
                first += group;
            }
            assertThat(chunks.hasNext()).isFalse();
        }
        assertThat(first).isEqualTo(rows);
    }

    /** The file holds what the case says: several row groups, and the encodings the writer was asked for. */
    private static void assertEncodings(Path file, WriterVersion pages, boolean dictionary, boolean byteStreamSplit,
            Nulls nulls, Distinct distinct, String why) throws IOException {
        try (ParquetFileReader reader = Footers.open(file)) {
            List<BlockMetaData> groups = reader.getRowGroups();
            assertThat(groups).as("row groups, " + why).hasSizeGreaterThan(1);
            for (String column : COLUMNS) {
                Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
                boolean mixed = false;
                for (BlockMetaData group : groups) {
                    ColumnChunkMetaData chunk = group.getColumns().get(COLUMNS.indexOf(column));
                    EncodingStats stats = chunk.getEncodingStats();
                    encodings.addAll(stats.getDataEncodings());
                    mixed |= stats.hasDictionaryEncodedPages() && stats.hasNonDictionaryEncodedPages();
                    assertThat(stats.usesV2Pages()).isEqualTo(pages == WriterVersion.PARQUET_2_0);
                }
                boolean allNull = nulls == Nulls.ALL && !column.startsWith("r");
                if (dictionary && !allNull) {
                    assertThat(encodings).as(column + ", " + why).anyMatch(Encoding::usesDictionary);
                    assertThat(mixed).as("dictionary and plain pages in a chunk of " + column + ", " + why)
                            .isEqualTo(distinct == Distinct.MANY);
                }
                if (!dictionary || distinct == Distinct.MANY && !allNull) {
                    assertThat(encodings).as(column + ", " + why).contains(fallback(column, pages, byteStreamSplit));
                }
            }
        }
    }

    /** @return the encoding the writer uses for a column's values without a dictionary */
    private static Encoding fallback(String column, WriterVersion pages, boolean byteStreamSplit) {
        boolean floating = column.equals("d") || column.equals("rd") || column.equals("f");
        if (floating) {
            return byteStreamSplit ? Encoding.BYTE_STREAM_SPLIT : Encoding.PLAIN;
        }
        if (pages == WriterVersion.PARQUET_1_0) {
            return Encoding.PLAIN;
        }
        return column.equals("s") || column.equals("rs") ? Encoding.DELTA_BYTE_ARRAY : Encoding.DELTA_BINARY_PACKED;
    }

    private static List<Integer> rowGroupRows(Path file) {
        try (ParquetFileReader reader = Footers.open(file)) {
            return reader.getRowGroups().stream().map(group -> (int) group.getRowCount()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertLevelsInOrderOfFirstAppearance(Table read, List<@Nullable Object[]> values, int from, int to,
            String why) {
        for (String column : List.of("s", "rs")) {
            Set<String> order = new LinkedHashSet<>();
            for (Object[] row : values.subList(from, to)) {
                if (row[COLUMNS.indexOf(column)] != null) {
                    order.add((String) row[COLUMNS.indexOf(column)]);
                }
            }
            assertThat(read.categoricalColumn(column).levels()).as("levels of %s, rows %d to %d, %s", column, from, to, why)
                    .containsExactlyElementsOf(order);
        }
    }

    private static List<@Nullable Object[]> values(SplittableRandom random, int rows, Nulls nulls, Distinct distinct) {
        int nullFrom = random.nextInt(Math.max(1, rows - 60));
        List<@Nullable Object[]> values = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            boolean few = distinct == Distinct.FEW || row < FEW_FIRST_ROWS;
            int choices = distinct == Distinct.FEW ? Integer.MAX_VALUE : 2;
            Object[] cells = {
                few ? pick(random, choices, 0.0, -0.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY, -1e300) : random.nextDouble() * 2e6 - 1e6,
                few ? pick(random, choices, -2.5, 7.0, Double.MIN_VALUE) : random.nextGaussian(),
                few ? pick(random, choices, 0.1f, -0.0f, Float.NaN, Float.MAX_VALUE) : (float) random.nextGaussian(),
                few ? pick(random, choices, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE) : random.nextInt(),
                few ? pick(random, choices, 3, 4, 5) : random.nextInt(),
                few ? pick(random, choices, 0L, -TWO_TO_53, TWO_TO_53, 42L) : random.nextLong(-TWO_TO_53, TWO_TO_53 + 1),
                few ? pick(random, choices, "München", "São Paulo", "a", "x y") : "v" + random.nextInt(1_000_000) + "ü",
                few ? pick(random, choices, "b", "Zürich") : "w" + random.nextInt(1_000_000),
            };
            for (int column = 0; column < cells.length; column++) {
                boolean optional = !COLUMNS.get(column).startsWith("r");
                boolean missing = switch (nulls) {
                    case NONE -> false;
                    case SOME -> random.nextInt(4) == 0;
                    case ALL -> true;
                    case PAGES -> row >= nullFrom && row < nullFrom + 60 || random.nextInt(10) == 0;
                };
                if (optional && missing) {
                    cells[column] = null;
                }
            }
            values.add(cells);
        }
        return values;
    }

    /** @return one of the first choices */
    @SafeVarargs
    private static <T> T pick(SplittableRandom random, int first, T... choices) {
        return choices[random.nextInt(Math.min(first, choices.length))];
    }

    private static List<Consumer<Group>> rows(List<@Nullable Object[]> values) {
        List<Consumer<Group>> rows = new ArrayList<>(values.size());
        for (Object[] cells : values) {
            rows.add(group -> {
                for (int column = 0; column < cells.length; column++) {
                    String name = COLUMNS.get(column);
                    Object value = cells[column];
                    if (value instanceof Double number) {
                        group.append(name, number);
                    } else if (value instanceof Float number) {
                        group.append(name, number);
                    } else if (value instanceof Integer number) {
                        group.append(name, number);
                    } else if (value instanceof Long number) {
                        group.append(name, number);
                    } else if (value != null) {
                        group.append(name, (String) value);
                    }
                }
            });
        }
        return rows;
    }

    /** @return the table of rows {@code [from, to)} of the values, as they were written */
    private static Table table(List<@Nullable Object[]> values, int from, int to) {
        List<Column> columns = new ArrayList<>();
        for (int column = 0; column < COLUMNS.size(); column++) {
            String name = COLUMNS.get(column);
            int index = column;
            if (NUMBERS.contains(name)) {
                NumericColumn.Builder numbers = NumericColumn.builder(name);
                for (Object[] row : values.subList(from, to)) {
                    if (row[index] == null) {
                        numbers.addMissing();
                    } else {
                        numbers.add(((Number) row[index]).doubleValue());
                    }
                }
                columns.add(numbers.build());
            } else {
                columns.add(CategoricalColumn.of(name, IntStream.range(from, to)
                        .mapToObj(row -> (String) values.get(row)[index]).toArray(String[]::new)));
            }
        }
        return Table.of(columns);
    }

    /** @return the strings of column s as CSV reads them */
    private static Table csv(List<@Nullable Object[]> values) {
        StringBuilder text = new StringBuilder("s\n");
        for (Object[] row : values) {
            text.append(row[COLUMNS.indexOf("s")] == null ? "" : "\"" + Objects.requireNonNull(row[COLUMNS.indexOf("s")])
                    + "\"").append('\n');
        }
        return CsvFormat.defaults().read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "csv");
    }
}
