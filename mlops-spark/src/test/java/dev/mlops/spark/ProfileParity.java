package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ItemCount;
import dev.mlops.data.profile.Method;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.data.profile.Quantile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a profile made on Spark equals the single-JVM profile of the same rows, as the
 * profile package guarantees for merges: exact statistics exactly, sum, mean and variance within
 * their bounds, sketches within their stated errors against the true data.
 */
final class ProfileParity {
    /** The relative bound of mean and variance across merges (the profile package's). */
    static final double MOMENTS = 1e-12;
    private static final double U = 0x1p-53;

    private ProfileParity() {
        throw new AssertionError("no instances");
    }

    static void assertSameProfile(DatasetProfile actual, DatasetProfile expected, Table data, String context) {
        assertThat(actual.rowCount()).as(context).isEqualTo(expected.rowCount());
        assertThat(actual.options()).as(context).isEqualTo(expected.options());
        assertThat(actual.sensitiveColumns()).as(context).isEqualTo(expected.sensitiveColumns());
        assertThat(actual.columns()).as(context).extracting(ColumnProfile::name)
                .isEqualTo(expected.columns().stream().map(ColumnProfile::name).toList());
        for (ColumnProfile column : expected.columns()) {
            String where = context + ", column '" + column.name() + "'";
            ColumnProfile mine = actual.column(column.name());
            assertThat(mine.type()).as(where).isEqualTo(column.type());
            if (column instanceof NumericProfile numeric) {
                assertNumeric((NumericProfile) mine, numeric, data.numericColumn(column.name()), where);
            } else if (column instanceof CategoricalProfile categorical) {
                assertCategorical((CategoricalProfile) mine, categorical, data.column(column.name()),
                        expected.options().topK(), where);
            } else {
                assertThat(mine).as(where).isEqualTo(column);
            }
        }
    }

    private static void assertNumeric(NumericProfile actual, NumericProfile expected, NumericColumn data,
            String where) {
        assertThat(new long[] {actual.count(), actual.missing(), actual.nan(), actual.positiveInfinity(),
            actual.negativeInfinity(), actual.finite(), actual.zeros(), actual.negatives()}).as(where)
                .containsExactly(expected.count(), expected.missing(), expected.nan(), expected.positiveInfinity(),
                        expected.negativeInfinity(), expected.finite(), expected.zeros(), expected.negatives());
        assertThat(actual.min()).as(where + " min").isEqualTo(expected.min());
        assertThat(actual.max()).as(where + " max").isEqualTo(expected.max());
        double[] finite = finiteSorted(data);
        double absoluteSum = Arrays.stream(finite).map(Math::abs).sum();
        // Neumaier's bound, 2u|S| + n u^2 sum|x|, for each side
        double sumBound = 2 * (2 * U * Math.abs(expected.sum()) + finite.length * U * U * absoluteSum) + Double.MIN_VALUE;
        assertThat(actual.sum()).as(where + " sum").isCloseTo(expected.sum(),
                org.assertj.core.api.Assertions.within(sumBound));
        assertRelative(actual.mean().orElse(0), expected.mean().orElse(0), where + " mean");
        assertThat(actual.variance().isPresent()).as(where).isEqualTo(expected.variance().isPresent());
        assertRelative(actual.variance().orElse(0), expected.variance().orElse(0), where + " variance");
        assertThat(actual.quantileMethod()).as(where).isEqualTo(expected.quantileMethod());
        if (expected.quantileMethod() == Method.EXACT) {
            assertThat(actual.quantiles()).as(where).isEqualTo(expected.quantiles());
            assertThat(actual.exactValues().orElseThrow()).as(where).containsExactly(finite);
        } else {
            assertThat(actual.quantiles()).as(where).hasSameSizeAs(expected.quantiles());
            for (Quantile q : actual.quantiles()) {
                assertRankWithin(finite, q.probability(), q.value(), actual.rankError(), where);
            }
        }
        assertThat(actual.distinctMethod()).as(where).isEqualTo(expected.distinctMethod());
        long trueDistinct = Arrays.stream(finite).map(x -> x == 0.0 ? 0.0 : x).distinct().count();
        if (expected.distinctMethod() == Method.EXACT) {
            assertThat(actual.distinct()).as(where + " distinct").isEqualTo(expected.distinct()).isEqualTo(trueDistinct);
        } else {
            assertThat(trueDistinct).as(where + " distinct within HLL's bounds")
                    .isBetween(actual.distinctLowerBound(), actual.distinctUpperBound());
        }
    }

    private static void assertCategorical(CategoricalProfile actual, CategoricalProfile expected, Column data,
            int topK, String where) {
        assertThat(actual.count()).as(where).isEqualTo(expected.count());
        assertThat(actual.missing()).as(where).isEqualTo(expected.missing());
        assertThat(actual.typeShares()).as(where).isEqualTo(expected.typeShares());
        assertThat(actual.distinctMethod()).as(where).isEqualTo(expected.distinctMethod());
        Map<String, Long> truth = counts(data);
        if (expected.distinctMethod() == Method.EXACT) {
            assertThat(actual.exactCounts()).as(where).isEqualTo(expected.exactCounts());
            assertThat(actual.exactCounts().orElseThrow()).as(where).isEqualTo(truth);
            assertThat(actual.distinct()).as(where).isEqualTo(expected.distinct());
            assertThat(actual.topK()).as(where).isEqualTo(expected.topK());
        } else {
            assertThat((long) truth.size()).as(where + " distinct within HLL's bounds")
                    .isBetween(actual.distinctLowerBound(), actual.distinctUpperBound());
            for (ItemCount item : actual.topK()) {
                assertThat(truth.getOrDefault(item.value(), 0L)).as(where + " count of '" + item.value() + "'")
                        .isBetween(item.lowerBound(), item.upperBound());
            }
            // a value frequent beyond twice the sketch's error is listed by both
            Set<String> clearlyFrequent = new HashSet<>();
            truth.forEach((value, count) -> {
                if (count > 2 * actual.frequencyError() + 1) {
                    clearlyFrequent.add(value);
                }
            });
            if (clearlyFrequent.size() <= topK) {
                assertThat(actual.topK()).as(where).extracting(ItemCount::value).containsAll(clearlyFrequent);
            }
        }
    }

    static double[] finiteSorted(NumericColumn column) {
        return Arrays.stream(column.toArray()).filter(Double::isFinite).sorted().toArray();
    }

    static Map<String, Long> counts(Column column) {
        Map<String, Long> counts = new HashMap<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                String value = column instanceof CategoricalColumn c ? c.get(row)
                        : column instanceof BooleanColumn b ? Boolean.toString(b.get(row))
                        : ((TextColumn) column).get(row);
                counts.merge(value, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static void assertRelative(double actual, double expected, String where) {
        assertThat(Math.abs(actual - expected)).as(where + ": " + actual + " against " + expected)
                .isLessThanOrEqualTo(MOMENTS * Math.abs(expected) + Double.MIN_VALUE);
    }

    /** The true normalized rank of {@code value} in the sorted data is within {@code error} of {@code p}. */
    static void assertRankWithin(double[] sorted, double p, double value, double error, String where) {
        int n = sorted.length;
        double low = (double) bound(sorted, value, false) / n;
        double high = (double) bound(sorted, value, true) / n;
        double distance = p < low ? low - p : p > high ? p - high : 0.0;
        assertThat(distance).as("%s: quantile %s = %s has true rank in [%s, %s]", where, p, value, low, high)
                .isLessThanOrEqualTo(error);
    }

    private static int bound(double[] sorted, double value, boolean upper) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value || (upper && sorted[mid] == value)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
