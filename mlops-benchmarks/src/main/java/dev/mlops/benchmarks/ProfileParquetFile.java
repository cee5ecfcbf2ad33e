package dev.mlops.benchmarks;

import dev.mlops.parquet.ParquetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@link ProfileBenchmark}'s table ({@link ProfileBenchmark#table(int)}: 10 numeric columns, 1 %
 * missing in every other one) as a Parquet file, written once by {@link ParquetFormat} (Snappy)
 * with row groups of a given size, and reused: the input of {@link ParquetProfileBenchmark}.
 *
 * <p>Drawing the table takes the whole decoded table in memory (800 MB of doubles for 10,000,000
 * rows), more than the small heap the streaming benchmark runs in, so {@link #ensure} writes a
 * missing file in a child JVM with a heap of {@value #WRITER_HEAP}, started from this JVM's
 * {@code java} and class path. {@link #main} is that child; run it by hand to write the file
 * ahead of time.
 */
public final class ProfileParquetFile {
    /** The heap of the child JVM that writes the file. */
    static final String WRITER_HEAP = "-Xmx4g";

    private ProfileParquetFile() {
    }

    /**
     * Returns the file of that many rows and row-group size in the directory, writing it first
     * (in a child JVM) if it is not there.
     *
     * @param directory where the file lives; created if absent
     * @param rows how many rows
     * @param rowGroupBytes the size of data after which a row group closes
     * @return the file
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path ensure(Path directory, int rows, long rowGroupBytes) {
        Path file = directory.resolve(String.format(Locale.ROOT, "profile-%d-rows-%d-group-bytes.parquet", rows,
                rowGroupBytes));
        try {
            Files.createDirectories(directory);
            return DerivedFile.ensure(file, temporary -> writeInChildJvm(temporary, rows, rowGroupBytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot provide the benchmark file " + file, e);
        }
    }

    private static void writeInChildJvm(Path file, int rows, long rowGroupBytes) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, WRITER_HEAP, "-cp", System.getProperty("java.class.path"),
                ProfileParquetFile.class.getName(), file.toString(), Integer.toString(rows),
                Long.toString(rowGroupBytes));
        Process process = new ProcessBuilder(command).inheritIO().start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException("the writer " + command + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + file, e);
        }
    }

    /**
     * Writes the file.
     *
     * @param args the file, the number of rows, and the row-group size in bytes
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ProfileParquetFile FILE ROWS ROW_GROUP_BYTES");
        }
        ParquetFormat.builder().rowGroupBytes(Long.parseLong(args[2])).build()
                .write(ProfileBenchmark.table(Integer.parseInt(args[1])), Path.of(args[0]));
    }
}
