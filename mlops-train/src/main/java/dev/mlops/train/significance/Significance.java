package dev.mlops.train.significance;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A verdict on the difference between two models: whether it is significant at a level, and
 * which model did better. A leaderboard prints {@link #mark()} beside the difference.
 *
 * <p>A test with a p-value is significant when the p-value is below the level; the paired
 * bootstrap, which has no p-value, is significant at level {@code α} when its {@code 1 - α}
 * interval of the difference leaves out 0. {@link #better()} is the direction the data show
 * whether or not it is significant, so "the second model looked better, but not significantly" can
 * be said. Immutable.
 *
 * @param test the test that gave the verdict, such as {@value McNemar#METHOD}
 * @param pValue the test's two-sided p-value; empty for the bootstrap, or where the test is not
 *     defined on the data
 * @param level the significance level, in (0, 1)
 * @param significant whether the difference is significant at the level
 * @param better which model did better on the data
 */
public record Significance(String test, OptionalDouble pValue, double level, boolean significant, Better better) {
    /** The level when none is given: 0.05. */
    public static final double DEFAULT_LEVEL = 0.05;

    /** Which of two models did better. */
    public enum Better {
        /** The first model. */
        FIRST,
        /** The second model. */
        SECOND,
        /** Neither: the two did equally well, or the difference is not defined. */
        NEITHER;

        /**
         * Reads the direction of a difference.
         *
         * @param difference first minus second, of a metric or of counts of correct rows
         * @param higherIsBetter whether a larger value of the metric is better
         * @return the better model; neither for a difference of 0 or NaN
         */
        public static Better of(double difference, boolean higherIsBetter) {
            if (difference > 0.0) {
                return higherIsBetter ? FIRST : SECOND;
            }
            if (difference < 0.0) {
                return higherIsBetter ? SECOND : FIRST;
            }
            return NEITHER;
        }
    }

    /**
     * Checks the verdict.
     *
     * @param test the test that gave the verdict, not blank
     * @param pValue the p-value, in [0, 1] if present
     * @param level the significance level, in (0, 1)
     * @param significant whether the difference is significant at the level
     * @param better which model did better on the data
     * @throws IllegalArgumentException if the test is blank, the p-value is outside [0, 1], or the
     *     level outside (0, 1)
     */
    public Significance {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(better, "better");
        if (test.isBlank()) {
            throw new IllegalArgumentException("test must not be blank but was '" + test + "'");
        }
        if (pValue.isPresent() && !(pValue.getAsDouble() >= 0.0 && pValue.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException("pValue must be in [0, 1] but was " + pValue.getAsDouble());
        }
        checkLevel(level);
    }

    /**
     * The verdict of a test with a p-value: significant when the p-value is below the level.
     *
     * @param test the test's name
     * @param pValue the two-sided p-value in [0, 1], or NaN where the test is not defined (never
     *     significant)
     * @param level the significance level, in (0, 1)
     * @param better which model did better on the data
     * @return the verdict
     * @throws IllegalArgumentException if the p-value is outside [0, 1] or the level outside (0, 1)
     */
    public static Significance ofPValue(String test, double pValue, double level, Better better) {
        OptionalDouble p = Double.isNaN(pValue) ? OptionalDouble.empty() : OptionalDouble.of(pValue);
        return new Significance(test, p, level, p.isPresent() && pValue < level, better);
    }

    /**
     * Checks a significance level.
     *
     * @param level the level
     * @throws IllegalArgumentException if it is outside (0, 1)
     */
    static void checkLevel(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1) but was " + level);
        }
    }

    /**
     * @return {@code "*"} for a significant difference, {@code "n.s."} (not significant) for
     *     one that may be chance
     */
    public String mark() {
        return significant ? "*" : "n.s.";
    }
}
