package dev.mlops.monitor.drift;

/** The argument checks of thresholds, shared by the settings and results of this package. */
final class Thresholds {

    private Thresholds() {
        throw new AssertionError("no instances");
    }

    /** @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)} */
    static double alpha(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha (the significance level) must be in (0, 1) but was " + alpha);
        }
        return alpha;
    }

    /** @throws IllegalArgumentException if {@code threshold} is not a finite number above 0 */
    static double distance(double threshold) {
        if (!(threshold > 0.0 && threshold < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("threshold must be a finite number above 0 but was " + threshold);
        }
        return threshold;
    }

    /** @throws IllegalArgumentException if {@code bins} is below 2 */
    static int bins(int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be at least 2 but was " + bins);
        }
        return bins;
    }
}
