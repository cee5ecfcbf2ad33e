package dev.mlops.monitor.window;

import dev.mlops.monitor.capture.CaptureReadResult;
import dev.mlops.monitor.capture.CaptureReader;
import dev.mlops.monitor.capture.CaptureRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cuts captured records into {@link Window}s.
 *
 * <pre>{@code
 * WindowRun run = CaptureWindows.stream(captureDir,
 *         Windowing.byTime(Duration.ofHours(1), Instant.parse("2026-12-01T00:00:00Z")),
 *         window -> {
 *             WindowTable current = window.inputs(CaptureStage.BEFORE_PREPROCESSING, schema);
 *             if (!current.isEmpty()) {
 *                 // measure drift of current.table() against the baseline
 *             }
 *         });
 * }</pre>
 *
 * <p>{@link #stream} reads a capture directory file by file ({@link CaptureReader}: torn and bad
 * lines are counted, never fatal) and hands each window on as soon as it is closed, oldest first,
 * then the open ones at the end: only the open windows' records are held in memory. Stateless
 * and thread-safe; the sink is called on the calling thread.
 */
public final class CaptureWindows {
    /** At most this many late records are named in a {@link WindowRun}; all are counted. */
    public static final int MAX_NAMED = 1000;
    /**
     * The longest run of empty windows by time handed on between two windows with records; a
     * longer gap (traffic that stopped for a while, or one record whose time is far off) is counted
     * in {@link WindowRun#gapWindows()} instead, so that it cannot flood a consumer with empty windows.
     */
    public static final int MAX_EMPTY_RUN = 1000;

    private CaptureWindows() {
        throw new AssertionError("no instances");
    }

    /**
     * Cuts the records of a capture directory into windows, handing each on in time order.
     *
     * @param directory a capture directory, as a {@link dev.mlops.monitor.capture.CaptureWriter} writes it
     * @param windowing how to cut
     * @param sink receives each window once, oldest first
     * @return what reading and cutting found
     * @throws java.io.UncheckedIOException if the directory or a file cannot be read
     */
    public static WindowRun stream(Path directory, Windowing windowing, Consumer<Window> sink) {
        Objects.requireNonNull(directory, "directory");
        Windower windower = new Windower(windowing, sink);
        CaptureReadResult read = CaptureReader.read(directory, windower);
        return windower.finish(read);
    }

    /**
     * Cuts records held in memory into windows (a time windowing's lateness applies to their
     * order as given).
     *
     * @param records the records, in time order as far as the windowing's lateness requires
     * @param windowing how to cut
     * @return the windows, oldest first, and what cutting found
     */
    public static Windows split(List<CaptureRecord> records, Windowing windowing) {
        Objects.requireNonNull(records, "records");
        List<Window> windows = new ArrayList<>();
        Windower windower = new Windower(windowing, windows::add);
        records.forEach(windower);
        WindowRun run = windower.finish(new CaptureReadResult(0, records.size(), 0, 0, List.of()));
        return new Windows(windows, run);
    }
}
