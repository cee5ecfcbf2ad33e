package dev.mlops.deploy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch transform in a real child JVM, killed half-way, then resumed. */
class BatchFaultsTest {
    private static final int ROWS = 4_000;
    private static final int CHUNKS_BEFORE_KILL = 4;

    @TempDir
    Path dir;

    @Test
    void aJobKilledMidwayResumesAndEveryRowAppearsExactlyOnce() throws Exception {
        Path input = dir.resolve("in.csv");
        // every 97th row does not parse, so the error file takes part too; a quoted line break keeps line != row
        Files.writeString(input, IntStream.range(0, ROWS)
                .mapToObj(i -> "r" + i + "," + (i % 97 == 5 ? "oops" : String.valueOf(i % 10)) + ","
                        + (i % 500 == 7 ? "\"São\nPaulo\"" : "München"))
                .collect(Collectors.joining("\n", "id,x,city\n", "\n")), StandardCharsets.UTF_8);
        Path output = dir.resolve("out.csv");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TransformingProcess.class.getName(), input.toString(), output.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path checkpoint = dir.resolve("out.csv.checkpoint.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (committedChunks(checkpoint) < CHUNKS_BEFORE_KILL && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(5);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Checkpoint killed = Checkpoint.read(checkpoint);
        assertThat(killed.complete()).as("the child was killed before it finished").isFalse();
        assertThat(killed.chunks()).isGreaterThanOrEqualTo(CHUNKS_BEFORE_KILL);

        Path scratch = BatchTransform.scratchDirectory(output);
        assertThat(scratch).as("a killed run cannot delete its scratch directory").isDirectory();

        BatchSummary summary = TransformingProcess.transform(input, output, 0).run();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the resumed run removed the leftover")
                    .noneMatch(name -> name.contains(".work"));
        }

        assertThat(summary.resumedRows()).isEqualTo(killed.rowsIn()).isPositive();
        assertThat(summary.rowsIn()).isEqualTo(ROWS);
        List<String> done = new ArrayList<>();
        List<String> out = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(out.get(0)).isEqualTo("id,city,prediction,score@low,score@high");
        // a kept value with a line break spans two lines of the output
        out.stream().skip(1).filter(line -> line.startsWith("r")).map(line -> line.substring(0, line.indexOf(',')))
                .forEach(done::add);
        List<String> errors = Files.readAllLines(dir.resolve("out.csv.errors.csv"), StandardCharsets.UTF_8);
        for (String error : errors.subList(1, errors.size())) {
            assertThat(error).contains("column 'x' (2): expected a number but was 'oops'");
            long line = Long.parseLong(error.substring(0, error.indexOf(',')));
            done.add("r" + rowOfLine(line));
        }
        assertThat(errors).hasSize(1 + (int) IntStream.range(0, ROWS).filter(i -> i % 97 == 5).count());
        assertThat(done).hasSize(ROWS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ROWS).mapToObj(i -> "r" + i).toList());
        assertThat(Checkpoint.read(checkpoint).complete()).isTrue();
    }

    /** The row whose record starts on a physical line, counting the quoted line breaks of earlier rows. */
    private static int rowOfLine(long line) {
        long at = 2;
        for (int row = 0; row < ROWS; row++) {
            if (at == line) {
                return row;
            }
            at += row % 500 == 7 ? 2 : 1;
        }
        throw new AssertionError("no row starts on line " + line);
    }

    private static long committedChunks(Path checkpoint) {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        return Checkpoint.read(checkpoint).chunks();
    }
}
