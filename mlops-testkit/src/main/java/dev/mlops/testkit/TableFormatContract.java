package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.TableFormat;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.EmptyInput;
import dev.mlops.testkit.kit.Runs;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.testkit.kit.Sweep;
import dev.mlops.testkit.kit.ThreadSafe;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jspecify.annotations.Nullable;

/**
 * The contract of {@link TableFormat} as a JUnit 5 test: extend this class, say how to make your
 * format, and every test here runs against it.
 *
 * <pre>{@code
 * class ParquetishFormatContractTest extends TableFormatContract {
 *     @Override
 *     protected TableFormat format() {
 *         return ParquetishFormat.defaults();
 *     }
 *
 *     @Override
 *     protected TableFormat format(Schema schema) {
 *         return ParquetishFormat.builder().schema(schema).build();
 *     }
 *
 *     @Override
 *     protected byte[] malformedInput() {
 *         return "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8);
 *     }
 *
 *     @Override
 *     protected long malformedLine() {
 *         return 3;
 *     }
 * }
 * }</pre>
 *
 * <p>What the tests check, for any implementation:
 * <ul>
 *   <li>a table of all five column types, with missing values, NaN, infinities, negative zero,
 *       extreme and subnormal doubles, instants from year 1 to 9999 with nanoseconds, and text
 *       holding delimiters, quotes, line breaks, surrounding spaces and non-ASCII characters
 *       (München, São Paulo, 東京, emoji), reads back equal with its schema;</li>
 *   <li>a table without text columns reads back equal when the format infers the types;</li>
 *   <li>one-column tables with missing values, values with spaces and tabs
 *       around them in any column, instants beyond four-digit years (up to {@link Instant#MIN}
 *       and {@link Instant#MAX}), and unusual column names read back equal;</li>
 *   <li>a sweep of random tables drawn from one fixed master seed reads back equal; a failure
 *       names the case's seed and size and the first cells that differ;</li>
 *   <li>writing to a file and reading it back gives the same table, creates missing parent
 *       directories and leaves no temp file beside the file;</li>
 *   <li>the malformed input fails with a {@link DataFormatException} naming the input and the
 *       physical line, from a stream and from a file (a binary format without lines, such as
 *       Parquet, names no line: {@link #malformedLine()} 0);</li>
 *   <li>an instant the format documents it cannot hold ({@link #holdsInstant}) is refused when
 *       written, naming its column and row, never rounded;</li>
 *   <li>reading reads the caller's stream to its end without closing it; writing flushes the
 *       caller's stream without closing it.</li>
 * </ul>
 *
 * <p>And, from the kit's pieces ({@link dev.mlops.testkit.kit}), each a nested group run on the
 * table of all five types with a format of its schema:
 * <ul>
 *   <li>determinism: the same bytes and an equal table read back, from one format used twice and
 *       from two made alike; a failure names the first differing byte or cell;</li>
 *   <li>thread safety: one format writing and reading from 8 threads at once gives, on every run,
 *       what it gives on one thread;</li>
 *   <li>empty input: a table with the five columns and no rows is no refusal: it reads back equal
 *       with its schema;</li>
 *   <li>settings round trip: the format's type is registered in {@link #registry()}, and the
 *       format rebuilt from its spec string or its JSON (schema and all) is equal to it and
 *       writes and reads alike.</li>
 * </ul>
 *
 * <p>Equality is {@link Table#equals}: the same schema (names, types, order) and equal cells,
 * with NaN equal to NaN but {@code -0.0} unequal to {@code 0.0}. A format that documents texts it
 * reads back as missing (CSV's empty cell, say) names them in {@link #textsReadAsMissing()}, and
 * the fixtures and random tables then avoid them as categorical or text values.
 *
 * <p>The tests are package-private, so a subclass inherits every one of them and cannot weaken
 * one by overriding it; the only ways to narrow the contract are {@link #textsReadAsMissing()}
 * and {@link #holdsInstant}, for a limit the format documents, and the latter is itself checked:
 * what the format says it cannot hold, it must refuse. A failing test names what was written (escaped and cut
 * short) and the first cells that differ. Tests here never change the default locale, time zone
 * or charset: run the suite under unusual ones (Surefire's {@code -Duser.language},
 * {@code -Duser.timezone}) to check that the format depends on none of them.
 */
