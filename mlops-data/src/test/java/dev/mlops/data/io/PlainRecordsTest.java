package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain records go straight from the buffer to the columns, every other record through the
 * tokenizer's cells. On seeded random files that mix both (numbers of every form the syntax
 * has, booleans, timestamps, levels quoted or not and beyond ASCII, missing tokens, one that
 * looks like a number, blank lines, CRLF line ends, a last line without one, files past the
 * 64 KiB read buffer) a read must give what the same reader gives with plain records off: the
 * same types, values and levels, or the same error.
 */
class PlainRecordsTest {
    private static final long MASTER_SEED = 0x91a1_4ec0L;
    private static final String[] LEVELS = {"north", "south", "ab\"c", "München", "\"a,b\"", "\"say \"\"hi\"\"\"",
        "x y", "NA", "", "?", "é", "\"quoted\""};
    private static final String[] PLAIN_LEVELS = {"north", "south", "east", "a-b", "x y", "NA", "?", "z", "ab\"c"};
    private static final Set<String> TOKENS = Set.of("", "NA", "?", "-999");

    @TempDir
    Path dir;

    static Stream<Arguments> seeds() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return LongStream.range(0, 32).mapToObj(i -> Arguments.of(master.nextLong(), 1 + master.nextInt(3_000)));
    }

    private static String number(SplittableRandom random) {
        String sign = random.nextInt(3) == 0 ? "-" : random.nextInt(10) == 0 ? "+" : "";
        return switch (random.nextInt(16)) {
            case 0 -> sign + random.nextLong(1_000_000_000_000_000L);
            case 1 -> sign + random.nextLong(1_000_000_000_000_000_000L) + "0";
            case 2 -> sign + random.nextInt(10_000_000) + "." + digits(random, random.nextInt(0, 10));
            case 3 -> sign + digits(random, random.nextInt(7, 10)) + "." + digits(random, random.nextInt(1, 4));
            case 4 -> sign + random.nextInt(100) + "." + digits(random, random.nextInt(1, 8))
                    + (random.nextBoolean() ? "e" : "E") + (random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "")
                    + digits(random, random.nextInt(1, 5));
            case 5 -> sign + random.nextInt(1_000) + (random.nextBoolean() ? "e" : "E") + random.nextInt(30);
            case 6 -> sign + "." + digits(random, random.nextInt(1, 6));
            case 7 -> sign + random.nextInt(1_000) + ".";
            case 8 -> new String[] {"NaN", "inf", "-Infinity", "-0", "0.0"}[random.nextInt(5)];
            case 9 -> new String[] {"", "NA", "?", "-999", "\"\"", "\"12.5\""}[random.nextInt(6)];
            case 10 -> String.format(Locale.ROOT, "%." + random.nextInt(0, 17) + "e",
                    (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-40, 40)));
            default -> sign + random.nextInt(100_000) + "." + digits(random, random.nextInt(1, 7));
        };
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** A cell of a column of the given kind: 0 numbers, 1 booleans, 2 any levels, 3 plain levels, 4 timestamps. */
    private static String cell(SplittableRandom random, int kind, boolean contradicted) {
        if (contradicted && random.nextInt(500) == 0) {
            return new String[] {"12abc", "1.2.3", "maybe", "x"}[random.nextInt(4)];
        }
        return switch (kind) {
            case 0 -> number(random);
            case 1 -> random.nextInt(8) == 0 ? "NA" : new String[] {"true", "FALSE", "True", "false"}[random.nextInt(4)];
            case 2 -> LEVELS[random.nextInt(LEVELS.length)];
            case 3 -> PLAIN_LEVELS[random.nextInt(PLAIN_LEVELS.length)];
            default -> random.nextInt(6) == 0 ? "" : "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                    + "T0" + random.nextInt(10) + ":00:00Z";
        };
    }

    /**
     * A file of two to six columns of random kinds (timestamps in few files, since they make no
     * record plain); with {@code badWidth}, one row has an extra cell.
     */
    private static String csv(SplittableRandom random, int rows, boolean badWidth) {
        int[] kinds = new int[random.nextInt(2, 7)];
        StringBuilder csv = new StringBuilder();
        for (int column = 0; column < kinds.length; column++) {
            kinds[column] = random.nextInt(5) == 0 ? random.nextInt(5) : random.nextInt(4);
            csv.append(column == 0 ? "" : ",").append("c").append(column);
        }
        String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
        boolean contradicted = random.nextInt(3) == 0;
        int badRow = badWidth ? random.nextInt(rows) : -1;
        csv.append(lineEnd);
        for (int row = 0; row < rows; row++) {
            if (random.nextInt(200) == 0) {
                csv.append(lineEnd);
            }
            for (int column = 0; column < kinds.length; column++) {
                csv.append(column == 0 ? "" : ",").append(cell(random, kinds[column], contradicted));
            }
            csv.append(row == badRow ? ",1" : "").append(row + 1 < rows || random.nextBoolean() ? lineEnd : "");
        }
        return csv.toString();
    }

    private static Table usualPath(Path file, int threads, long chunkBytes) {
        CsvReader reader = new CsvReader((byte) ',', (byte) '"', true, false, StandardCharsets.UTF_8, null, TOKENS,
                (char) 0, (char) 0, false);
        TableBuilder.Options options = new TableBuilder.Options(null, null, LocalTimes.ERROR, TOKENS);
        return TableBuilder.read(file.toString(), options, table -> reader.read(file, table, null, threads, chunkBytes));
    }

    private static Object outcome(ThrowingRead read) {
        try {
            return read.read();
        } catch (DataFormatException e) {
            return e.getMessage();
        }
    }

    /** A read that may throw. */
    private interface ThrowingRead {
        Table read();
    }

    @ParameterizedTest(name = "seed {0}, {1} rows")
    @MethodSource("seeds")
    void readsWhatTheUsualPathReads(long seed, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Path file = Files.writeString(dir.resolve("plain.csv"), csv(random, rows, random.nextInt(6) == 0));
        CsvFormat format = CsvFormat.builder().missingTokens(TOKENS.toArray(new String[0])).build();

        Object expected = outcome(() -> usualPath(file, 1, Long.MAX_VALUE));
        assertThat(outcome(() -> format.read(file, 1, Long.MAX_VALUE))).as("seed %d", seed).isEqualTo(expected);
        assertThat(outcome(() -> format.read(file, 2, 4_096))).as("seed %d, in chunks", seed).isEqualTo(expected);
        assertThat(outcome(() -> usualPath(file, 2, 4_096))).as("seed %d, usual path in chunks", seed)
                .isEqualTo(expected);
    }

    @Test
    void readsEveryColumnTypeOfAPlainFileAndTheLastLineWithoutItsEnd() throws IOException {
        Path file = Files.writeString(dir.resolve("types.csv"),
                "n,b,c,t\r\n1.5,true,north,2024-01-02T03:04:05Z\r\n-999,FALSE,NA,\r\n-2.25e-3,True,south,NA");

        Table table = CsvFormat.builder().missingTokens("", "NA", "-999").build().read(file);

        assertThat(table.schema()).isEqualTo(Schema.of(Field.of("n", ColumnType.NUMERIC), Field.of("b", ColumnType.BOOLEAN),
                Field.of("c", ColumnType.CATEGORICAL), Field.of("t", ColumnType.TIMESTAMP)));
        NumericColumn numbers = (NumericColumn) table.column("n");
        assertThat(numbers.get(0)).isEqualTo(1.5);
        assertThat(numbers.isMissing(1)).isTrue();
        assertThat(numbers.get(2)).isEqualTo(-0.00225);
        BooleanColumn booleans = (BooleanColumn) table.column("b");
        assertThat(booleans.get(1)).isFalse();
        assertThat(booleans.get(2)).isTrue();
        CategoricalColumn levels = (CategoricalColumn) table.column("c");
        assertThat(levels.isMissing(1)).isTrue();
        assertThat(levels.get(2)).isEqualTo("south");
        assertThat(table.column("t").isMissing(1)).isTrue();
        assertThat(table.column("t").isMissing(2)).isTrue();
    }

    @Test
    void aNumberFollowedByTextInItsCellMakesTheColumnCategorical() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i).append('.').append(i).append(',').append(i == 60 ? "7kg" : "7").append('\n');
        }
        Path file = Files.writeString(dir.resolve("units.csv"), csv);

        Table table = CsvFormat.defaults().read(file);

        assertThat(table.schema().fields()).extracting(Field::type).containsExactly(ColumnType.NUMERIC,
                ColumnType.CATEGORICAL);
        assertThat(((CategoricalColumn) table.column("b")).get(60)).isEqualTo("7kg");
        assertThat(((CategoricalColumn) table.column("b")).get(61)).isEqualTo("7");
    }

    @Test
    void aRecordWithAnExtraValueIsTheUsualErrorOnItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("wide.csv"), "a,b\n1,2\n3,4\n5,6,7\n8,9\n");

        assertThatThrownBy(() -> CsvFormat.defaults().read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 4").hasMessageContaining("expected 2 values").hasMessageContaining("found 3");
    }

    @Test
    void anAttemptThatFailsPausesTheNextOnesLongerEachTimeUntilOneSucceeds() {
        byte[] good = padded("1,2\n");
        byte[] quoted = padded("\"1\",2\n");
        Schema schema = Schema.of(Field.of("a", ColumnType.NUMERIC), Field.of("b", ColumnType.NUMERIC));

        Table table = TableBuilder.read("test", TableBuilder.Options.defaults().withSchema(schema), builder -> {
            builder.addColumn("a", 1);
            builder.addColumn("b", 1);
            PlainRecords plain = new PlainRecords(builder, (byte) ',', (byte) '"',
                    new MissingTokens(Set.of(""), StandardCharsets.UTF_8));
            assertThat(plain.read(good, 0, 4)).isEqualTo(4);
            assertThat(plain.read(quoted, 0, 6)).as("quoted: not plain").isEqualTo(-1);
            assertThat(plain.read(good, 0, 4)).as("paused for one record").isEqualTo(-1);
            assertThat(plain.read(good, 0, 4)).isEqualTo(4);
            assertThat(plain.read(quoted, 0, 6)).isEqualTo(-1);
            assertThat(plain.read(quoted, 0, 6)).as("paused").isEqualTo(-1);
            assertThat(plain.read(quoted, 0, 6)).as("a second failure in a row").isEqualTo(-1);
            assertThat(plain.read(good, 0, 4)).as("paused for two records").isEqualTo(-1);
            assertThat(plain.read(good, 0, 4)).isEqualTo(-1);
            assertThat(plain.read(good, 0, 4)).isEqualTo(4);
            assertThat(plain.read(good, 0, 3)).as("the line's end not read yet").isEqualTo(-1);
        });

        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(((NumericColumn) table.column("b")).get(2)).isEqualTo(2.0);
    }

    /**
     * Reads records of (number, boolean, level) one by one, each through a new reader of plain
     * records (so that no failure pauses the next), noting each end offset.
     */
    private static Table plainly(List<String> records, List<Integer> ends) {
        Schema schema = Schema.of(Field.of("n", ColumnType.NUMERIC), Field.of("b", ColumnType.BOOLEAN),
                Field.of("c", ColumnType.CATEGORICAL));
        return TableBuilder.read("test", TableBuilder.Options.defaults().withSchema(schema), builder -> {
            builder.addColumn("n", 1);
            builder.addColumn("b", 1);
            builder.addColumn("c", 1);
            for (String record : records) {
                byte[] bytes = padded(record);
                PlainRecords plain = new PlainRecords(builder, (byte) ',', (byte) '"',
                        new MissingTokens(Set.of("", "NA"), StandardCharsets.UTF_8));
                ends.add(plain.read(bytes, 0, record.getBytes(StandardCharsets.UTF_8).length));
            }
        });
    }

    @Test
    void aPlainRecordEndsJustPastItsLineFeedOrCarriageReturnAndLineFeed() {
        List<Integer> ends = new java.util.ArrayList<>();

        Table table = plainly(List.of("1.5,true,x\n", "-2,FALSE,y\r\n", "NA,NA,NA\n", "3,true,x\r", "4,true,\"q\"\n"),
                ends);

        assertThat(ends).containsExactly(11, 12, 9, -1, -1);
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(((NumericColumn) table.column("n")).get(1)).isEqualTo(-2.0);
        assertThat(((BooleanColumn) table.column("b")).get(1)).isFalse();
        assertThat(((CategoricalColumn) table.column("c")).get(1)).isEqualTo("y");
        assertThat(table.column("n").isMissing(2)).isTrue();
        assertThat(table.column("b").isMissing(2)).isTrue();
        assertThat(table.column("c").isMissing(2)).isTrue();
    }

    @Test
    void aCellThatDoesNotFitItsColumnOrARecordOfTheWrongWidthIsNotPlain() {
        List<Integer> ends = new java.util.ArrayList<>();

        Table table = plainly(List.of("1,true\n", "1,true,x,y\n", "1,maybe,x\n", "1x,true,x\n", "1,true,é\n",
                "1,true,x\n"), ends);

        assertThat(ends).containsExactly(-1, -1, -1, -1, -1, 9);
        assertThat(table.rowCount()).as("only the last, plain record appended").isEqualTo(1);
    }

    private static byte[] padded(String record) {
        byte[] bytes = new byte[64];
        byte[] text = record.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, bytes, 0, text.length);
        return bytes;
    }
}
