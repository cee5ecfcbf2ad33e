package dev.mlops.monitor.report;

/**
 * The plot area of a chart: where it lies in the SVG, the y axis's ticks, and how a value maps to
 * a height (linearly, from the first tick at the bottom to the last at the top).
 */
final class Frame {
    final double left;
    final double top;
    final double right;
    final double bottom;
    private final double[] yTicks;

    Frame(double left, double top, double right, double bottom, double[] yTicks) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
        this.yTicks = yTicks;
    }

    /** @return the SVG y coordinate of a value */
    double y(double value) {
        double low = yTicks[0];
        double high = yTicks[yTicks.length - 1];
        return bottom - (value - low) / (high - low) * (bottom - top);
    }

    /** @return the horizontal middle of the plot area */
    double centerX() {
        return (left + right) / 2;
    }

    /** @return the vertical middle of the plot area */
    double centerY() {
        return (top + bottom) / 2;
    }

    /** Draws the grid lines with their tick labels, the two axes and the y axis's title. */
    void drawAxes(Svg svg, String yTitle) {
        for (double tick : yTicks) {
            double y = y(tick);
            svg.line(left, y, right, y, "grid");
            svg.text(left - 6, y + 4, "end", 0, "tick", ReportNumbers.format(tick));
        }
        svg.path("M" + Svg.n(left) + " " + Svg.n(top) + " V" + Svg.n(bottom) + " H" + Svg.n(right), "axis");
        svg.text(left, top - 12, "start", 0, "axis-title", yTitle);
    }
}