public abstract class TableFormatContract {
    /** The seed from which every sweep case is drawn; changing it changes every case. */
    static final long MASTER_SEED = 0x7AB1_EF0A_4A75_EEDL;
    private static final int SWEEP_CASES = 20;
    private static final int MAX_SWEEP_ROWS = 200;
    private static final int MAX_SWEEP_COLUMNS = 8;
    private static final String SOURCE = "contract-input";
    private static final int MAX_SHOWN_OUTPUT = 1_500;

    /** Creates the contract test; subclasses supply the format under test. */
    protected TableFormatContract() {
    }

    /**
     * Returns the format under test, configured to infer column types while reading.
     *
     * @return a format without a schema
     */
    protected abstract TableFormat format();

    /**
     * Returns the format under test, configured to read with the given schema.
     *
     * @param schema the columns and types that reading must produce
     * @return a format that reads with this schema
     */
    protected abstract TableFormat format(Schema schema);

    /**
     * Returns an input that {@link #format()} must refuse as malformed at line
     * {@link #malformedLine()}. Put well-formed lines, and where the format allows them blank or
     * multi-line records, before the bad one, so that the test checks that the line reported is
     * the physical line.
     *
     * @return the bytes of a malformed input
     */
    protected abstract byte[] malformedInput();

    /**
     * Returns the physical 1-based line of {@link #malformedInput()} at which reading must fail
     * (in a format with a header, the header is line 1), or 0 for a binary format, which has no
     * lines (Parquet): its error must then say {@link DataFormatException#line()} 0 and name no
     * line in its message.
     *
     * @return the line number, or 0 for a format without lines
     */
    protected abstract long malformedLine();

    /**
     * Returns the categorical and text values that the format documents as reading back as
     * missing, such as a CSV format's missing tokens. The fixtures and random tables never use
     * them as values. The default is none: a format that can hold every string leaves it so.
     *
     * @return the texts that read back as missing, compared exactly
     */
    protected Set<String> textsReadAsMissing() {
        return Set.of();
    }

    /**
     * Tells whether the format can hold an instant. A format that documents that it cannot hold
     * some (Parquet's {@code TIMESTAMP(MICROS)} holds neither a fraction of a microsecond nor an
     * instant beyond about ±292,000 years) says so here: the fixtures then hold such instants as
     * missing values, random tables draw them truncated to microseconds, milliseconds or seconds,
     * whichever the format holds first, and a test checks that writing one is refused, naming
     * its column and 0-based row, rather than rounded. The default holds every instant.
     *
     * @param instant an instant of a fixture or a random table
     * @return false if writing it must be refused
     */
    protected boolean holdsInstant(Instant instant) {
        return true;
    }

    /**
     * Returns the registry through which the settings round trip rebuilds the format; the
     * default, {@link ComponentRegistry#defaults()}, finds every type listed in
     * {@code META-INF/services} on the class path. Override it for a type of the tests alone.
     *
     * @return the registry that knows the format's type
     */
    protected ComponentRegistry registry() {
        return ComponentRegistry.defaults();
    }

    /**
     * A table of all five column types that holds the corners of each type: missing values,
     * NaN, infinities, negative zero, subnormal and extreme doubles, instants from year 1 to
     * 9999 with nanoseconds, and text with delimiters, quotes, line breaks and non-ASCII text.
     */
    @Test
    @DisplayName("a table of all five types with missing values, NaN, ±Infinity, -0.0, extreme doubles and awkward"
            + " text reads back equal with its schema")
    void richTableRoundTripsWithSchema() {
        Table table = richTable();
        assertRoundTrip(table, format(table.schema()), "the table of all five types");
    }

    /** A table without text columns, whose types the format must infer back. */
    @Test
    @DisplayName("a table without text columns reads back equal, types and all, when the format infers the types")
    void tableWithoutTextRoundTripsWithInferredTypes() {
        Table table = held(inferableTable());
        assertRoundTrip(table, format(), "the table without text columns, read with inferred types");
    }

    /**
     * A table of one column, whose rows hold nothing but that column's value, keeps its missing
     * values and so its row count.
     *
     * @param type the column's type
     */
    @ParameterizedTest(name = "one {0} column")
    @EnumSource(ColumnType.class)
    @DisplayName("a table of one column with missing values, first, between and last, reads back equal with its schema")
    void singleColumnWithMissingValuesRoundTrips(ColumnType type) {
        Table table = held(singleColumnTable(type));
        assertRoundTrip(table, format(table.schema()), "the table of one " + type + " column with missing values");
    }

