package dev.mlops.benchmarks;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic, numeric-heavy CSV file for read benchmarks, written once and reused.
 *
 * <p>The file has a header line and {@code \n} line ends, and eleven columns: ten numeric ones
 * (a row number, two integers of which one is signed, decimals with 2, 3, 4, 5 and 6 fraction
 * digits, some negative, and one column in exponent form such as {@code -4.1725e-03}) and one
 * short categorical column with eight levels. Rows are drawn from a {@link SplittableRandom}
 * with a fixed seed and appended until the file holds at least the requested number of bytes,
 * so the same size and seed always give the same bytes. All text is ASCII, formatted without
 * locale.
 *
 * <p>{@link #ensure} writes the file under a name that records the format version, size and
 * seed, through a temporary file that is moved into place when complete, and reuses an existing
 * file of that name. The directory is the system property {@value #DIRECTORY_PROPERTY}, or
 * {@code target/benchmark-data} under the working directory.
 *
 * <p>Run {@link #main} to write the file outside JMH, so that other tools (pandas) read the very
 * same bytes. Not thread-safe across processes: two processes writing the same file at once
 * each write a complete copy, and the last move wins.
 */
public final class NumericCsvFile {
    /** The system property naming the directory of generated files. */
    public static final String DIRECTORY_PROPERTY = "mlops.benchmark.data";
    /** The default size: 100 MB (10^8 bytes). */
    public static final long DEFAULT_BYTES = 100_000_000L;
    /** The default seed. */
    public static final long DEFAULT_SEED = 20_240_601L;
    /** Changes whenever the generated content for a given size and seed changes. */
    private static final int FORMAT_VERSION = 1;
    private static final String[] SEGMENTS = {
        "north", "south", "east", "west", "central", "online", "retail", "export"
    };
    /** Cumulative weights out of 100 for the segments, so that levels are not uniform. */
    private static final int[] SEGMENT_CUMULATIVE_WEIGHTS = {30, 50, 62, 72, 80, 90, 96, 100};
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L
    };
    /** No row is longer than this, so an existing file is at most this much over its target. */
    private static final int LONGEST_ROW = 160;

    private NumericCsvFile() {
    }

    /** @return the header's column names, in file order */
    public static List<String> columnNames() {
        return schema().names();
    }

    /**
     * @return the file's schema: every column numeric except {@code segment}, which is
     *     categorical
     */
    public static Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (String name : List.of("row_id", "quantity", "balance", "price", "discount", "temperature",
                "latitude", "longitude", "rate", "signal")) {
            fields.add(Field.of(name, ColumnType.NUMERIC));
        }
        fields.add(Field.of("segment", ColumnType.CATEGORICAL));
        return Schema.of(fields);
    }

    /** @return the directory named by {@value #DIRECTORY_PROPERTY}, or {@code target/benchmark-data} */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return Path.of(configured == null || configured.isBlank() ? "target/benchmark-data" : configured);
    }

    /**
     * Returns the file of the given size and seed in the directory, writing it first if it is
     * not there.
     *
     * @param directory where the file lives; created if absent
     * @param targetBytes the least number of bytes the file holds; it ends at the first row
     *     that reaches this size
     * @param seed the random seed of the values
     * @return the path of the complete file
     * @throws IllegalArgumentException if targetBytes is not positive
     * @throws UncheckedIOException if the file cannot be written, or a file of that name has a
     *     size that this generator cannot have produced
     */
    public static Path ensure(Path directory, long targetBytes, long seed) {
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("targetBytes must be positive but was " + targetBytes);
        }
        Path file = directory.resolve(String.format(Locale.ROOT, "numeric-v%d-%db-seed%d.csv",
                FORMAT_VERSION, targetBytes, seed));
        try {
            if (Files.isRegularFile(file)) {
                long size = Files.size(file);
                if (size < targetBytes || size >= targetBytes + LONGEST_ROW) {
                    throw new IOException("expected " + file + " to hold between " + targetBytes + " and "
                            + (targetBytes + LONGEST_ROW) + " bytes but it holds " + size + "; delete it to regenerate");
                }
                return file;
            }
            Files.createDirectories(directory);
            return DerivedFile.ensure(file, temporary -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                    write(out, targetBytes, seed);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot provide the benchmark file " + file, e);
        }
    }

    /**
     * Writes the CSV content to a stream.
     *
     * @param out the stream; not closed
     * @param targetBytes the least number of bytes to write; writing stops after the row that
     *     reaches it
     * @param seed the random seed of the values
     * @return the number of data rows written (not counting the header)
     * @throws IOException if the stream fails
     */
    static long write(OutputStream out, long targetBytes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] line = new byte[LONGEST_ROW];
        byte[] header = (String.join(",", columnNames()) + "\n").getBytes(StandardCharsets.US_ASCII);
        out.write(header);
        long written = header.length;
        long rows = 0;
        while (written < targetBytes) {
            int length = row(line, rows, random);
            out.write(line, 0, length);
            written += length;
            rows++;
        }
        return rows;
    }

    /** Formats one row into the buffer and returns its length, line end included. */
    private static int row(byte[] line, long rowId, SplittableRandom random) {
        int at = 0;
        at = integer(line, at, rowId);
        line[at++] = ',';
        at = integer(line, at, random.nextInt(10_000));
        line[at++] = ',';
        at = integer(line, at, random.nextLong(-1_000_000L, 1_000_001L));
        line[at++] = ',';
        at = decimal(line, at, random.nextLong(1_000_000L), 2);            // price 0.00 .. 9999.99
        line[at++] = ',';
        at = decimal(line, at, random.nextLong(1_000L), 3);                // discount 0.000 .. 0.999
        line[at++] = ',';
        at = decimal(line, at, random.nextLong(-400_000L, 600_001L), 4);   // temperature -40 .. 60
        line[at++] = ',';
        at = decimal(line, at, random.nextLong(-90_000_000L, 90_000_001L), 6);   // latitude
        line[at++] = ',';
        at = decimal(line, at, random.nextLong(-180_000_000L, 180_000_001L), 6); // longitude
        line[at++] = ',';
        at = exponent(line, at, random);                                   // rate -9.9999e+08 .. 9.9999e+08
        line[at++] = ',';
        at = decimal(line, at, random.nextLong(-100_000_000L, 100_000_001L), 5); // signal -1000 .. 1000
        line[at++] = ',';
        at = segment(line, at, random.nextInt(100));
        line[at++] = '\n';
        return at;
    }

    private static int integer(byte[] line, int at, long value) {
        int position = at;
        long magnitude = value;
        if (value < 0) {
            line[position++] = '-';
            magnitude = -value;
        }
        return digits(line, position, magnitude, 1);
    }

    /** Writes units / 10^fractionDigits with exactly that many fraction digits, e.g. -0.05 for (-5, 2). */
    private static int decimal(byte[] line, int at, long units, int fractionDigits) {
        int position = at;
        long magnitude = units;
        if (units < 0) {
            line[position++] = '-';
            magnitude = -units;
        }
        long scale = POWERS_OF_TEN[fractionDigits];
        position = digits(line, position, magnitude / scale, 1);
        line[position++] = '.';
        return digits(line, position, magnitude % scale, fractionDigits);
    }

    /** Writes a number in exponent form: a signed mantissa 1.0000 .. 9.9999 and an exponent -08 .. +08. */
    private static int exponent(byte[] line, int at, SplittableRandom random) {
        long mantissa = random.nextLong(10_000L, 100_000L);
        boolean negative = random.nextInt(4) == 0;
        int power = random.nextInt(-8, 9);
        int position = decimal(line, at, negative ? -mantissa : mantissa, 4);
        line[position++] = 'e';
        line[position++] = (byte) (power < 0 ? '-' : '+');
        return digits(line, position, Math.abs(power), 2);
    }

    private static int segment(byte[] line, int at, int percentile) {
        int level = 0;
        while (percentile >= SEGMENT_CUMULATIVE_WEIGHTS[level]) {
            level++;
        }
        String name = SEGMENTS[level];
        for (int i = 0; i < name.length(); i++) {
            line[at + i] = (byte) name.charAt(i);
        }
        return at + name.length();
    }

    /** Writes a non-negative value in decimal, left-padded with zeros to at least minimumDigits. */
    private static int digits(byte[] line, int at, long value, int minimumDigits) {
        int count = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            count++;
        }
        count = Math.max(count, minimumDigits);
        long rest = value;
        for (int i = at + count - 1; i >= at; i--) {
            line[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + count;
    }

    /**
     * Writes the file, or finds it already written, and prints its path.
     *
     * <p>Usage: {@code NumericCsvFile [DIRECTORY [BYTES [SEED]]]}; the directory defaults to
     * {@link #defaultDirectory()}, the size to {@value #DEFAULT_BYTES} bytes and the seed to
     * {@value #DEFAULT_SEED}.
     *
     * @param args the optional directory, size in bytes and seed
     */
    public static void main(String[] args) {
        if (args.length > 3) {
            System.err.println("usage: NumericCsvFile [DIRECTORY [BYTES [SEED]]]");
            System.exit(2);
        }
        Path directory = args.length > 0 ? Path.of(args[0]) : defaultDirectory();
        long bytes = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_BYTES;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        System.out.println(ensure(directory, bytes, seed).toAbsolutePath());
    }
}
