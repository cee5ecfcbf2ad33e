package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples' output directory rule: absent, empty or a previous run's (holding its marker), nothing else. */
class OutputDirectoryTest {
    private static final Path MARKER = Path.of("tracking", "mlops.db");

    @TempDir
    Path dir;

    @Test
    void anAbsentDirectoryIsCreatedAndReturnedAbsoluteAndNormalized() {
        Path given = dir.resolve("a/../new");

        Path prepared = OutputDirectory.prepare(given, MARKER, "example run");

        assertThat(prepared).isEqualTo(dir.resolve("new").toAbsolutePath().normalize()).isDirectory().isAbsolute();
    }

    @Test
    void anEmptyDirectoryIsAccepted() {
        assertThat(OutputDirectory.prepare(dir, MARKER, "example run")).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void aPreviousRunsOutputIsAccepted() throws IOException {
        Files.createDirectories(dir.resolve("tracking"));
        Files.writeString(dir.resolve(MARKER), "", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("suite.json"), "{}", StandardCharsets.UTF_8);

        assertThat(OutputDirectory.prepare(dir, MARKER, "example run")).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void aDirectoryOfOtherFilesIsRefusedNamingItAndTheMarker() throws IOException {
        Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{article}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OutputDirectory.prepare(dir, MARKER, "example run"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output directory " + dir.toAbsolutePath().normalize() + " holds files but no " + MARKER
                        + ", so it is not a previous example run's output; give an empty or new directory");
        assertThat(dir).isDirectoryNotContaining(path -> !path.getFileName().toString().equals("thesis.tex"));
    }

    @Test
    void aFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OutputDirectory.prepare(file, MARKER, "example run"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toAbsolutePath() + " is a file");
    }
}