    /** Column names with spaces, delimiters, quotes and non-ASCII characters survive. */
    @Test
    @DisplayName("column names with spaces, delimiters, quotes and non-ASCII characters read back equal")
    void unusualColumnNamesRoundTrip() {
        Schema schema = Schema.of(
                Field.of("Größe in cm", ColumnType.NUMERIC),
                Field.of("city, country", ColumnType.CATEGORICAL),
                Field.of("say \"yes\"", ColumnType.BOOLEAN),
                Field.of("東京; 😀", ColumnType.TIMESTAMP),
                Field.of("tab\there|pipe", ColumnType.TEXT));
        Table table = Table.rowBuilder(schema)
                .addRow(180.5, "München, Deutschland", true, Instant.parse("2024-01-31T12:00:00Z"), "one")
                .addRow(null, "São Paulo, Brasil", false, null, "two")
                .build();
        assertRoundTrip(table, format(schema), "the table with unusual column names");
    }

    /** Spaces and tabs around values are part of the value, in the first, a middle and the last column. */
    @Test
    @DisplayName("spaces and tabs around text and categories, in the first, a middle and the last column, read back"
            + " equal with the schema")
    void whitespaceAroundValuesRoundTrips() {
        Schema schema = Schema.of(
                Field.of("first", ColumnType.TEXT),
                Field.of("middle", ColumnType.CATEGORICAL),
                Field.of("last", ColumnType.TEXT));
        Object[][] rows = {
            {" one leading space", " padded ", "trailing space "},
            {"  two leading spaces", "\tleading tab", " "},
            {"\tleading tab", " ", "  both  "},
            {" ", "  both  ", "\t"},
            {"trailing tab\t", "plain", " one leading space"},
        };
        Table table = table(schema, rows);
        assertRoundTrip(table, format(schema), "the table with spaces and tabs around values");
    }

    /** Instants beyond four-digit years, which ISO-8601 writes with a sign, keep their value. */
    @Test
    @DisplayName("instants outside the years 0000 to 9999, up to Instant.MIN and Instant.MAX, read back equal with"
            + " the schema")
    void instantsBeyondFourDigitYearsRoundTrip() {
        Table table = held(instantsBeyondFourDigitYears());
        assertRoundTrip(table, format(table.schema()), "the table of instants beyond four-digit years");
    }

    private static Table instantsBeyondFourDigitYears() {
        Schema schema = Schema.of(Field.of("at", ColumnType.TIMESTAMP), Field.of("label", ColumnType.CATEGORICAL));
        Object[][] rows = {
            {Instant.MIN, "Instant.MIN"},
            {instant("-0001-12-31T23:59:59.999999999Z"), "year -1"},
            {instant("0000-01-01T00:00:00Z"), "year 0"},
            {instant("+10000-01-01T00:00:00Z"), "year 10000"},
            {Instant.MAX, "Instant.MAX"},
        };
        return table(schema, rows);
    }

    /**
     * An instant the format says it cannot hold is refused when written, naming its column and
     * row, never rounded; skipped for a format that holds every instant of the fixtures.
     */
    @Test
    @DisplayName("an instant the format documents it cannot hold is refused, naming its column and row, not rounded")
    void instantsTheFormatCannotHoldAreRefusedNamingColumnAndRow() {
        boolean anyRefused = false;
        for (Table fixture : List.of(richFixture(), instantsBeyondFourDigitYears())) {
            String name = fixture.schema().fields().stream().filter(field -> field.type() == ColumnType.TIMESTAMP)
                    .findFirst().orElseThrow().name();
            int refused = firstRefusedRow(fixture.timestampColumn(name));
            if (refused < 0) {
                continue;
            }
            anyRefused = true;
            TableFormat format = format(fixture.schema());
            assertThatThrownBy(() -> write(fixture, format))
                    .as("writing %s, whose row %d holds %s", name, refused, fixture.timestampColumn(name).get(refused))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageContaining(name)
                    .hasMessageContaining(fixture.timestampColumn(name).get(refused).toString())
                    .message().containsPattern("\\brow " + refused + "(?!\\d)");
        }
        Assumptions.assumeTrue(anyRefused, "the format holds every instant of the fixtures");
    }

