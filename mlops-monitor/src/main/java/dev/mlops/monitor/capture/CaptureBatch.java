package dev.mlops.monitor.capture;

import java.util.List;
import java.util.Objects;

/**
 * Records read from capture files, with what the reading found.
 *
 * @param records the records, in file order and line order within a file
 * @param result the counts of files, records, torn and bad lines, and the named problems
 */
public record CaptureBatch(List<CaptureRecord> records, CaptureReadResult result) {

    /**
     * Keeps an unmodifiable copy of the records.
     *
     * @param records the records
     * @param result what the reading found
     */
    public CaptureBatch {
        records = List.copyOf(records);
        Objects.requireNonNull(result, "result");
    }
}
