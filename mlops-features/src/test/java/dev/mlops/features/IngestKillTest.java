package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed mid-ingest, in a real child JVM on a real SQLite file, loses exactly the batch
 * being written: the child prints {@code begin N} before each ingest, so the last line it printed
 * names the batch in flight, which must be absent while every earlier one is complete. A kill that
 * lands after a commit and before the next {@code begin} is retried, a bounded number of times.
 */
class IngestKillTest {
    /** Kills tried before the test gives up on landing one inside an ingest. */
    private static final int ATTEMPTS = 4;

    @TempDir
    Path directory;

    @Test
    void theBatchInFlightIsAbsentAndEveryEarlierOneCompleteAfterAKill() throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path home = directory.resolve("store-" + attempt);
            int inFlight = killMidIngest(home, 150L + 113L * attempt);
            try (FeatureStore store = FeatureStore.open(home)) {
                Map<Integer, Integer> perBatch = batches(store);
                if (perBatch.getOrDefault(inFlight, 0) == IngestingProcess.RECORDS && attempt < ATTEMPTS) {
                    continue; // the kill landed after batch N committed, before "begin N+1": try again
                }
                assertThat(perBatch).as("attempt %d: the batch in flight, %d, is absent", attempt, inFlight)
                        .doesNotContainKey(inFlight);
                assertThat(perBatch.keySet()).as("every earlier batch, 0 to %d, none missing", inFlight - 1)
                        .containsExactlyElementsOf(IntStream.range(0, inFlight).boxed().toList());
                assertThat(perBatch.values()).as("each earlier batch complete")
                        .allMatch(count -> count == IngestingProcess.RECORDS);
                IngestResult next = store.ingest(StoreFixture.WRITER, IngestingProcess.GROUP,
                        IngestingProcess.batch(inFlight));
                assertThat(next.accepted()).isEqualTo(IngestingProcess.RECORDS);
                assertThat(next.batch()).as("numbers go on after the last committed batch").isEqualTo(inFlight + 1L);
                return;
            }
        }
    }

    /**
     * Starts the child, its output going to a file (so nothing it printed is lost when it is
     * killed), waits until its first batch is committed ({@code begin 1} printed), lets it run
     * for the delay, kills it and reads the last line it printed.
     *
     * @return the number of the last batch the child began
     */
    private static int killMidIngest(Path home, long delayMillis) throws IOException, InterruptedException {
        Path output = home.resolveSibling(home.getFileName() + ".out");
        Path errors = home.resolveSibling(home.getFileName() + ".err");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IngestingProcess.class.getName(), home.toString()))
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        try {
            String second = IngestingProcess.BEGIN + 1;
            for (int polls = 0; polls < 3000 && child.isAlive() && !lines(output).contains(second); polls++) {
                Thread.sleep(20);
            }
            assertThat(lines(output)).as("the child began its second batch; stderr: %s",
                    Files.readString(errors, StandardCharsets.UTF_8)).contains(second);
            Thread.sleep(delayMillis);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends when killed").isTrue();
            List<String> printed = lines(output);
            String last = printed.get(printed.size() - 1);
            assertThat(last).startsWith(IngestingProcess.BEGIN);
            return Integer.parseInt(last.substring(IngestingProcess.BEGIN.length()));
        } finally {
            child.destroyForcibly();
        }
    }

    /** @return the whole lines printed so far (a last line not yet ended is left out) */
    private static List<String> lines(Path output) throws IOException {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
    }

    /** @return the records stored per batch index (the marker) */
    private static Map<Integer, Integer> batches(FeatureStore store) {
        Table all = store.export(StoreFixture.WRITER, FeatureSelection.all(IngestingProcess.GROUP), Instant.EPOCH,
                StoreFixture.T0.plus(Duration.ofDays(3650)));
        Map<Integer, Integer> perBatch = new TreeMap<>();
        NumericColumn markers = all.numericColumn("marker");
        for (int row = 0; row < all.rowCount(); row++) {
            perBatch.merge((int) markers.get(row), 1, Integer::sum);
        }
        return perBatch;
    }
}
