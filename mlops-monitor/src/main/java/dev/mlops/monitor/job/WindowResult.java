package dev.mlops.monitor.job;

import dev.mlops.monitor.violation.ViolationReport;
import dev.mlops.monitor.window.WindowProblem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link MonitoringJob} found in one window: how many rows the stage's inputs gave, what
 * could not be read, and the violations and drift against the baseline. Immutable.
 *
 * @param index the window's index (see {@link dev.mlops.monitor.window.Window#index()})
 * @param start where the window starts
 * @param end where the window ends
 * @param rows how many records of the monitored stage the window held
 * @param masked how many values were masked (read as missing)
 * @param wrongType how many values were of the wrong type (read as missing)
 * @param problems the unreadable values, named by inference id and column (at most
 *     {@link dev.mlops.monitor.window.WindowTable}'s cap), unmodifiable
 * @param violations the violations against the baseline, with the drift analysis behind them
 */
public record WindowResult(long index, Instant start, Instant end, long rows, long masked, long wrongType,
        List<WindowProblem> problems, ViolationReport violations) {

    /**
     * Checks the counts and copies the problems.
     *
     * @param index the window's index
     * @param start the start
     * @param end the end
     * @param rows the rows
     * @param masked the masked values
     * @param wrongType the values of the wrong type
     * @param problems the unreadable values, named
     * @param violations the violations
     * @throws IllegalArgumentException if a count is negative
     */
    public WindowResult {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(violations, "violations");
        problems = List.copyOf(problems);
        if (rows < 0 || masked < 0 || wrongType < 0) {
            throw new IllegalArgumentException("counts must not be negative but were rows " + rows + ", masked "
                    + masked + ", wrongType " + wrongType + " in window " + index);
        }
    }

    /** @return true if no violation of the window is of error severity */
    public boolean passed() {
        return violations.passed();
    }
}
