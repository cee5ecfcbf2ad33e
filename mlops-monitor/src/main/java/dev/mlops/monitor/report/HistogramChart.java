package dev.mlops.monitor.report;

import java.util.List;

/**
 * Draws a feature's histogram as grouped bars: per bin, the reference share beside the current
 * share, on a y axis of shares from 0; bin labels below (turned when there are many, thinned past
 * {@value #MAX_LABELS}). A side whose share is NaN (no rows) has no bar; a feature without bins
 * gets its axes and a note.
 */
final class HistogramChart {
    static final int WIDTH = 560;
    static final int HEIGHT = 280;
    static final int MAX_LABELS = 30;
    private static final int TURN_LABELS_ABOVE = 8;
    private static final int LABEL_LENGTH = 12;
    private static final double GAP = 0.12;
    private static final double BAR = 0.38;

    private HistogramChart() {
        throw new AssertionError("no instances");
    }

    /** @return the chart of the feature at {@code index} in the report */
    static String draw(FeatureDrift feature, int index) {
        List<Bin> bins = feature.bins();
        double max = 0.0;
        boolean current = false;
        for (Bin bin : bins) {
            max = Math.max(max, finiteOrZero(bin.referenceShare()));
            max = Math.max(max, finiteOrZero(bin.currentShare()));
            current |= !Double.isNaN(bin.currentShare());
        }
        Svg svg = new Svg("histogram", WIDTH, HEIGHT, "Share of rows per bin of " + feature.feature()
                + ", reference against current");
        Frame frame = new Frame(56, 36, WIDTH - 16, HEIGHT - 72, Ticks.covering(0.0, max > 0.0 ? max : 1.0));
        frame.drawAxes(svg, "share of rows");
        svg.swatch(frame.right - 170, 8, 10, "reference").text(frame.right - 156, 17, "start", 0, "legend", "reference");
        svg.swatch(frame.right - 70, 8, 10, "current").text(frame.right - 56, 17, "start", 0, "legend", "current");
        if (bins.isEmpty()) {
            svg.text(frame.centerX(), frame.centerY(), "middle", 0, "note", "no bins to draw");
            return svg.close();
        }
        double band = (frame.right - frame.left) / bins.size();
        double width = band * BAR;
        int labelStep = (bins.size() + MAX_LABELS - 1) / MAX_LABELS;
        boolean turn = bins.size() > TURN_LABELS_ABOVE;
        String pointer = "/features/" + index + "/bins/";
        for (int i = 0; i < bins.size(); i++) {
            Bin bin = bins.get(i);
            double x = frame.left + i * band + band * GAP;
            bar(svg, frame, x, width, bin.referenceShare(), "bar reference", pointer + i + "/referenceShare",
                    bin.label() + ": reference share ");
            bar(svg, frame, x + width, width, bin.currentShare(), "bar current", pointer + i + "/currentShare",
                    bin.label() + ": current share ");
            if (i % labelStep == 0) {
                svg.text(frame.left + (i + 0.5) * band, frame.bottom + 14, turn ? "end" : "middle", turn ? -40 : 0,
                        "tick", shorten(bin.label()));
            }
        }
        if (!current) {
            svg.text(frame.centerX(), frame.top - 12, "middle", 0, "note", "no current rows");
        }
        return svg.close();
    }

    private static void bar(Svg svg, Frame frame, double x, double width, double share, String cssClass,
            String pointer, String tooltip) {
        if (!Double.isNaN(share)) {
            double y = frame.y(share);
            svg.rect(x, y, width, frame.bottom - y, cssClass, pointer, share, tooltip + ReportNumbers.format(share));
        }
    }

    private static double finiteOrZero(double share) {
        return Double.isNaN(share) ? 0.0 : share;
    }

    /** @return the label, cut to {@value #LABEL_LENGTH} characters, the last an ellipsis, (the bar's tooltip has it whole) */
    static String shorten(String label) {
        if (label.codePointCount(0, label.length()) <= LABEL_LENGTH) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, LABEL_LENGTH - 1)).stripTrailing() + "…";
    }
}
