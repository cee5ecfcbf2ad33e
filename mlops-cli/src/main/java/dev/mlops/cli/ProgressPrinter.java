package dev.mlops.cli;

import dev.mlops.deploy.batch.BatchProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Shows a batch transform's progress on stderr: on a terminal one line rewritten in place after
 * every chunk (rows done, errors, percent, rate, time left), elsewhere (a log file, CI) the same
 * text as a plain line after the first chunk and then at most once per interval, so that logs stay short. Never on stdout. Not
 * thread-safe; the job's thread calls it.
 */
final class ProgressPrinter implements Consumer<BatchProgress> {
    /** How often a plain line is written when stderr is not a terminal. */
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter err;
    private final boolean terminal;
    private final Duration interval;
    private Duration lastPrinted = Duration.ZERO;
    private boolean printed;
    private boolean lineOpen;
    private int width;

    /**
     * @param err where to write
     * @param terminal whether it is a terminal (rewrite one line) or not (plain lines)
     * @param interval the least time between plain lines
     */
    ProgressPrinter(PrintWriter err, boolean terminal, Duration interval) {
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public void accept(BatchProgress progress) {
        String text = text(progress);
        if (terminal) {
            // pad over a longer previous text, then return to the line's start
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            width = text.length();
            lineOpen = true;
            err.flush();
        } else if (!printed || progress.elapsed().minus(lastPrinted).compareTo(interval) >= 0) {
            printed = true;
            lastPrinted = progress.elapsed();
            err.println(text);
            err.flush();
        }
    }

    /** Ends the terminal's progress line, so that what follows starts on a line of its own. */
    void finish() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    /**
     * @param progress the progress
     * @return it in words, such as {@code 120000 rows (3 errors), 45.0 %, 210000 rows/s, 2 s left}
     */
    static String text(BatchProgress progress) {
        String left = progress.eta().map(eta -> ", " + Math.max(0, (eta.toMillis() + 999) / 1000) + " s left")
                .orElse("");
        return String.format(Locale.ROOT, "%d rows (%d errors), %.1f %%, %.0f rows/s%s", progress.rows(),
                progress.errors(), 100 * progress.fraction(), progress.rowsPerSecond(), left);
    }
}
