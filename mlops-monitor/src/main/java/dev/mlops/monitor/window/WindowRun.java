package dev.mlops.monitor.window;

import dev.mlops.monitor.capture.CaptureReadResult;
import java.util.List;
import java.util.Objects;

/**
 * What cutting a capture directory into windows found.
 *
 * @param capture what reading the capture files found (files, records, torn and bad lines)
 * @param windows the windows handed on, empty ones included
 * @param emptyWindows the windows by time handed on without a record
 * @param gapWindows empty windows by time in gaps of more than {@value CaptureWindows#MAX_EMPTY_RUN}
 *     windows in a row (a pause in traffic, or a record with a wild time), counted but not handed on
 * @param skipped records of other stages than the one chosen, left out
 * @param late records that came after their window was closed, left out
 * @param lateIds the inference ids of the first {@value CaptureWindows#MAX_NAMED} late records
 */
public record WindowRun(CaptureReadResult capture, long windows, long emptyWindows, long gapWindows, long skipped,
        long late, List<String> lateIds) {

    /**
     * Keeps an unmodifiable copy of the late ids.
     *
     * @param capture what reading found
     * @param windows the windows handed on
     * @param emptyWindows the empty windows handed on
     * @param gapWindows the empty windows in long gaps, not handed on
     * @param skipped the records of other stages
     * @param late the late records
     * @param lateIds the first late records' inference ids
     */
    public WindowRun {
        Objects.requireNonNull(capture, "capture");
        lateIds = List.copyOf(lateIds);
    }
}
