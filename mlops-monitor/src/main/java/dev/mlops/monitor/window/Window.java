package dev.mlops.monitor.window;

import dev.mlops.core.table.Schema;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One window of captured records.
 *
 * <p>For a window by time, {@code [start, end)} are its bounds whether or not records fill them;
 * for a window by count, {@code start} and {@code end} are the earliest and the latest time of
 * its records, both included. Immutable.
 *
 * @param index the window's index: by time, the number of window widths from the origin (negative
 *     before it); by count, 0 for the first window
 * @param start where the window starts
 * @param end where the window ends
 * @param records the window's records of every stage (or of the chosen one), in reading order;
 *     unmodifiable, empty for a window by time that received none
 */
public record Window(long index, Instant start, Instant end, List<CaptureRecord> records) {

    /**
     * Checks the bounds and keeps an unmodifiable copy of the records.
     *
     * @param index the window's index
     * @param start where the window starts
     * @param end where the window ends, not before {@code start}
     * @param records the window's records
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        records = List.copyOf(records);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end must not be before start but window " + index + " runs from "
                    + start + " to " + end);
        }
    }

    /** @return true if the window holds no record */
    public boolean isEmpty() {
        return records.isEmpty();
    }

    /**
     * Returns the records of one stage.
     *
     * @param stage the stage
     * @return its records in reading order, unmodifiable
     */
    public List<CaptureRecord> records(CaptureStage stage) {
        Objects.requireNonNull(stage, "stage");
        return records.stream().filter(record -> record.stage().equals(stage)).toList();
    }

    /**
     * Reads the inputs of one stage's records as a table: one row per record, in reading order.
     *
     * @param stage the stage
     * @param schema the columns to read, by name, with their types
     * @return the table with what reading found; empty (and saying so) when the stage has no record
     */
    public WindowTable inputs(CaptureStage stage, Schema schema) {
        return WindowTables.read(this, stage, schema, WindowTables.Side.INPUT);
    }

    /**
     * Reads the outputs of one stage's records as a table: one row per record, in reading order.
     *
     * @param stage the stage
     * @param schema the columns to read, by name, with their types
     * @return the table with what reading found; empty (and saying so) when the stage has no record
     */
    public WindowTable outputs(CaptureStage stage, Schema schema) {
        return WindowTables.read(this, stage, schema, WindowTables.Side.OUTPUT);
    }
}
