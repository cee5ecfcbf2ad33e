package dev.mlops.monitor.window;

import dev.mlops.monitor.capture.CaptureReadResult;
import dev.mlops.monitor.capture.CaptureRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Assigns records to windows as they come and hands each window on when it closes. Not thread-safe. */
final class Windower implements Consumer<CaptureRecord> {
    private final Windowing windowing;
    private final Consumer<Window> sink;
    private final TreeMap<Long, List<CaptureRecord>> open = new TreeMap<>();
    private final List<String> lateIds = new ArrayList<>();
    private @Nullable Long lastClosed;
    private @Nullable Instant latest;
    private long windows;
    private long emptyWindows;
    private long gapWindows;
    private long skipped;
    private long late;
    private List<CaptureRecord> counted = new ArrayList<>();

    Windower(Windowing windowing, Consumer<Window> sink) {
        this.windowing = Objects.requireNonNull(windowing, "windowing");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void accept(CaptureRecord record) {
        if (windowing.stage().isPresent() && !windowing.stage().get().equals(record.stage())) {
            skipped++;
            return;
        }
        if (windowing.duration().isPresent()) {
            byTime(record);
        } else {
            counted.add(record);
            if (counted.size() == windowing.count().orElseThrow()) {
                emitCounted();
            }
        }
    }

    private void byTime(CaptureRecord record) {
        long index = windowing.index(record.time());
        if (latest != null && !windowing.start(index + 1).isAfter(latest.minus(windowing.lateness()))) {
            late++;
            if (lateIds.size() < CaptureWindows.MAX_NAMED) {
                lateIds.add(record.inferenceId());
            }
            return;
        }
        open.computeIfAbsent(index, k -> new ArrayList<>()).add(record);
        if (latest == null || record.time().isAfter(latest)) {
            latest = record.time();
        }
        Instant horizon = latest.minus(windowing.lateness());
        while (!open.isEmpty() && !windowing.start(next() + 1).isAfter(horizon)) {
            emitNext();
        }
    }

    /** The index of the next window to close: after the last closed one, else the first open one. */
    private long next() {
        return lastClosed == null ? open.firstKey() : lastClosed + 1;
    }

    /**
     * Hands on the next window, empty if no record fell in it; a gap of more than
     * {@link CaptureWindows#MAX_EMPTY_RUN} empty windows before the next open one is counted and
     * jumped.
     */
    private void emitNext() {
        long index = next();
        long gap = open.firstKey() - index;
        if (gap > CaptureWindows.MAX_EMPTY_RUN) {
            gapWindows += gap;
            index = open.firstKey();
        }
        List<CaptureRecord> records = open.remove(index);
        if (records == null) {
            emptyWindows++;
        }
        emit(new Window(index, windowing.start(index), windowing.start(index + 1),
                records == null ? List.of() : records));
        lastClosed = index;
    }

    private void emitCounted() {
        Instant start = counted.get(0).time();
        Instant end = start;
        for (CaptureRecord record : counted) {
            start = record.time().isBefore(start) ? record.time() : start;
            end = record.time().isAfter(end) ? record.time() : end;
        }
        emit(new Window(windows, start, end, counted));
        counted = new ArrayList<>();
    }

    private void emit(Window window) {
        windows++;
        sink.accept(window);
    }

    /** Hands on the open windows and returns the counts. */
    WindowRun finish(CaptureReadResult read) {
        while (!open.isEmpty()) {
            emitNext();
        }
        if (!counted.isEmpty()) {
            emitCounted();
        }
        return new WindowRun(read, windows, emptyWindows, gapWindows, skipped, late, lateIds);
    }
}