    private int firstRefusedRow(TimestampColumn column) {
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row) && !holdsInstant(column.get(row))) {
                return row;
            }
        }
        return -1;
    }

    /** The table with every instant the format cannot hold made missing. */
    private Table held(Table table) {
        List<Column> columns = new ArrayList<>(table.columnCount());
        for (Column column : table.columns()) {
            if (column instanceof TimestampColumn instants) {
                TimestampColumn.Builder builder = TimestampColumn.builder(column.name());
                for (int row = 0; row < instants.size(); row++) {
                    if (instants.isMissing(row) || !holdsInstant(instants.get(row))) {
                        builder.addMissing();
                    } else {
                        builder.add(instants.get(row));
                    }
                }
                columns.add(builder.build().withSensitive(column.sensitive()));
            } else {
                columns.add(column);
            }
        }
        return Table.of(columns);
    }

    /**
     * Random tables, each from its own seed drawn from {@link #MASTER_SEED}, read back equal. No
     * format may refuse a table it wrote, so every case must be exercised.
     *
     * @return one dynamic test per case, then the coverage test
     */
    @TestFactory
    @DisplayName("random tables from a fixed master seed read back equal with their schema")
    Stream<DynamicTest> randomTablesRoundTripWithSchema() {
        return Sweep.of(sweepCases(), SweepCase::toString, c -> {
            Table table = RandomTables.table(c.seed(), c.rows(), c.columns(), this::usableText, this::holdsInstant);
            assertRoundTrip(table, format(table.schema()), "schema " + table.schema());
            return Sweep.Outcome.EXERCISED;
        }, 1.0);
    }

    /** A case of the sweep: its 1-based number, the table's seed, its row count and column count. */
    record SweepCase(int number, long seed, int rows, int columns) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "case %d of %d (master seed %d): table seed %d, %d rows x %d columns",
                    number, SWEEP_CASES, MASTER_SEED, seed, rows, columns);
        }
    }

    /**
     * The cases of the seeded sweep, drawn from {@link #MASTER_SEED}: row counts 0 to 200, column
     * counts 1 to 8.
     *
     * @return the cases, the same in every run
     */
    static List<SweepCase> sweepCases() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<SweepCase> cases = new ArrayList<>(SWEEP_CASES);
        for (int number = 1; number <= SWEEP_CASES; number++) {
            cases.add(new SweepCase(number, master.nextLong(), master.nextInt(MAX_SWEEP_ROWS + 1),
                    master.nextInt(1, MAX_SWEEP_COLUMNS + 1)));
        }
        return cases;
    }

    /**
     * Writing to a file and reading it back gives the same table; the write replaces an older
     * file, creates missing directories and leaves nothing else behind.
     *
     * @param directory a fresh directory
     * @throws IOException if the directory cannot be listed
     */
    @Test
    @DisplayName("write(Path) then read(Path) gives the same table, replaces the old file and leaves no temp file")
    void fileRoundTripLeavesNoTempFile(@TempDir Path directory) throws IOException {
        Path folder = directory.resolve("not yet there").resolve("tables");
        Path file = folder.resolve("table.data");
        Table table = richTable();
        TableFormat format = format(table.schema());

        format.write(table.head(1), file);
        format.write(table, file);

        Table read = format.read(file);
        assertEqualTables(table, read, "the table written to and read from " + file, "");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("the files in %s after writing %s twice", folder, file.getFileName())
                    .containsExactly(file);
        }
    }

    /** The malformed input fails at its line, read from a stream. */
    @Test
    @DisplayName("a malformed input fails with a DataFormatException naming the input and its physical line")
    void malformedInputFailsNamingTheLine() {
        long line = malformedLine();
        assertThatThrownBy(() -> format().read(new ByteArrayInputStream(malformedInput()), SOURCE))
                .as("reading the malformed input")
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).as("line() of %s", e).isEqualTo(line);
                    assertThat(e.source()).as("source() of %s", e).isEqualTo(SOURCE);
                    assertThat(e.getMessage()).as("the message").contains(SOURCE);
                    assertNamesTheLine(e.getMessage(), line);
                });
    }

    /**
     * The malformed input fails at its line, read from a file.
     *
     * @param directory a fresh directory
     * @throws IOException if the input cannot be written
     */
    @Test
    @DisplayName("a malformed file fails with a DataFormatException naming the file and its physical line")
    void malformedFileFailsNamingTheLine(@TempDir Path directory) throws IOException {
        long line = malformedLine();
        Path file = Files.write(directory.resolve("malformed.data"), malformedInput());
        assertThatThrownBy(() -> format().read(file))
                .as("reading the malformed file")
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).as("line() of %s", e).isEqualTo(line);
                    assertThat(e.getMessage()).as("the message").contains(file.getFileName().toString());
                    assertNamesTheLine(e.getMessage(), line);
                });
    }

    /** Reading, with a schema or inferring types, borrows the caller's stream. */
    @Test
    @DisplayName("reading, with a schema or inferring, reads the caller's stream to its end and does not close it")
    void readingLeavesTheStreamOpen() {
        Table table = richTable();
        byte[] written = write(table, format(table.schema()));
        assertReadingBorrowsTheStream(format(table.schema()), written, "with a schema");
        assertReadingBorrowsTheStream(format(), written, "inferring types");
    }

    private static void assertReadingBorrowsTheStream(TableFormat format, byte[] written, String how) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(written);
        CloseRecordingInputStream in = new CloseRecordingInputStream(bytes);
        format.read(in, SOURCE);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(in.closed()).as("whether %s, reading %s, closed the caller's stream", name(format), how)
                    .isFalse();
            softly.assertThat(bytes.available()).as("bytes %s, reading %s, left unread", name(format), how).isZero();
        });
    }

    /** Writing borrows the caller's stream: it flushes what it wrote but does not close it. */
    @Test
    @DisplayName("writing flushes the caller's stream and does not close it")
    void writingFlushesButLeavesTheStreamOpen() {
        Table table = richTable();
        TableFormat format = format(table.schema());
        byte[] expected = write(table, format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CloseRecordingOutputStream out = new CloseRecordingOutputStream(new BufferedOutputStream(bytes, 1 << 16));
        format.write(table, out);
        assertThat(out.closed()).as("whether %s closed the stream it wrote", name(format)).isFalse();
        assertThat(bytes.toByteArray()).as("the bytes that reached the caller's stream without a flush by the caller"
                + " (the same table written twice)").isEqualTo(expected);
    }

    /**
     * Tells whether a string may serve as a categorical or text value in fixtures.
     *
     * @param text a candidate value
     * @return false if the format reads it back as missing
     */
    private boolean usableText(String text) {
        return !textsReadAsMissing().contains(text);
    }

    private void assertRoundTrip(Table table, TableFormat format, String context) {
        byte[] written = write(table, format);
        Table read;
        try {
            read = format.read(new ByteArrayInputStream(written), SOURCE);
        } catch (RuntimeException e) {
            throw new AssertionError(context + ": reading back what " + name(format) + " wrote failed: " + e
                    + System.lineSeparator() + "written: " + shown(written), e);
        }
        assertEqualTables(table, read, context, shown(written));
    }

    private static void assertEqualTables(Table expected, Table actual, String context, String written) {
        String where = written.isEmpty() ? context : context + System.lineSeparator() + "written: " + written;
        assertThat(TableDifference.between(expected, actual)).as(where).isEmpty();
        assertThat(actual).as("%s: Table.equals disagrees with a cell-by-cell comparison", context).isEqualTo(expected);
        assertThat(actual).as("%s: equal tables with different hash codes", context).hasSameHashCodeAs(expected);
    }

    private static byte[] write(Table table, TableFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(table, out);
        return out.toByteArray();
    }

    /** What was written, as UTF-8 text with line breaks and non-ASCII characters escaped, cut short. */
    private static String shown(byte[] written) {
        String text = new String(written, StandardCharsets.UTF_8);
        String cut = text.length() <= MAX_SHOWN_OUTPUT ? text : text.substring(0, MAX_SHOWN_OUTPUT);
        return TableDifference.quote(cut) + (cut.length() < text.length() ? " … (" + text.length() + " chars)" : "");
    }

    /** The format's class, for messages; formats need not override toString. */
    private static String name(TableFormat format) {
        return format.getClass().getSimpleName();
    }

    /** The message names the line ("line 12" as a whole number), or none at all for a format without lines. */
    private static void assertNamesTheLine(String message, long line) {
        if (line == 0) {
            assertThat(message).as("the message of a format without lines").doesNotContainPattern("\\bline \\d");
        } else {
            assertThat(message).as("the message").containsPattern("\\bline " + line + "(?!\\d)");
        }
    }

    /** The fixture of all five types, with the instants the format cannot hold missing. */
    private Table richTable() {
        return held(richFixture());
    }

    /** The fixture of all five types; no categorical or text value is empty, NA, ? or null. */
    private static Table richFixture() {
        Schema schema = Schema.of(
                Field.of("measure", ColumnType.NUMERIC),
                Field.of("city", ColumnType.CATEGORICAL),
                Field.of("active", ColumnType.BOOLEAN),
                Field.of("seen_at", ColumnType.TIMESTAMP),
                Field.of("comment", ColumnType.TEXT));
        Object[][] rows = {
            {0.0, "München", true, instant("2024-01-31T12:00:00Z"), "plain ASCII"},
            {-0.0, "São Paulo", false, instant("1970-01-01T00:00:00Z"), "comma, inside"},
            {Double.NaN, "Zürich", null, instant("1969-12-31T23:59:59.999999999Z"), "semicolon; tab\t pipe |"},
            {Double.POSITIVE_INFINITY, null, true, instant("0001-01-01T00:00:00Z"), "say \"hello\""},
            {Double.NEGATIVE_INFINITY, "東京", false, instant("9999-12-31T23:59:59.999Z"), "first line\nsecond line"},
            {Double.MIN_VALUE, "a, b", true, null, "windows\r\nline end"},
            {Double.MAX_VALUE, "\"quoted\"", null, instant("2000-02-29T00:00:00.123456Z"), null},
            {-Double.MAX_VALUE, "München", true, instant("2024-03-31T01:30:00.5Z"), "  leading and trailing spaces  "},
            {1e-300, "São Paulo", false, instant("2038-01-19T03:14:08Z"), "emoji 😀🎉, umlauts äöü ß"},
            {null, "city with\nline break", true, instant("1900-01-01T00:00:00Z"), "'single' and \\ backslash"},
            {0.30000000000000004, "Zürich", false, instant("2024-01-31T12:00:00.000000001Z"), "42"},
            {123456789.123, "Kraków", true, instant("2024-06-01T00:00:00Z"), "NaN"},
            {-42.0, "São Paulo", null, instant("1600-06-01T00:00:00Z"), "true"},
            {Double.MIN_NORMAL, "München", false, null, "2024-01-31T12:00:00Z"},
            {1e23, "Zürich", true, instant("2024-01-31T12:00:00.100Z"), "München"},
            {2.2250738585072009e-308, "東京", false, instant("2024-01-31T12:00:00Z"), "São Paulo"},
            {9007199254740993.0, "a, b", true, instant("2024-01-31T12:00:00Z"), "\"\""},
            {-1e-7, "Kraków", false, instant("2024-01-31T12:00:00Z"), "x,\"y\"\nz"},
        };
        return table(schema, rows);
    }

    /** A table of the four types that inference reads back: no text, and no category that looks like another type. */
    private static Table inferableTable() {
        Schema schema = Schema.of(
                Field.of("score", ColumnType.NUMERIC),
                Field.of("city", ColumnType.CATEGORICAL),
                Field.of("member", ColumnType.BOOLEAN),
                Field.of("joined", ColumnType.TIMESTAMP));
        Object[][] rows = {
            {1.5, "München", true, instant("2024-01-31T12:00:00Z")},
            {null, "São Paulo", false, instant("2023-12-31T23:59:59.5Z")},
            {Double.NaN, null, null, null},
            {-0.0, "a, b", true, instant("1999-01-01T00:00:00.123456789Z")},
            {Double.POSITIVE_INFINITY, "Zürich", false, instant("2024-02-29T12:00:00Z")},
            {Double.NEGATIVE_INFINITY, "東京 😀", true, instant("1970-01-01T00:00:00Z")},
            {1e300, "say \"hi\"", false, instant("0001-01-01T00:00:00Z")},
            {42.0, "two\nlines", true, instant("9999-12-31T23:59:59.999999999Z")},
            {Double.MIN_VALUE, "München", false, instant("2024-01-31T12:00:00Z")},
            {-123456.789, "Kraków", true, instant("2024-01-31T12:00:00Z")},
        };
        return table(schema, rows);
    }

    /** One column of the given type: a value, missing, a value, missing, missing, a value. */
    private Table singleColumnTable(ColumnType type) {
        Object[] values = switch (type) {
            case NUMERIC -> new Object[] {1.5, -0.0, Double.NaN};
            case CATEGORICAL -> new Object[] {"München", "São Paulo", "München"};
            case BOOLEAN -> new Object[] {true, false, true};
            case TIMESTAMP -> new Object[] {instant("2024-01-31T12:00:00Z"), instant("1970-01-01T00:00:00Z"),
                instant("2000-02-29T00:00:00.5Z")};
            case TEXT -> new Object[] {"one, two", "drei", "quatro \"4\""};
        };
        Schema schema = Schema.of(Field.of("only_" + type.name().toLowerCase(Locale.ROOT), type));
        Object[][] rows = {{null}, {values[0]}, {null}, {values[1]}, {null}, {null}, {values[2]}, {null}};
        return table(schema, rows);
    }

    private static Table table(Schema schema, @Nullable Object[][] rows) {
        var builder = Table.rowBuilder(schema);
        for (@Nullable Object[] row : rows) {
            builder.addRow(row);
        }
        return builder.build();
    }

    private static Instant instant(String iso) {
        return Instant.parse(iso);
    }

    /**
     * What writing the table of all five types gives and what reading it back gives; equal when
     * the bytes are ({@link ByteBuffer#equals} compares content) and the tables are.
     *
     * @param written the bytes written
     * @param read the table read back
     */
    record RoundTrip(ByteBuffer written, Table read) {
    }

    /** Writes the table of all five types with the format and reads it back. */
    private RoundTrip roundTripOfTheRichTable(TableFormat format) {
        byte[] written = write(richTable(), format);
        return new RoundTrip(ByteBuffer.wrap(written), format.read(new ByteArrayInputStream(written), SOURCE));
    }

    private static String roundTripDifference(RoundTrip expected, RoundTrip actual) {
        if (!expected.written().equals(actual.written())) {
            return BytesDifference.first(bytes(expected.written()), bytes(actual.written()));
        }
        return "the tables read back differ: " + TableDifference.between(expected.read(), actual.read())
                .orElse("Table.equals differs from a cell-by-cell comparison");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Writes the rich table and reads it back, for the determinism and thread-safety pieces. */
    private abstract class OnTheRichTable implements Runs<TableFormat, RoundTrip> {
        @Override
        public TableFormat subject() {
            return format(richTable().schema());
        }

        @Override
        public RoundTrip run(TableFormat format) {
            return roundTripOfTheRichTable(format);
        }

        @Override
        public String firstDifference(RoundTrip expected, RoundTrip actual) {
            return roundTripDifference(expected, actual);
        }
    }

    /** The same table gives the same bytes and reads back alike, from one format and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism extends OnTheRichTable implements Deterministic<TableFormat, RoundTrip> {
    }

    /** One format used from 8 threads at once writes and reads as on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety extends OnTheRichTable implements ThreadSafe<TableFormat, RoundTrip> {
    }

    /** A table with columns but no rows is no refusal: it reads back equal with its schema. */
    @Nested
    @DisplayName("empty input")
    class Empty implements EmptyInput<TableFormat, Table> {
        private final Table empty = Table.empty(richTable().schema());

        @Override
        public TableFormat subject() {
            return format(empty.schema());
        }

        @Override
        public Table runOnEmptyInput(TableFormat format) {
            return format.read(new ByteArrayInputStream(write(empty, format)), SOURCE);
        }

        @Override
        public @Nullable Class<? extends RuntimeException> refusal() {
            return null;
        }

        @Override
        public void checkEmptyResult(Table result) {
            assertEqualTables(empty, result, "the table without rows", "");
        }
    }

    /** The format is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<TableFormat, RoundTrip> {
        @Override
        public TableFormat component() {
            return format(richTable().schema());
        }

        @Override
        public Class<TableFormat> kind() {
            return TableFormat.class;
        }

        @Override
        public ComponentRegistry registry() {
            return TableFormatContract.this.registry();
        }

        @Override
        public RoundTrip behaviour(TableFormat format) {
            return roundTripOfTheRichTable(format);
        }

        @Override
        public String behaviourDifference(RoundTrip expected, RoundTrip actual) {
            return roundTripDifference(expected, actual);
        }
    }
}
