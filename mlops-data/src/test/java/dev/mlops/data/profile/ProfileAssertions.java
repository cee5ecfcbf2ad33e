package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

    /**
     * Checks a profile of parts of a table merged against the profile of the whole: equal counts,
     * extremes, exact quantiles and distinct counts; the sum, mean and variance within the merge bounds;
     * sketches within their stated error of the truth.
     */
    static void assertNumericMerged(NumericProfile whole, NumericProfile merged, double[] values, String context) {
        assertThat(merged.count()).as(context).isEqualTo(whole.count());
        assertThat(merged.missing()).as(context).isEqualTo(whole.missing());
        assertThat(merged.nan()).as(context).isEqualTo(whole.nan());
        assertThat(merged.positiveInfinity()).as(context).isEqualTo(whole.positiveInfinity());
        assertThat(merged.negativeInfinity()).as(context).isEqualTo(whole.negativeInfinity());
        assertThat(merged.finite()).as(context).isEqualTo(whole.finite());
        assertThat(merged.zeros()).as(context).isEqualTo(whole.zeros());
        assertThat(merged.negatives()).as(context).isEqualTo(whole.negatives());
        assertThat(merged.min()).as(context).isEqualTo(whole.min());
        assertThat(merged.max()).as(context).isEqualTo(whole.max());
        double absSum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                absSum += Math.abs(v);
            }
        }
        // both compensated sums are within 2u|S| + O(n u^2) sum|x| of the exact sum
        assertThat(merged.sum()).as(context).isCloseTo(whole.sum(), within(1e-15 * absSum + 1e-300));
        if (whole.finite() > 0) {
            assertRelative(merged.mean().getAsDouble(), whole.mean().getAsDouble(), context + " mean");
        }
        if (whole.finite() > 1) {
            assertRelative(merged.variance().getAsDouble(), whole.variance().getAsDouble(), context + " variance");
        }
        Set<Double> distinct = new HashSet<>();
        for (double v : values) {
            if (Double.isFinite(v)) {
                distinct.add(v == 0.0 ? 0.0 : v);
            }
        }
        assertThat(merged.distinctMethod()).as(context).isEqualTo(whole.distinctMethod());
        if (whole.distinctMethod() == Method.EXACT) {
            assertThat(merged.distinct()).as(context).isEqualTo(distinct.size()).isEqualTo(whole.distinct());
        } else {
            assertThat((double) Math.abs(merged.distinct() - distinct.size())).as(context + " numeric distinct")
                    .isLessThanOrEqualTo(3 * 0.01625 * distinct.size() + 1);
        }
        assertThat(merged.quantileMethod()).as(context).isEqualTo(whole.quantileMethod());
        if (whole.quantileMethod() == Method.EXACT) {
            assertThat(merged.quantiles()).as(context).isEqualTo(whole.quantiles());
        } else {
            assertQuantileRanks(merged, values, context);
            assertQuantileRanks(whole, values, context);
        }
    }

    /** Checks that {@code actual} is within 1e-12 relative of {@code expected}. */
    static void assertRelative(double actual, double expected, String context) {
        assertThat(Math.abs(actual - expected)).as(context + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(1e-12 * Math.abs(expected));
    }

    /** Checks a categorical column of a merged profile against the whole's and the true counts. */
    static void assertCategoricalMerged(CategoricalProfile whole, CategoricalProfile merged, Table table,
            String name, String context) {
        assertThat(merged.count()).as(context).isEqualTo(whole.count());
        assertThat(merged.missing()).as(context).isEqualTo(whole.missing());
        assertThat(merged.distinctMethod()).as(context).isEqualTo(whole.distinctMethod());
        assertThat(merged.typeShares()).as(context).isEqualTo(whole.typeShares());
        Map<String, Long> truth = new HashMap<>();
        var column = table.column(name);
        for (int row = 0; row < table.rowCount(); row++) {
            if (!column.isMissing(row)) {
                truth.merge(column.format(row), 1L, Long::sum);
            }
        }
        if (whole.distinctMethod() == Method.EXACT) {
            assertThat(merged.distinct()).as(context).isEqualTo(truth.size());
            assertThat(merged.topK()).as(context).isEqualTo(whole.topK());
        } else {
            // HLL lgK 12: relative standard error 1.625%; three of them, plus one for tiny counts
            assertThat((double) Math.abs(merged.distinct() - truth.size()))
                    .as(context + " distinct").isLessThanOrEqualTo(3 * 0.01625 * truth.size() + 1);
            for (ItemCount item : merged.topK()) {
                assertThat(truth.get(item.value())).as(context + " " + item)
                        .isBetween(item.lowerBound(), item.upperBound());
            }
        }
    }
}
