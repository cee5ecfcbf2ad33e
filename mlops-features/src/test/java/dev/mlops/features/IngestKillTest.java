package dev.mlops.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed mid-ingest, in a real child JVM on a real SQLite file, loses at most the batch being written. */
class IngestKillTest {
    @TempDir
    Path directory;

    @Test
    void everyBatchIsCompleteOrAbsentAfterAKill() throws Exception {
        Path home = directory.resolve("store");
        Path errors = directory.resolve("child.err");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                IngestingProcess.class.getName(), home.toString()))
                .redirectError(errors.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the child's first line; stderr: %s", Files.exists(errors)
                    ? Files.readString(errors, StandardCharsets.UTF_8) : "").isEqualTo(IngestingProcess.STARTED);
            Thread.sleep(700);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends when killed").isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (FeatureStore store = FeatureStore.open(home)) {
            Table all = store.export(StoreFixture.WRITER, FeatureSelection.all(IngestingProcess.GROUP), Instant.EPOCH,
                    StoreFixture.T0.plus(Duration.ofDays(3650)));
            Map<Integer, Integer> perBatch = new TreeMap<>();
            NumericColumn markers = all.numericColumn("marker");
            for (int row = 0; row < all.rowCount(); row++) {
                perBatch.merge((int) markers.get(row), 1, Integer::sum);
            }
            assertThat(perBatch).as("at least the first batch committed").isNotEmpty();
            assertThat(perBatch.keySet()).as("earlier batches intact: 0 to the last, none missing")
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perBatch.size()).boxed().toList());
            assertThat(perBatch.values()).as("each batch is all or nothing")
                    .allMatch(count -> count == IngestingProcess.RECORDS);
            IngestResult next = store.ingest(StoreFixture.WRITER, IngestingProcess.GROUP,
                    IngestingProcess.batch(perBatch.size()));
            assertThat(next.accepted()).isEqualTo(IngestingProcess.RECORDS);
            assertThat(next.batch()).as("numbers go on after the last committed batch")
                    .isEqualTo(perBatch.size() + 1L);
        }
    }
}
