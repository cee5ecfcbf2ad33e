package dev.mlops.monitor.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a series over time: a line through the finite values (broken where a value is not
 * finite), a marker per point classed by its verdict, and a dashed horizontal line for a threshold
 * or baseline. A point whose value is not finite gets a hollow marker on the time axis; a series
 * without finite values gets its axes and a note; a single point sits in the middle.
 */
final class LineChart {
    static final int WIDTH = 560;
    static final int HEIGHT = 260;
    static final int MAX_TIME_TICKS = 5;
    private static final double PAD = 12;
    private static final DateTimeFormatter DAY = formatter("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = formatter("MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = formatter("HH:mm:ss");
    private static final DateTimeFormatter FULL = formatter("yyyy-MM-dd HH:mm");

    private LineChart() {
        throw new AssertionError("no instances");
    }

    /**
     * A point to draw.
     *
     * @param time its time
     * @param value its value, maybe not finite
     * @param cssClass the marker's class, such as {@code "drift"}
     * @param note what the tooltip adds after the value, such as {@code " (drift)"}
     */
    record Mark(Instant time, double value, String cssClass, String note) {
    }

    /**
     * A dashed horizontal line.
     *
     * @param name its legend, such as {@code "threshold"}
     * @param field the JSON field of its value beside {@code points}, such as {@code "threshold"}
     * @param value where it lies
     */
    record Level(String name, String field, double value) {
    }

    /**
     * @param label what the chart shows, for its title
     * @param yTitle the y axis's title
     * @param pointer the JSON pointer of the series, such as {@code /timelines/2}
     * @param marks the points in time order
     * @param level the dashed line, if any
     * @return the chart
     */
    static String draw(String label, String yTitle, String pointer, List<Mark> marks, Optional<Level> level) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Mark mark : marks) {
            if (Double.isFinite(mark.value())) {
                min = Math.min(min, mark.value());
                max = Math.max(max, mark.value());
            }
        }
        boolean anyFinite = min <= max;
        if (level.isPresent()) {
            min = Math.min(min, level.get().value());
            max = Math.max(max, level.get().value());
        }
        double[] ticks = min <= max ? Ticks.covering(min, max) : Ticks.covering(0.0, 1.0);
        Svg svg = new Svg("line", WIDTH, HEIGHT, label);
        Frame frame = new Frame(56, 28, WIDTH - 16, HEIGHT - 40, ticks);
        frame.drawAxes(svg, yTitle);
        if (marks.isEmpty()) {
            svg.text(frame.centerX(), frame.centerY(), "middle", 0, "note", "no points to draw");
        } else {
            TimeAxis axis = new TimeAxis(frame, marks.get(0).time(), marks.get(marks.size() - 1).time());
            axis.draw(svg, marks.size());
            drawLine(svg, frame, axis, marks);
            drawMarks(svg, frame, axis, marks, pointer);
            if (!anyFinite) {
                svg.text(frame.centerX(), frame.centerY(), "middle", 0, "note", "no finite values to draw");
            }
        }
        if (level.isPresent()) {
            Level line = level.get();
            double y = frame.y(line.value());
            svg.line(frame.left, y, frame.right, y, "level");
            svg.valueText(frame.right - 4, y - 5, "end", "level-label", pointer + "/" + line.field(), line.value(),
                    line.name() + " ");
        }
        return svg.close();
    }

    private static void drawLine(Svg svg, Frame frame, TimeAxis axis, List<Mark> marks) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        boolean segment = false;
        for (Mark mark : marks) {
            if (Double.isFinite(mark.value())) {
                segment |= pen;
                d.append(pen ? " L" : " M").append(Svg.n(axis.x(mark.time()))).append(' ')
                        .append(Svg.n(frame.y(mark.value())));
                pen = true;
            } else {
                pen = false;
            }
        }
        if (segment) {
            svg.path(d.substring(1), "series");
        }
    }

    private static void drawMarks(Svg svg, Frame frame, TimeAxis axis, List<Mark> marks, String pointer) {
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            String tooltip = mark.time() + ": " + ReportNumbers.format(mark.value()) + mark.note();
            String at = pointer + "/points/" + i + "/value";
            double x = axis.x(mark.time());
            if (Double.isFinite(mark.value())) {
                svg.circle(x, frame.y(mark.value()), 4, "mark " + mark.cssClass(), at, mark.value(), tooltip);
            } else {
                svg.circle(x, frame.bottom, 3, "mark missing", at, mark.value(), tooltip);
            }
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    /** The time axis: where an instant lies, and its ticks. */
    private static final class TimeAxis {
        private final Frame frame;
        private final Instant first;
        private final Instant last;
        private final double span;

        TimeAxis(Frame frame, Instant first, Instant last) {
            this.frame = frame;
            this.first = first;
            this.last = last;
            this.span = last.toEpochMilli() - first.toEpochMilli();
        }

        double x(Instant time) {
            if (span == 0) {
                return frame.centerX();
            }
            double share = (time.toEpochMilli() - first.toEpochMilli()) / span;
            return frame.left + PAD + share * (frame.right - frame.left - 2 * PAD);
        }

        /**
         * Ticks at times evenly spaced from the first point's to the last's, as many as there are
         * points up to five; one for a single time. Labels in UTC, the last one
         * ending at its tick so that it stays inside the chart.
         */
        void draw(Svg svg, int points) {
            DateTimeFormatter labels = labels(Duration.between(first, last));
            int count = span == 0 ? 1 : Math.min(points, MAX_TIME_TICKS);
            for (int i = 0; i < count; i++) {
                Instant time = count == 1 ? first : first.plusMillis(Math.round(span * i / (count - 1)));
                double x = x(time);
                svg.line(x, frame.bottom, x, frame.bottom + 4, "axis");
                String anchor = count > 1 && i == count - 1 ? "end" : "middle";
                svg.text(x, frame.bottom + 16, anchor, 0, "tick", labels.format(time));
            }
            svg.text(frame.right, frame.bottom + 32, "end", 0, "axis-title", "time (UTC)");
        }

        private static DateTimeFormatter labels(Duration span) {
            if (span.isZero()) {
                return FULL;
            }
            if (span.compareTo(Duration.ofDays(2)) >= 0) {
                return DAY;
            }
            return span.compareTo(Duration.ofHours(1)) >= 0 ? MINUTE : SECOND;
        }
    }
}
