package dev.mlops.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.store.ArtifactRef;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage collection removes files no run references once they are past the grace period. */
class GarbageCollectionTest {
    @TempDir
    Path directory;

    @Test
    void orphansPastTheGracePeriodGoAndEverythingElseStays() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-03-01T09:00:00Z"));
        ArtifactStore artifacts = ArtifactStore.open(directory.resolve("artifacts"), clock);
        try (Database database = Database.inMemory();
                TrackingStore store = TrackingStore.open(database, artifacts, clock)) {
            ActiveRun run = store.startRun("credit", RunSpec.builder().codeVersion("c").build());
            run.logArtifact("model.bin", bytes("the model"));
            ArtifactRef orphan = artifacts.put(bytes("left by a process that died before recording it"));
            clock.advance(TrackingStore.GC_GRACE_PERIOD.plusMinutes(1));
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

    /** A UTC clock moved by hand. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration amount) {
            now = now.plus(amount);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
