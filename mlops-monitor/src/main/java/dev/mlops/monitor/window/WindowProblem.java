package dev.mlops.monitor.window;

import java.util.Objects;

/**
 * A captured value that could not be read as its column's type; the value reads as missing.
 *
 * @param window the window's index
 * @param inferenceId the inference id of the record that holds the value
 * @param column the column's name
 * @param message what was found and what was expected
 */
public record WindowProblem(long window, String inferenceId, String column, String message) {

    /**
     * Checks the arguments.
     *
     * @param window the window's index
     * @param inferenceId the record's inference id
     * @param column the column's name
     * @param message what was wrong
     */
    public WindowProblem {
        Objects.requireNonNull(inferenceId, "inferenceId");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code window 3, inference req-7, column 'age': message} */
    @Override
    public String toString() {
        return "window " + window + ", inference " + inferenceId + ", column '" + column + "': " + message;
    }
}
