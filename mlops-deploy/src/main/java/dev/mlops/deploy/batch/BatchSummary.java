package dev.mlops.deploy.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a batch transform did, over the whole input (an earlier run it resumed included): every
 * input row is either in the output or in the error file, so {@code rowsIn == rowsOut + errors}.
 *
 * @param rowsIn the input's rows
 * @param rowsOut the rows written to the output with their predictions
 * @param errors the rows written to the error file
 * @param resumedRows the rows an earlier run had done (0 for a fresh run)
 * @param chunks the chunks of the whole input
 * @param elapsed the time this run took
 */
public record BatchSummary(long rowsIn, long rowsOut, long errors, long resumedRows, long chunks,
        Duration elapsed) {

    /**
     * Checks the counts.
     *
     * @param rowsIn the input's rows
     * @param rowsOut the rows predicted
     * @param errors the rows set apart
     * @param resumedRows the rows an earlier run did
     * @param chunks the chunks
     * @param elapsed the time this run took
     * @throws IllegalArgumentException if a count is negative or the rows do not add up
     */
    public BatchSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        if (rowsOut < 0 || errors < 0 || resumedRows < 0 || chunks < 0 || rowsIn != rowsOut + errors
                || resumedRows > rowsIn) {
            throw new IllegalArgumentException("a summary needs rowsIn = rowsOut + errors, none negative and "
                    + "resumedRows <= rowsIn, but had rowsIn=" + rowsIn + ", rowsOut=" + rowsOut + ", errors="
                    + errors + ", resumedRows=" + resumedRows + ", chunks=" + chunks);
        }
    }

    /** @return the rows this run did ({@code rowsIn - resumedRows}) per second, 0 if no time passed */
    public double rowsPerSecond() {
        return Rates.perSecond(rowsIn - resumedRows, elapsed);
    }

    /** @return one line in words, such as {@code 1000 rows in, 998 out, 2 errors in 0.4 s (2500 rows/s)} */
    public String toText() {
        return String.format(Locale.ROOT, "%d rows in, %d out, %d errors%s in %.1f s (%.0f rows/s)",
                rowsIn, rowsOut, errors, resumedRows == 0 ? "" : " (" + resumedRows + " done by an earlier run)",
                elapsed.toNanos() / 1e9, rowsPerSecond());
    }
}
