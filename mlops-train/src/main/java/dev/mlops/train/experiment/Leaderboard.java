package dev.mlops.train.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The experiments of one {@link ExperimentRunner} run, best first by the primary metric on the
 * test rows (failed experiments last), with the baselines marked, each model's lift over the
 * best baseline, its inference time and size.
 *
 * @param primaryMetric the metric the rows are ordered by
 * @param higherIsBetter whether a larger primary metric is better
 * @param metrics the metrics every row reports, in order
 * @param rows the rows, best first
 */
public record Leaderboard(String primaryMetric, boolean higherIsBetter, List<String> metrics, List<LeaderboardRow> rows) {
    /**
     * Copies the lists.
     *
     * @param primaryMetric the ordering metric
     * @param higherIsBetter its direction
     * @param metrics the metrics reported
     * @param rows the rows, best first
     */
    public Leaderboard {
        Objects.requireNonNull(primaryMetric, "primaryMetric");
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /** @return the best row that is not a baseline and did not fail, if any */
    public java.util.Optional<LeaderboardRow> bestModel() {
        return rows.stream().filter(row -> !row.baseline() && row.failure() == null).findFirst();
    }

    /**
     * The leaderboard as a fixed-width text table: one line per experiment with its test
     * metrics, lift, inference time (p50/p99, µs per example), size and mark.
     *
     * @return the text, ending with a line break
     */
    public String toText() {
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("#", "experiment"));
        metrics.forEach(metric -> header.add(metric));
        header.addAll(List.of("lift", "p50 µs", "p99 µs", "size", ""));
        lines.add(header.toArray(new String[0]));
        int rank = 1;
        for (LeaderboardRow row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.failure() == null ? Integer.toString(rank++) : "-");
            cells.add(row.experiment() + (row.baseline() ? " [baseline]" : ""));
            for (String metric : metrics) {
                Double value = row.test().get(metric);
                cells.add(value == null ? "" : String.format(Locale.ROOT, "%.4f", value));
            }
            boolean failed = row.failure() != null;
            cells.add(failed ? "" : String.format(Locale.ROOT, "%+.4f", row.lift()));
            cells.add(failed ? "" : String.format(Locale.ROOT, "%.1f", row.inferenceP50Micros()));
            cells.add(failed ? "" : String.format(Locale.ROOT, "%.1f", row.inferenceP99Micros()));
            cells.add(row.modelBytes() < 0 ? "" : bytes(row.modelBytes()));
            cells.add(failed ? "failed: " + row.failure() : row.mark());
            lines.add(cells.toArray(new String[0]));
        }
        int[] widths = new int[header.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                boolean left = i == 1 || i == line.length - 1;
                String cell = line[i];
                String pad = " ".repeat(widths[i] - cell.length());
                out.append(i == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String bytes(long bytes) {
        return bytes < 10_000 ? bytes + " B" : bytes < 10_000_000 ? bytes / 1_000 + " kB" : bytes / 1_000_000 + " MB";
    }
}
