package dev.mlops.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The examples' rule for the directory they write into: absent (it is created), empty, or a previous
 * run's output, known by a file that run leaves (its marker). A directory that holds files but not the
 * marker is refused, so that a mistyped path does not fill a directory of other files; a rerun on a
 * previous output writes into it again.
 */
public final class OutputDirectory {
    private OutputDirectory() {
        throw new AssertionError("no instances");
    }

    /**
     * Checks the directory against the rule and creates it when absent.
     *
     * @param directory the output directory
     * @param marker a file a previous run leaves, relative to the directory, e.g. {@code mlops.db}
     * @param run what writes the directory, for the message, e.g. {@code "lifecycle"}
     * @return the directory, absolute and normalized
     * @throws IllegalArgumentException if the directory holds files but not the marker, or is a file;
     *     the message names the directory and the marker
     * @throws UncheckedIOException if the directory cannot be listed or created
     */
    public static Path prepare(Path directory, Path marker, String run) {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(run, "run");
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("output directory " + absolute + " is a file; give an empty or new"
                    + " directory");
        }
        try {
            if (Files.isDirectory(absolute) && !Files.exists(absolute.resolve(marker))) {
                try (Stream<Path> entries = Files.list(absolute)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("output directory " + absolute + " holds files but no "
                                + marker + ", so it is not a previous " + run + "'s output; give an empty or new"
                                + " directory");
                    }
                }
            }
            return Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + absolute + ": " + e, e);
        }
    }
}
