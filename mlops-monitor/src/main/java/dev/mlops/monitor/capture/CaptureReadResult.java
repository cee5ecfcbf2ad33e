package dev.mlops.monitor.capture;

import java.util.List;

/**
 * What reading capture files found besides the records.
 *
 * @param files the files read
 * @param records the records read
 * @param tornLines last lines of a file cut off in the middle (a writer stopped mid-line),
 *     skipped without being named as problems
 * @param badLines lines that were not a record (not JSON, no inference id, a field of the
 *     wrong type)
 * @param problems the first {@value CaptureReader#MAX_PROBLEMS} bad lines, each with its file
 *     and line
 */
public record CaptureReadResult(int files, long records, long tornLines, long badLines,
        List<CaptureProblem> problems) {

    /**
     * Keeps an unmodifiable copy of the problems.
     *
     * @param files the files read
     * @param records the records read
     * @param tornLines torn last lines skipped
     * @param badLines bad lines counted
     * @param problems the first bad lines, named
     */
    public CaptureReadResult {
        problems = List.copyOf(problems);
    }
}
