package dev.mlops.monitor.report;

/**
 * Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), after Heckbert's "Nice numbers
 * for graph labels" (Graphics Gems, 1990): the first tick at or below the smallest value, the last
 * at or above the largest.
 */
final class Ticks {
    private static final int TARGET = 5;

    private Ticks() {
        throw new AssertionError("no instances");
    }

    /**
     * @param min the smallest finite value to cover
     * @param max the largest finite value to cover, at least {@code min}
     * @return about five ticks, increasing, the first at or below {@code min} and the last at or above {@code max}
     */
    static double[] covering(double min, double max) {
        double low = min;
        double high = max;
        if (low == high) {
            double pad = low == 0.0 ? 1.0 : Math.abs(low) / 2;
            low -= pad;
            high += pad;
        }
        double step = nice((high - low) / (TARGET - 1));
        long first = (long) Math.floor(low / step);
        long last = (long) Math.ceil(high / step);
        double[] ticks = new double[(int) (last - first) + 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (first + i) * step;
        }
        return ticks;
    }

    /** @return the nice number (1, 2, 5 or 10 times a power of ten) nearest to {@code range} */
    static double nice(double range) {
        double power = Math.pow(10, Math.floor(Math.log10(range)));
        double fraction = range / power;
        double nice;
        if (fraction < 1.5) {
            nice = 1;
        } else if (fraction < 3) {
            nice = 2;
        } else if (fraction < 7) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * power;
    }
}
