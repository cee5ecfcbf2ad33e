package dev.mlops.deploy.gate;

import java.util.Locale;

/** The number formats of rules and reports: fixed, locale-free. */
final class Texts {
    private Texts() {
        throw new AssertionError("no instances");
    }

    /** @return the value with four decimals, or {@code NaN} */
    static String number(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** @return the value with a sign and four decimals, or {@code NaN} */
    static String signed(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%+.4f", value);
    }

    /** @return a confidence level as a percentage, such as {@code 95%} */
    static String percent(double level) {
        return String.format(Locale.ROOT, "%.0f%%", level * 100.0);
    }

    /** Refuses a margin that is negative or not finite. */
    static void requireMargin(double margin) {
        if (!(margin >= 0.0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number at least 0 but was " + margin);
        }
    }
}
