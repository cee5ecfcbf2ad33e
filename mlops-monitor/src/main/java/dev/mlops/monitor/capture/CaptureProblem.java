package dev.mlops.monitor.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of a capture file that could not be read as a record.
 *
 * @param file the file
 * @param line the physical 1-based line number
 * @param message what was wrong and what was expected
 */
public record CaptureProblem(Path file, long line, String message) {

    /**
     * Checks the arguments.
     *
     * @param file the file
     * @param line the 1-based line number
     * @param message what was wrong
     * @throws IllegalArgumentException if the line number is not positive
     */
    public CaptureProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line <= 0) {
            throw new IllegalArgumentException("line must be positive but was " + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
