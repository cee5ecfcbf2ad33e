package dev.mlops.monitor.change;

import org.jspecify.annotations.Nullable;

/** Checks the settings the built-in detectors share. */
final class Parameters {

    private Parameters() {
        throw new AssertionError("no instances");
    }

    static void check(String slackName, double slack, String thresholdName, double threshold, int warmup,
            @Nullable Double sigma) {
        if (!(slack >= 0 && slack < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(slackName + " must be finite and at least 0 but was " + slack);
        }
        if (!(threshold > 0 && threshold < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(thresholdName + " must be finite and above 0 but was " + threshold);
        }
        if (sigma != null && !(sigma > 0 && sigma < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("sigma must be finite and above 0 but was " + sigma);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be at least 0 but was " + warmup);
        }
        if (sigma == null && warmup < 2) {
            throw new IllegalArgumentException("warmup must be at least 2 to estimate sigma but was " + warmup);
        }
    }
}
