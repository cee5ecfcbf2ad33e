package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSV reader hands a cell of ASCII bytes without doubled quotes straight to a numeric,
 * categorical or text column (numbers parsed from the bytes, levels found by their bytes and
 * appended by code). On seeded random files it must give exactly what the cell-by-cell path of
 * {@link TableBuilder} gives for the same texts: the same types, values, missing cells and
 * categorical levels in the same order, on one thread and on several, inferred or with the
 * schema given.
 */
class CsvFastPathTest {
    private static final long MASTER_SEED = 0xfa57_ba7eL;
    private static final String[] LEVELS = {"north", "south", "ab", "x", "München", "say \"hi\"", "a,b", "NA", "", "?",
        "é", "north "};
    private static final String[] WORDS = {"abc", "1e", "--1", "0x10", "12345678901234567890"};

    @TempDir
    Path dir;

    static Stream<Arguments> seeds() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return LongStream.range(0, 16).mapToObj(i -> Arguments.of(master.nextLong(), 1 + master.nextInt(600)));
    }

    /** A cell's text and how the file writes it. */
    private record Written(String text, String csv) {
    }

    private static Written number(SplittableRandom random) {
        String text = switch (random.nextInt(6)) {
            case 0 -> String.valueOf(random.nextInt(-100_000, 100_000));
            case 1 -> String.format(java.util.Locale.ROOT, "%." + random.nextInt(0, 9) + "f",
                    (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(0, 12)));
            case 2 -> String.format(java.util.Locale.ROOT, "%." + random.nextInt(0, 8) + "e",
                    (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30)));
            case 3 -> String.valueOf(random.nextDouble());
            case 4 -> new String[] {"NA", "", "?"}[random.nextInt(3)];
            default -> String.valueOf(random.nextLong(1L << 40));
        };
        return new Written(text, random.nextInt(10) == 0 ? '"' + text + '"' : text);
    }

    private static Written level(SplittableRandom random) {
        String text = LEVELS[random.nextInt(LEVELS.length)];
        boolean quoted = text.contains("\"") || text.contains(",") || text.endsWith(" ") || random.nextInt(8) == 0;
        return new Written(text, quoted ? '"' + text.replace("\"", "\"\"") + '"' : text);
    }

    /** Rows of written cells: numbers, levels, numbers that a rare word may contradict, and text-like levels. */
    private static List<List<Written>> rows(SplittableRandom random, int count) {
        boolean contradicted = random.nextBoolean();
        List<List<Written>> rows = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            String rare = WORDS[random.nextInt(WORDS.length)];
            Written word = contradicted && random.nextInt(count) == 0 ? new Written(rare, rare) : number(random);
            rows.add(List.of(number(random), level(random), word,
                    random.nextInt(3) == 0 ? new Written("NA", "NA") : level(random)));
        }
        return rows;
    }

    private static String csv(List<List<Written>> rows) {
        StringBuilder csv = new StringBuilder("n,c,m,l\n");
        for (List<Written> row : rows) {
            csv.append(String.join(",", row.stream().map(Written::csv).toList())).append('\n');
        }
        return csv.toString();
    }

    /** The same texts through {@link TableBuilder#add(int, String, long)}, cell by cell. */
    private static Table slowPath(List<List<Written>> rows, TableBuilder.Options options) {
        return TableBuilder.read(new ByteArrayInputStream(new byte[0]), "slow", options, (in, table) -> {
            for (String name : List.of("n", "c", "m", "l")) {
                table.addColumn(name, 1);
            }
            long line = 2;
            for (List<Written> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    table.add(i, row.get(i).text(), line);
                }
                line++;
            }
        });
    }

    /** Every cell of a column as text: a number exactly (-0.0 and NaN too), a level quoted, or missing. */
    private static List<String> cells(Column column) {
        List<String> cells = new ArrayList<>();
        for (int row = 0; row < column.size(); row++) {
            cells.add(column.isMissing(row) ? "<missing>"
                    : column instanceof NumericColumn numbers ? Double.toString(numbers.get(row))
                    : column instanceof TextColumn texts ? "text '" + texts.get(row) + "'"
                    : "'" + ((CategoricalColumn) column).get(row) + "'");
        }
        return cells;
    }

    private static void assertSameTable(Table actual, Table expected, String context) {
        assertThat(actual.schema()).as(context).isEqualTo(expected.schema());
        for (int i = 0; i < expected.schema().size(); i++) {
            assertThat(cells(actual.column(i))).as(context + ", column " + i).isEqualTo(cells(expected.column(i)));
            if (expected.column(i) instanceof CategoricalColumn categories) {
                assertThat(((CategoricalColumn) actual.column(i)).levels()).as(context + ", levels of column " + i)
                        .isEqualTo(categories.levels());
            }
        }
        assertThat(actual).as(context).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}, {1} rows")
    @MethodSource("seeds")
    void readsWhatTheCellByCellPathReads(long seed, int count) throws IOException {
        List<List<Written>> rows = rows(new SplittableRandom(seed), count);
        Path file = Files.writeString(dir.resolve("fast.csv"), csv(rows), StandardCharsets.UTF_8);
        Table expected = slowPath(rows, TableBuilder.Options.defaults());
        CsvFormat given = CsvFormat.builder().schema(expected.schema()).build();
        String context = "seed " + seed;

        assertSameTable(CsvFormat.defaults().read(file), expected, context);
        assertSameTable(CsvFormat.defaults().read(file, 2, 64), expected, context + ", in chunks");
        assertSameTable(given.read(file), expected, context + ", schema given");
        assertSameTable(given.read(file, 3, 100), expected, context + ", schema given, in chunks");
    }

    @ParameterizedTest(name = "seed {0}, {1} rows")
    @MethodSource("seeds")
    void readsTextColumnsAsTheCellByCellPathReads(long seed, int count) throws IOException {
        List<List<Written>> rows = rows(new SplittableRandom(seed), count);
        Path file = Files.writeString(dir.resolve("fast.csv"), csv(rows), StandardCharsets.UTF_8);
        Schema texts = Schema.of(Field.of("n", ColumnType.TEXT), Field.of("c", ColumnType.TEXT),
                Field.of("m", ColumnType.CATEGORICAL), Field.of("l", ColumnType.TEXT));
        Table expected = slowPath(rows, TableBuilder.Options.defaults().withSchema(texts));
        CsvFormat given = CsvFormat.builder().schema(texts).build();

        assertSameTable(given.read(file), expected, "seed " + seed);
        assertSameTable(given.read(file, 2, 64), expected, "seed " + seed + ", in chunks");
    }
}
