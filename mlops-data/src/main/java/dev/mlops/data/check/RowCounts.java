package dev.mlops.data.check;

import dev.mlops.core.text.ReadableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link RowCheck}'s rule found in some rows, counted: how many rows there were, how many
 * the rule judged and how many of those failed, with the first failing rows. Counts of
 * consecutive parts of a table add up ({@link #followedBy}) to the counts of the whole, and
 * {@link #result} makes of them the very result {@link RowCheck#run} makes of one table: that is
 * how an engine that counts the rows apart, in parts, gets the same report (mlops-spark counts each
 * partition on its executor and adds the counts up in partition order).
 *
 * @param rows how many rows there were
 * @param judged how many of them the rule judged ({@link RowRule#applies})
 * @param failing how many judged rows failed
 * @param sample the first failing rows, in row order, numbered from the first of these rows;
 *     unmodifiable
 */
public record RowCounts(long rows, long judged, long failing, List<FailingRow> sample) {

    /**
     * Validates the counts and copies the sample.
     *
     * @param rows how many rows there were
     * @param judged how many of them the rule judged ({@link RowRule#applies})
     * @param failing how many judged rows failed
     * @param sample the first failing rows, in row order, numbered from the first of these rows;
     *     unmodifiable
     * @throws IllegalArgumentException unless {@code 0 <= sample size <= failing <= judged <= rows}
     */
    public RowCounts {
        sample = List.copyOf(sample);
        if (sample.size() > failing || failing > judged || judged > rows) {
            throw new IllegalArgumentException("row counts need 0 <= sampled <= failing <= judged <= rows but were "
                    + sample.size() + ", " + failing + ", " + judged + ", " + rows);
        }
    }

    /**
     * Counts a bound rule over rows {@code 0 .. rows - 1}.
     *
     * @param rule the rule, bound to a table of at least {@code rows} rows
     * @param rows how many rows to judge
     * @param sampleSize how many failing rows to keep, 0 or more
     * @return the counts
     * @throws IllegalArgumentException if {@code rows} or {@code sampleSize} is negative
     */
    public static RowCounts of(RowRule rule, int rows, int sampleSize) {
        if (rows < 0 || sampleSize < 0) {
            throw new IllegalArgumentException("rows and sampleSize must not be negative but were " + rows + " and "
                    + sampleSize);
        }
        long judged = 0;
        long failing = 0;
        List<FailingRow> sample = new ArrayList<>(Math.min(sampleSize, 64));
        for (int row = 0; row < rows; row++) {
            if (!rule.applies(row)) {
                continue;
            }
            judged++;
            if (!rule.passes(row)) {
                failing++;
                if (sample.size() < sampleSize) {
                    sample.add(new FailingRow(row, rule.describe(row)));
                }
            }
        }
        return new RowCounts(rows, judged, failing, sample);
    }

    /**
     * Adds the counts of the rows that come right after these.
     *
     * @param next the counts of the next rows, their sample numbered from their own first row
     * @param sampleSize how many failing rows to keep, 0 or more
     * @return the counts of these rows and the next together: their sample these rows' failing
     *     rows first, then the next's, each numbered from the first of these rows, at most
     *     {@code sampleSize}
     * @throws IllegalArgumentException if {@code sampleSize} is negative, or a sampled row's number
     *     would not fit an {@code int}
     */
    public RowCounts followedBy(RowCounts next, int sampleSize) {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must not be negative but was " + sampleSize);
        }
        List<FailingRow> joined = new ArrayList<>(sample.subList(0, Math.min(sample.size(), sampleSize)));
        for (FailingRow row : next.sample) {
            if (joined.size() >= sampleSize) {
                break;
            }
            long shifted = rows + row.row();
            if (shifted > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("failing row " + shifted + " is beyond the largest row number a"
                        + " report holds, " + Integer.MAX_VALUE);
            }
            joined.add(new FailingRow((int) shifted, row.line(), row.value()));
        }
        return new RowCounts(rows + next.rows, judged + next.judged, failing + next.failing, joined);
    }

    /**
     * Makes the result of a row check from these counts, exactly as {@link RowCheck#run} makes it
     * for one table: no data when no row was judged, else the passing share judged by
     * {@link RowCheck#accepts}, with the failing rows and the sample.
     *
     * @param check the row check whose rule was counted
     * @return the result
     */
    public CheckResult result(RowCheck check) {
        Threshold threshold = Threshold.atLeast(check.mostly());
        if (judged == 0) {
            return Results.noData(check, threshold, rows == 0 ? "the table has no rows"
                    : "none of the " + rows + " rows has a value to judge");
        }
        double share = (double) (judged - failing) / judged;
        String message = String.format(Locale.ROOT, "%s: %d of %d rows pass (%s), %d fail; needs a share %s",
                ReadableText.name(check.name()), judged - failing, judged, RowCheckRun.percent(share), failing,
                threshold);
        CheckResult result = check.accepts(judged - failing, judged)
                ? CheckResult.passed(check, share, threshold, message)
                : CheckResult.failed(check, share, threshold, message);
        return result.withFailingRows(failing, sample);
    }
}
