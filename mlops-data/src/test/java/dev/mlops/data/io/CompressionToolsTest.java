package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files we write are what the reference tools make of the same text, and theirs read here:
 * {@code gzip}, {@code zstd}, {@code bzip2} and {@code xz} run as a user would run them. A tool
 * that is not installed skips its case with the reason, but fails it under {@code CI=true}.
 */
class CompressionToolsTest {
    private static final String CSV = "id,city,temp\n1,München,12.5\n2,São Paulo,NaN\n3,\"Bonn, am Rhein\",NA\n";

    @TempDir
    Path dir;

    static Stream<Arguments> tools() {
        return Stream.of(Arguments.of(Compression.GZIP, "gzip"), Arguments.of(Compression.ZSTD, "zstd"),
                Arguments.of(Compression.BZIP2, "bzip2"), Arguments.of(Compression.XZ, "xz"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tools")
    void whatTheToolCompressesReadsAndWhatWeWriteTheToolUncompresses(Compression codec, String tool)
            throws IOException, InterruptedException {
        Path plain = Files.writeString(dir.resolve("rows.csv"), CSV, StandardCharsets.UTF_8);
        Table expected = CsvFormat.defaults().read(plain);

        byte[] theirs = runIfInstalled(List.of(tool, "-c", plain.toString()));
        Path theirFile = Files.write(dir.resolve("theirs.csv" + codec.extension()), theirs);
        Path ours = dir.resolve("ours.csv" + codec.extension());
        CsvFormat.defaults().write(expected, ours);
        byte[] uncompressed = run(List.of(tool, "-d", "-c"), Files.readAllBytes(ours));

        assertThat(Compression.of(theirFile)).isEqualTo(codec);
        assertThat(CsvFormat.defaults().read(theirFile)).isEqualTo(expected);
        assertThat(new String(uncompressed, StandardCharsets.UTF_8)).isEqualTo(CSV.replace("3,\"Bonn, am Rhein\",NA",
                "3,\"Bonn, am Rhein\","));
        // the tool checks the integrity of what we wrote (zstd: the frame's checksum)
        assertThat(run(List.of(tool, "-t", ours.toString()), null)).isNotNull();
    }

    /** Runs the tool's first command, skipping the case (or failing it under CI=true) if the tool is not installed. */
    private byte[] runIfInstalled(List<String> command) throws IOException, InterruptedException {
        try {
            return run(command, null);
        } catch (IOException e) {
            String tool = command.get(0);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(tool + " is not installed, and CI=true requires it", e);
            }
            assumeThat(false).as(tool + " is not installed (apt-get install " + tool + "): " + e.getMessage())
                    .isTrue();
            throw e;
        }
    }

    /**
     * Runs the command with the input on its stdin, and returns its stdout; fails, showing its stderr, if it
     * exits non-zero.
     */
    private byte[] run(List<String> command, byte[] input) throws IOException, InterruptedException {
        Path errors = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectError(errors.toFile()).start();
        if (input != null) {
            new ByteArrayInputStream(input).transferTo(process.getOutputStream());
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + Files.readString(errors)).isZero();
        return output;
    }
}
