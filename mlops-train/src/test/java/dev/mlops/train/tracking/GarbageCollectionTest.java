package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.store.ArtifactRef;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage collection removes files no run references once they are past the grace period. */
class GarbageCollectionTest {
    private static final Instant EARLIER = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path directory;

    @Test
    void orphansPastTheGracePeriodGoAndEverythingElseStays() {
        Path artifactDirectory = directory.resolve("artifacts");
        ArtifactRef orphan = ArtifactStore.open(artifactDirectory, Clock.fixed(EARLIER, ZoneOffset.UTC))
                .put(bytes("left by a process that died before recording it"));
        Clock later = Clock.fixed(EARLIER.plus(TrackingStore.GC_GRACE_PERIOD).plusSeconds(60), ZoneOffset.UTC);
        ArtifactStore artifacts = ArtifactStore.open(artifactDirectory, later);
        try (Database database = Database.inMemory();
                TrackingStore store = TrackingStore.open(database, artifacts, later)) {
            ActiveRun run = store.startRun("credit", RunSpec.builder().codeVersion("c").build());
            run.logArtifact("model.bin", bytes("the model"));
            ArtifactRef fresh = artifacts.put(bytes("about to be recorded"));

            RetentionResult result = store.collectGarbage();

            assertThat(result.deletedRuns()).isEmpty();
            assertThat(result.deletedArtifacts()).isEqualTo(1);
            assertThat(result.freedBytes()).isEqualTo(orphan.size());
            assertThat(artifacts.contains(orphan)).isFalse();
            assertThat(artifacts.contains(fresh)).as("within the grace period").isTrue();
            assertThat(store.readArtifact(run.id(), "model.bin")).isEqualTo(bytes("the model"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
