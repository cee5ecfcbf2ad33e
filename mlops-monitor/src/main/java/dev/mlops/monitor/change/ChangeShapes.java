package dev.mlops.monitor.change;

import java.util.Arrays;

/**
 * Tells an abrupt change from a gradual one on a segment of a series around a change.
 *
 * <p>The rule: fit by least squares (a) the best <em>step</em>, a constant level that jumps to
 * another at one position, and (b) the best <em>ramp</em>, a constant level that moves linearly
 * over {@code L >= 2} values to another constant level (or is still moving at the segment's end),
 * over every start and length; the step is the ramp with {@code L = 1}. The ramp pays for its one
 * extra parameter, its length, in the manner of the Bayesian information criterion but at twice
 * its price, {@code 2·ln n}, because a length searched over many values fits noise better than a
 * free coefficient does (as change-point locations need larger penalties than BIC's): the change
 * is {@link Shape#GRADUAL} when {@code n·ln(SSE_step / SSE_ramp) > 2·ln n} (n values in the
 * segment), and {@link Shape#ABRUPT} otherwise. With BIC's own price, 2 % of 3σ steps were called
 * gradual in a sweep of 400 seeded noisy series; at twice the price none were, and every ramp
 * rising 5σ over 100 values was still called gradual ({@code ChangeDetectorsTest} sweeps both).
 * Among equal fits the earliest start and the shortest length win, so a segment without any move
 * is an abrupt "change" of size 0 at its second value. Each fit takes O(1) from prefix sums, so a
 * segment of n values costs O(n²).
 *
 * <p>The segment must reach well past the detection: at the moment of detection a slow ramp has
 * barely begun and looks like a small step, so a streaming tracker reports the change at once and
 * the shape is judged when more of the series is known ({@link ChangeDetector#scan(java.util.List)}
 * takes up to {@link #CONTEXT} values past the detection).
 */
public final class ChangeShapes {

    /** How many values before a change point and after a detection a scan's segment takes at most: {@value}. */
    public static final int CONTEXT = 100;

    /** The price of the ramp's length in units of BIC's {@code ln n}: {@value}. */
    static final double LENGTH_PENALTY = 2.0;

    /** The fewest values a segment may hold: {@value}. */
    public static final int MIN_SIZE = 4;

    private ChangeShapes() {
        throw new AssertionError("no instances");
    }

    /**
     * Fits a step and a ramp to the segment and picks the shape by the rule above.
     *
     * @param segment the values, in order, all finite, at least {@link #MIN_SIZE}
     * @return both fits and the shape
     * @throws IllegalArgumentException if the segment is shorter than {@link #MIN_SIZE} or holds
     *     a non-finite value; the message names the size or the index and value
     */
    public static ShapeFit classify(double[] segment) {
        int n = segment.length;
        if (n < MIN_SIZE) {
            throw new IllegalArgumentException("a segment to classify must hold at least " + MIN_SIZE
                    + " values but held " + n);
        }
        double[] p = new double[n + 1];
        double[] q = new double[n + 1];
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(segment[t])) {
                throw new IllegalArgumentException("a segment to classify must hold finite values but value "
                        + t + " was " + segment[t]);
            }
            p[t + 1] = p[t] + segment[t];
            q[t + 1] = q[t] + t * segment[t];
        }
        double syy = 0;
        double mean = p[n] / n;
        for (double y : segment) {
            double deviation = y - mean;
            syy += deviation * deviation;
        }
        Fit step = new Fit();
        Fit ramp = new Fit();
        for (int a = 1; a < n; a++) {
            step.consider(a, 1, n, p, q, syy);
            for (int length = 2; length <= n - a + 1; length++) {
                ramp.consider(a, length, n, p, q, syy);
            }
        }
        boolean gradual = step.sse > ramp.sse * Math.exp(LENGTH_PENALTY * Math.log(n) / n);
        Fit winner = gradual ? ramp : step;
        return new ShapeFit(gradual ? Shape.GRADUAL : Shape.ABRUPT, winner.start, winner.length, winner.before,
                winner.after, step.sse, ramp.sse, n);
    }

    /** The finite values of {@code values[from, to)}, for {@link ChangeDetector#scan(java.util.List)}. */
    static double[] finite(double[] values, int from, int to) {
        return Arrays.stream(values, from, to).filter(Double::isFinite).toArray();
    }

    /**
     * The best fit so far of {@code y = alpha + beta * r(t)}, where r is 0 before {@code a},
     * {@code (t - a + 1) / L} for {@code a <= t < a + L - 1} and 1 from {@code a + L - 1} on.
     */
    private static final class Fit {
        double sse = Double.POSITIVE_INFINITY;
        int start;
        int length;
        double before;
        double after;

        void consider(int a, int length, int n, double[] p, double[] q, double syy) {
            int plateau = a + length - 1;
            double sr = (length - 1) / 2.0 + (n - plateau);
            double srr = (length - 1) * (2.0 * length - 1) / (6.0 * length) + (n - plateau);
            double sry = ((q[plateau] - q[a]) - (a - 1.0) * (p[plateau] - p[a])) / length + (p[n] - p[plateau]);
            double sy = p[n];
            double vrr = srr - sr * sr / n;
            double vry = sry - sr * sy / n;
            double candidate = syy - vry * vry / vrr;
            if (candidate < sse) {
                double beta = vry / vrr;
                sse = Math.max(candidate, 0.0);
                start = a;
                this.length = length;
                before = (sy - beta * sr) / n;
                after = before + beta;
            }
        }
    }
}
