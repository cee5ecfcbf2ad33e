package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading a file in parallel chunks gives what reading it on one thread gives: the same table,
 * origins and problems, or the same error, whatever the number of threads and wherever the
 * chunk borders fall (inside quoted values with line breaks, on bad cells, before a cell that
 * makes a column categorical).
 */
class CsvFormatParallelReadTest {
    private static final long MASTER_SEED = 0x9a7a_11e1L;
    private static final Schema EXPECTED = Schema.of(Field.of("id", ColumnType.NUMERIC), Field.of("ok", ColumnType.BOOLEAN));
    private static final String[] WORDS = {"Bonn", "São Paulo", "a,b", "say \"hi\"", "", "NA"};
    private static final String[] LINES = {"two\nlines", "cr\r\nlf"};

    @TempDir
    Path dir;

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return LongStream.range(0, 24).mapToObj(i -> Arguments.of(master.nextLong(), 1 + master.nextInt(400),
                16 + master.nextInt(300), 2 + master.nextInt(3)));
    }

    /** A random CSV: numbers with a rare word, booleans, quoted text with delimiters, quotes and line breaks. */
    static String randomCsv(SplittableRandom random, int rows) {
        boolean lateWord = random.nextBoolean();
        StringBuilder csv = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "").append("id,ok,name,x\n");
        for (int row = 0; row < rows; row++) {
            csv.append(random.nextInt(30) == 0 ? "abc" : String.valueOf(row)).append(',');
            csv.append(switch (random.nextInt(4)) {
                case 0 -> "true";
                case 1 -> "FALSE";
                case 2 -> "NA";
                default -> random.nextInt(20) == 0 ? "yes" : "false";
            }).append(',');
            // a line break inside quotes is rare, so that most chunk borders fall outside quotes
            String word = random.nextInt(40) == 0 ? LINES[random.nextInt(LINES.length)] : WORDS[random.nextInt(WORDS.length)];
            csv.append('"').append(word.replace("\"", "\"\"")).append('"').append(',');
            csv.append(lateWord && row > rows * 3 / 4 && random.nextInt(10) == 0 ? "late" : random.nextDouble() * 100);
            csv.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            if (random.nextInt(25) == 0) {
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    private Path file(String csv) throws IOException {
        return Files.writeString(dir.resolve("parallel.csv"), csv, StandardCharsets.UTF_8);
    }

    private static List<String> origins(Batch batch) {
        RowOrigins origins = batch.origins().orElseThrow();
        return IntStream.range(0, origins.rowCount())
                .mapToObj(i -> origins.line(i) + ":" + origins.start(i) + "-" + origins.end(i)).toList();
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, chunks of {2} bytes, {3} threads")
    @MethodSource("sweep")
    void aParallelReadEqualsASequentialOne(long seed, int rows, int chunkBytes, int threads) throws IOException {
        Path file = file(randomCsv(new SplittableRandom(seed), rows));
        CsvFormat format = CsvFormat.defaults();

        Table sequential = format.read(file, 1, chunkBytes);
        Table parallel = format.read(file, threads, chunkBytes);
        Batch sequentialBatch = format.readBatch(file, EXPECTED, 1, chunkBytes);
        Batch parallelBatch = format.readBatch(file, EXPECTED, threads, chunkBytes);

        String context = "seed " + seed + ", " + rows + " rows, chunks of " + chunkBytes;
        assertThat(parallel).as(context).isEqualTo(sequential);
        assertThat(parallel.schema()).as(context).isEqualTo(sequential.schema());
        assertThat(parallelBatch.table()).as(context).isEqualTo(sequentialBatch.table());
        assertThat(origins(parallelBatch)).as(context).isEqualTo(origins(sequentialBatch));
        assertThat(parallelBatch.problems()).as(context).isEqualTo(sequentialBatch.problems());
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, chunks of {2} bytes, {3} threads")
    @MethodSource("sweep")
    void aParallelReadFailsAsASequentialOne(long seed, int rows, int chunkBytes, int threads) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String csv = randomCsv(random, rows);
        int at = csv.indexOf('\n', random.nextInt(csv.length()));
        Path file = file(csv.substring(0, at + 1) + "1,true\n" + csv.substring(at + 1));
        Schema strict = Schema.of(Field.of("id", ColumnType.NUMERIC), Field.of("ok", ColumnType.BOOLEAN),
                Field.of("name", ColumnType.TEXT), Field.of("x", ColumnType.CATEGORICAL));

        Throwable sequential = catchThrowable(() -> CsvFormat.builder().schema(strict).build().read(file, 1, chunkBytes));
        Throwable parallel = catchThrowable(() -> CsvFormat.builder().schema(strict).build().read(file, threads, chunkBytes));

        assertThat(sequential).as("seed %d", seed).isNotNull();
        assertThat(parallel).as("seed %d", seed).hasMessage(sequential.getMessage());
    }

    @ParameterizedTest(name = "seed {0}, {1} rows, chunks of {2} bytes, {3} threads")
    @MethodSource("sweep")
    void aParallelReadWithoutAHeaderEqualsASequentialOne(long seed, int rows, int chunkBytes, int threads)
            throws IOException {
        String csv = randomCsv(new SplittableRandom(seed), rows);
        String byteOrderMark = csv.startsWith("\uFEFF") ? "\uFEFF" : "";
        Path file = file(byteOrderMark + (seed % 3 == 0 ? "\n\n" : "") + csv.substring(csv.indexOf('\n') + 1));
        CsvFormat format = CsvFormat.builder().header(false).build();
        Schema expected = Schema.of(Field.of("id", ColumnType.NUMERIC), Field.of("ok", ColumnType.BOOLEAN),
                Field.of("name", ColumnType.CATEGORICAL), Field.of("x", ColumnType.NUMERIC));
        CsvFormat strict = CsvFormat.builder().header(false).schema(expected).build();

        Table sequential = format.read(file, 1, chunkBytes);
        Table parallel = format.read(file, threads, chunkBytes);
        Batch sequentialBatch = format.readBatch(file, expected, 1, chunkBytes);
        Batch parallelBatch = format.readBatch(file, expected, threads, chunkBytes);
        Throwable sequentialError = catchThrowable(() -> strict.read(file, 1, chunkBytes));
        Throwable parallelError = catchThrowable(() -> strict.read(file, threads, chunkBytes));

        String context = "seed " + seed + ", " + rows + " rows, chunks of " + chunkBytes;
        assertThat(parallel).as(context).isEqualTo(sequential);
        assertThat(parallel.schema()).as(context).isEqualTo(sequential.schema());
        assertThat(parallel.schema().names()).as(context).containsExactly("column_1", "column_2", "column_3",
                "column_4");
        assertThat(parallelBatch.table()).as(context).isEqualTo(sequentialBatch.table());
        assertThat(origins(parallelBatch)).as(context).isEqualTo(origins(sequentialBatch));
        assertThat(parallelBatch.problems()).as(context).isEqualTo(sequentialBatch.problems());
        if (sequentialError == null) {
            assertThat(parallelError).as(context).isNull();
        } else {
            assertThat(parallelError).as(context).hasMessage(sequentialError.getMessage());
        }
    }

    @Test
    void aFileWithoutAHeaderOfOneColumnKeepsItsBlankLinesAsMissingValues() throws IOException {
        StringBuilder csv = new StringBuilder("\n\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append(i % 7 == 0 ? "" : String.valueOf(i)).append('\n');
        }
        Path file = file(csv.toString());
        CsvFormat format = CsvFormat.builder().header(false).build();

        Table parallel = format.read(file, 4, 500);

        assertThat(parallel).isEqualTo(format.read(file, 1, 500));
        assertThat(parallel.rowCount()).isEqualTo(3000);
        assertThat(parallel.column("column_1").isMissing(6)).isTrue();
        assertThat(parallel.numericColumn("column_1").get(7)).isEqualTo(8.0);
    }

    @Test
    void aLargeFileWithoutAHeaderIsSplitIntoChunksThatAllCount() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(',').append(i % 2 == 0).append('\n');
        }
        Path file = file(csv.toString());

        Table table = CsvFormat.builder().header(false).build().read(file, 4, 1000);

        assertThat(table.rowCount()).isEqualTo(5000);
        assertThat(table.numericColumn("column_1").get(4999)).isEqualTo(4999.0);
        assertThat(table.numericColumn("column_1").get(0)).isEqualTo(0.0);
    }

    @Test
    void chunkBordersInsideQuotedValuesOverSeveralLinesGiveWhatOneThreadGives() throws IOException {
        StringBuilder csv = new StringBuilder("id,ok,note\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i).append(',').append(i % 3 == 0).append(",\"").append("line ").append(i)
                    .append(i % 2 == 0 ? "\nand \"\"more\"\"\r\nstill" : "\n").append("\"\n");
        }
        csv.append("oops,true,\"last\nline\"\n");
        Path file = file(csv.toString());
        CsvFormat format = CsvFormat.defaults();
        CsvFormat strict = CsvFormat.builder().schema(Schema.of(Field.of("id", ColumnType.NUMERIC),
                Field.of("ok", ColumnType.BOOLEAN), Field.of("note", ColumnType.TEXT))).build();

        for (int chunkBytes : new int[] {40, 64, 100, 333}) {
            for (int threads : new int[] {2, 3}) {
                String context = "chunks of " + chunkBytes + ", " + threads + " threads";
                Batch sequentialBatch = format.readBatch(file, EXPECTED, 1, chunkBytes);
                Batch parallelBatch = format.readBatch(file, EXPECTED, threads, chunkBytes);

                assertThat(format.read(file, threads, chunkBytes)).as(context).isEqualTo(format.read(file, 1, chunkBytes));
                assertThat(parallelBatch.table()).as(context).isEqualTo(sequentialBatch.table());
                assertThat(origins(parallelBatch)).as(context).isEqualTo(origins(sequentialBatch));
                assertThat(parallelBatch.problems()).as(context).isEqualTo(sequentialBatch.problems());
                assertThat(parallelBatch.problems()).as(context).singleElement()
                        .satisfies(problem -> assertThat(problem.line()).isEqualTo(1002));
                assertThat(catchThrowable(() -> strict.read(file, threads, chunkBytes))).as(context)
                        .hasMessage(catchThrowable(() -> strict.read(file, 1, chunkBytes)).getMessage());
            }
        }
    }

    @Test
    void aFileReadOnOneThreadSizesItsColumnsFromItsFirstRowsAndReadsAsAStream() throws IOException {
        SplittableRandom random = new SplittableRandom(MASTER_SEED);
        String csv = randomCsv(random, 9000);
        Path file = file(csv);
        CsvFormat format = CsvFormat.defaults();

        Table fromFile = format.read(file, 1, 1 << 20);
        Table fromStream = format.read(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s");

        assertThat(fromFile.rowCount()).isEqualTo(9000);
        assertThat(fromFile).isEqualTo(fromStream);
        assertThat(fromFile.schema()).isEqualTo(fromStream.schema());
    }

    @Test
    void aLargeFileIsSplitIntoChunksThatAllCount() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,ok"));
        for (int i = 0; i < 5000; i++) {
            lines.add(i + "," + (i % 2 == 0));
        }
        Path file = file(String.join("\n", lines) + "\n");

        Table table = CsvFormat.defaults().read(file, 4, 1000);

        assertThat(table.rowCount()).isEqualTo(5000);
        assertThat(table.numericColumn("id").get(4999)).isEqualTo(4999.0);
    }
}
