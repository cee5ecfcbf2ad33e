package dev.mlops.cli;

import dev.mlops.train.tracking.RetentionResult;
import dev.mlops.train.tracking.RunInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How {@code mlops runs} writes values for people: times in UTC to the second, durations in two units,
 * numbers to six significant digits, and tables of aligned columns. Stateless, thread-safe.
 */
final class RunsText {
    /** How many hex digits of a run's id a table shows. */
    static final int SHORT_ID = 8;
    /** What a table shows for a value that is absent. */
    static final String ABSENT = "-";
    private static final MathContext SIGNIFICANT = new MathContext(6);
    private static final BigDecimal PLAIN_LOW = new BigDecimal("1e-4");
    private static final BigDecimal PLAIN_HIGH = new BigDecimal("1e9");

    private RunsText() {
        throw new AssertionError("no instances");
    }

    /** @return the time in UTC to the second: {@code 2026-03-01T12:00:05Z} */
    static String time(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** @return the run's duration ({@link #duration(Duration)}), or {@value #ABSENT} while it runs */
    static String duration(RunInfo run) {
        Optional<Instant> end = run.endTime();
        return end.isPresent() ? duration(Duration.between(run.startTime(), end.get())) : ABSENT;
    }

    /**
     * A duration in its two largest units: {@code 850ms}, {@code 12s}, {@code 5m 03s}, {@code 2h 05m},
     * {@code 3d 04h}.
     *
     * @param duration not negative
     * @return the text
     */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /**
     * A number to six significant digits, without trailing zeros; plain between 1e-4 and 1e9, else
     * with an exponent ({@code 1.5E-7}); {@code NaN}, {@code Infinity} and {@code -Infinity} as Java
     * names them.
     *
     * @param value the value
     * @return the text
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros();
        BigDecimal magnitude = rounded.abs();
        return magnitude.compareTo(PLAIN_LOW) >= 0 && magnitude.compareTo(PLAIN_HIGH) < 0 ? rounded.toPlainString()
                : rounded.toString();
    }

    /** @return the number, or {@value #ABSENT} */
    static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : ABSENT;
    }

    /** @return a change with its sign: {@code +0.02}, {@code -1.5}, {@code 0} */
    static String delta(OptionalDouble value) {
        if (value.isEmpty()) {
            return ABSENT;
        }
        double delta = value.getAsDouble();
        return delta > 0 ? "+" + number(delta) : number(delta);
    }

    /**
     * What a deletion removed: a line per run deleted, their count, then {@link #removedArtifacts}.
     *
     * @param result what was removed
     * @param runs how to describe each deleted run, by id (its experiment and name, when known)
     * @return the lines
     */
    static String removed(RetentionResult result, Map<String, String> runs) {
        StringBuilder text = new StringBuilder();
        for (String id : result.deletedRuns()) {
            String about = runs.get(id);
            text.append("deleted run ").append(id).append(about == null ? "" : "  " + about).append('\n');
        }
        int count = result.deletedRuns().size();
        text.append(count == 1 ? "1 run" : count + " runs").append(" deleted\n");
        return text.append(removedArtifacts(result)).toString();
    }

    /** @return the line that says how many artifact files were removed and how many bytes they held */
    static String removedArtifacts(RetentionResult result) {
        long files = result.deletedArtifacts();
        return "removed " + files + (files == 1 ? " artifact file" : " artifact files") + " no run references ("
                + result.freedBytes() + " bytes)\n";
    }

    /** @return a run's experiment and name: {@code credit / logistic} */
    static String about(RunInfo run) {
        return run.experiment().name() + " / " + run.name();
    }

    /** A table of left-aligned columns two spaces apart, built row by row; not thread-safe. */
    static final class Table {
        private final List<List<String>> rows = new ArrayList<>();
        private final String indent;

        /**
         * Starts a table.
         *
         * @param indent what each line starts with
         */
        Table(String indent) {
            this.indent = indent;
        }

        /**
         * Adds a row.
         *
         * @param cells its cells, as many as the other rows'
         * @return this table
         */
        Table row(List<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        /**
         * Adds a row.
         *
         * @param cells its cells
         * @return this table
         */
        Table row(String... cells) {
            return row(List.of(cells));
        }

        /** @return the lines, each ending with a line break, without trailing spaces */
        String render() {
            List<Integer> widths = new ArrayList<>();
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i == widths.size()) {
                        widths.add(0);
                    }
                    widths.set(i, Math.max(widths.get(i), row.get(i).length()));
                }
            }
            StringBuilder text = new StringBuilder();
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder(indent);
                for (int i = 0; i < row.size(); i++) {
                    line.append(row.get(i)).append(" ".repeat(widths.get(i) - row.get(i).length() + 2));
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
            return text.toString();
        }
    }
}
