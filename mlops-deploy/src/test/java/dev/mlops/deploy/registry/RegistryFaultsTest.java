package dev.mlops.deploy.registry;

import static dev.mlops.deploy.registry.RegistryFixture.ALICE;
import static dev.mlops.deploy.registry.RegistryFixture.FORMATS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.store.GcResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registering process killed half-way, in a real child JVM on a real SQLite file. */
class RegistryFaultsTest {
    @TempDir
    Path directory;

    @Test
    void aProcessKilledMidRegistrationLeavesNoHalfVersion() throws Exception {
        Path home = directory.resolve("registry");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RegisteringProcess.class.getName(), home.toString()))
                .redirectError(directory.resolve("child.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).as("the child's first line; stderr: %s", Files.exists(directory.resolve("child.err"))
                    ? Files.readString(directory.resolve("child.err"), StandardCharsets.UTF_8) : "")
                    .isEqualTo(RegisteringProcess.BLOCKED);
            assertThat(artifacts(home)).as("the artifact was stored before the transaction").hasSize(1);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends when killed").isTrue();
        } finally {
            child.destroyForcibly();
        }
        SteppingClock clock = new SteppingClock(Instant.now());
        try (ModelRegistry registry = ModelRegistry.builder(home).formats(FORMATS).clock(clock).open()) {
            assertThat(registry.models(ALICE)).as("no model, no version: the transaction never committed").isEmpty();
            assertThat(registry.versions(ALICE, "churn")).isEmpty();
            clock.advance(ModelRegistry.GC_GRACE_PERIOD.plus(Duration.ofMinutes(1)));
            GcResult collected = registry.collectGarbage();
            assertThat(collected.deleted()).as("the leftover artifact is garbage").isEqualTo(1);
            assertThat(artifacts(home)).isEmpty();
            assertThat(registry.register(ALICE, RegistryFixture.constant("churn", "yes")).version())
                    .as("the number the killed registration would have taken is free").isEqualTo(1);
        }
    }

    private static List<Path> artifacts(Path home) throws Exception {
        Path objects = home.resolve(ModelRegistry.ARTIFACT_DIRECTORY).resolve("sha256");
        if (!Files.exists(objects)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
