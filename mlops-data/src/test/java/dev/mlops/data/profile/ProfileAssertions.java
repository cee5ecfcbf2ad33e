package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

/** Shared checks of profile tests. */
final class ProfileAssertions {
    private ProfileAssertions() {
    }

    static double[] sortedFinite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    }

    /**
     * Checks that each sketched quantile's true normalized rank in the data is within the
     * profile's stated rank error of the requested probability.
     */
    static void assertQuantileRanks(NumericProfile p, double[] values, String context) {
        double[] sorted = sortedFinite(values);
        int n = sorted.length;
        for (Quantile q : p.quantiles()) {
            int below = lowerBound(sorted, q.value());
            int atOrBelow = upperBound(sorted, q.value());
            double lowRank = (double) below / n;
            double highRank = (double) atOrBelow / n;
            double distance = q.probability() < lowRank ? lowRank - q.probability()
                    : q.probability() > highRank ? q.probability() - highRank : 0.0;
            assertThat(distance).as("%s: rank of quantile %s (value %s) is [%s, %s]", context, q.probability(),
                    q.value(), lowRank, highRank).isLessThanOrEqualTo(p.rankError());
        }
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
