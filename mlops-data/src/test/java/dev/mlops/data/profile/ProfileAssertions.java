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
            assertRankWithin(sorted, q.probability(), q.value(), p.rankError(), context);
        }
    }

    /** Checks that the true normalized rank of {@code value} in the sorted data is within {@code error} of {@code p}. */
    static void assertRankWithin(double[] sorted, double p, double value, double error, String context) {
        int n = sorted.length;
        double lowRank = (double) lowerBound(sorted, value) / n;
        double highRank = (double) upperBound(sorted, value) / n;
        double distance = p < lowRank ? lowRank - p : p > highRank ? p - highRank : 0.0;
        assertThat(distance).as("%s: rank of quantile %s (value %s) is [%s, %s]", context, p, value, lowRank,
                highRank).isLessThanOrEqualTo(error);
    }

    static int lowerBound(double[] sorted, double v) {
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

    static int upperBound(double[] sorted, double v) {
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
