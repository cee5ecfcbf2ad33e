package dev.mlops.data.profile;

import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.data.internal.SortedArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;

/**
 * The profile of a numeric column.
 *
 * <p>Every row is exactly one of: missing, NaN, positive infinity, negative infinity, or finite.
 * Only finite values feed the minimum, maximum, sum, mean, variance, zeros, negatives and
 * quantiles; NaN and infinities are counted, never fatal.
 *
 * <ul>
 *   <li>The <b>sum</b> is accumulated with Neumaier's compensated (improved Kahan–Babuška)
 *       summation, also across merges: its error is at most about {@code 2u|S| + O(n u²) Σ|x|}
 *       with {@code u = 2^-53}, independent of n to first order, as long as no partial sum
 *       overflows.
 *   <li><b>Mean and variance</b> come from the moments {@code (n, mean, M2)}: computed for blocks
 *       of 4096 finite values by the corrected two-pass algorithm and combined, block after block
 *       and across merges, by Chan et al.'s pairwise formula. The variance is the
 *       <em>sample</em> variance {@code M2 / (n - 1)}, the standard deviation its square root
 *       (numpy's {@code ddof=1}, pandas' default).
 *   <li><b>Quantiles</b>: while a column has at most {@link ProfileOptions#exactQuantileLimit()}
 *       finite values the profile keeps them sorted and reports exact quantiles by linear
 *       interpolation between order statistics (Hyndman–Fan type 7, numpy's default
 *       {@code method="linear"}): {@code h = (n - 1)p}, {@code x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋])}.
 *       Above it a KLL sketch (DataSketches 6.2.0, inclusive search) estimates them with a
 *       normalized rank error of {@link #rankError()}; {@link #quantileMethod()} says which. KLL
 *       draws its compaction coins from an unseeded generator, so sketch quantiles vary between
 *       runs within that error. Sketches of a column are built from radix-sorted blocks of 4096
 *       values pre-compacted by 16 (see the package description), which adds far less error than
 *       the KLL levels it replaces.
 *   <li>The <b>distinct count</b> of finite values ({@code -0.0} counted as {@code 0.0}) is exact
 *       while there are at most {@link ProfileOptions#exactDistinctLimit()} distinct values, else
 *       a HyperLogLog estimate, as for {@link CategoricalProfile}.
 * </ul>
 *
 * <p>With no finite value, min, max, mean and quantiles are empty and the sum is 0; the variance
 * needs two finite values.
 */
public final class NumericProfile implements ColumnProfile {
    private final String name;
    private final long count;
    private final long missing;
    private final long nan;
    private final long positiveInfinity;
    private final long negativeInfinity;
    private final long zeros;
    private final long negatives;
    private final double min;
    private final double max;
    private final double sumHigh;
    private final double sumLow;
    private final long finite;
    private final double mean;
    private final double m2;
    private final double @Nullable [] sortedValues;
    private final byte @Nullable [] kll;
    private final double @Nullable [] distinctValues;
    private final byte @Nullable [] hll;
    private final long distinct;
    private final long distinctLower;
    private final long distinctUpper;
    private final ProfileOptions options;
    private final List<Quantile> quantiles;
    private final double rankError;
    /** The KLL sketch's immutable sorted view, for quantiles and ranks at any point; null when exact or empty. */
    private final @Nullable DoublesSortedView sketchView;

    NumericProfile(String name, long count, long missing, long nan, long positiveInfinity, long negativeInfinity,
            long zeros, long negatives, double min, double max, double sumHigh, double sumLow, long finite,
            double mean, double m2, double @Nullable [] sortedValues, byte @Nullable [] kll,
            double @Nullable [] distinctValues, byte @Nullable [] hll, ProfileOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        this.count = count;
        this.missing = missing;
        this.nan = nan;
        this.positiveInfinity = positiveInfinity;
        this.negativeInfinity = negativeInfinity;
        this.zeros = zeros;
        this.negatives = negatives;
        this.min = min;
        this.max = max;
        this.sumHigh = sumHigh;
        this.sumLow = sumLow;
        this.finite = finite;
        this.mean = mean;
        this.m2 = m2;
        this.options = options;
        if (count != missing + nan + positiveInfinity + negativeInfinity + finite) {
            throw new IllegalArgumentException("column '" + name + "': count " + count
                    + " is not missing + NaN + infinities + finite values");
        }
        if ((sortedValues == null) == (kll == null)) {
            throw new IllegalArgumentException("column '" + name + "' needs exactly one of exact values and a KLL sketch");
        }
        this.sortedValues = sortedValues;
        this.kll = kll;
        List<Double> ps = options.probabilities();
        List<Quantile> qs = new ArrayList<>(ps.size());
        if (sortedValues != null) {
            if (sortedValues.length != finite) {
                throw new IllegalArgumentException("column '" + name + "' keeps " + sortedValues.length
                        + " values but has " + finite + " finite values");
            }
            if (finite > 0) {
                for (double p : ps) {
                    qs.add(new Quantile(p, SortedArrays.quantile(sortedValues, p)));
                }
            }
            this.rankError = 0.0;
            this.sketchView = null;
        } else {
            KllDoublesSketch sketch = heapify(kll);
            if (sketch.getN() != finite) {
                throw new IllegalArgumentException("column '" + name + "': the KLL sketch holds " + sketch.getN()
                        + " values but the column has " + finite + " finite values");
            }
            if (!sketch.isEmpty()) {
                DoublesSortedView view = sketch.getSortedView();
                for (double p : ps) {
                    qs.add(new Quantile(p, view.getQuantile(p, QuantileSearchCriteria.INCLUSIVE)));
                }
                this.sketchView = view;
            } else {
                this.sketchView = null;
            }
            this.rankError = sketch.getNormalizedRankError(false);
        }
        this.quantiles = List.copyOf(qs);
        if (distinctValues == null && hll == null) {
            if (sortedValues == null) {
                throw new IllegalArgumentException("column '" + name + "' needs its distinct values or a HyperLogLog sketch");
            }
            double[] unique = uniqueSorted(sortedValues);
            if (unique.length <= options.exactDistinctLimit()) {
                distinctValues = unique;
            } else {
                hll = toHll(unique).toCompactByteArray();
            }
        } else if (distinctValues != null && hll != null) {
            throw new IllegalArgumentException("column '" + name + "' needs distinct values or a sketch, not both");
        }
        if (distinctValues != null) {
            for (int i = 0; i < distinctValues.length; i++) {
                double v = distinctValues[i];
                if (!Double.isFinite(v) || Double.compare(v, -0.0) == 0 || (i > 0 && !(v > distinctValues[i - 1]))) {
                    throw new IllegalArgumentException("column '" + name + "': distinct values must be finite, ascending"
                            + " and unique with no -0.0, but value " + i + " is " + v);
                }
            }
            if (distinctValues.length > finite || (finite > 0) != (distinctValues.length > 0)) {
                throw new IllegalArgumentException("column '" + name + "' has " + distinctValues.length
                        + " distinct values but " + finite + " finite values");
            }
            this.distinctValues = distinctValues;
            this.hll = null;
            this.distinct = distinctValues.length;
            this.distinctLower = distinct;
            this.distinctUpper = distinct;
        } else {
            this.distinctValues = null;
            this.hll = hll;
            HllSketch sketch = HllSketch.heapify(Objects.requireNonNull(hll));
            this.distinct = Math.round(sketch.getEstimate());
            this.distinctLower = (long) Math.floor(sketch.getLowerBound(2));
            this.distinctUpper = (long) Math.ceil(sketch.getUpperBound(2));
        }
    }

    /** The distinct values of sorted finite values, {@code -0.0} as {@code 0.0}. */
    private static double[] uniqueSorted(double[] sorted) {
        double[] unique = new double[sorted.length];
        int n = 0;
        for (double v : sorted) {
            double canonical = v == 0.0 ? 0.0 : v;
            if (n == 0 || canonical != unique[n - 1]) {
                unique[n++] = canonical;
            }
        }
        return Arrays.copyOf(unique, n);
    }

    private static HllSketch toHll(double[] values) {
        HllSketch sketch = new HllSketch(CategoricalProfile.HLL_LG_K, TgtHllType.HLL_4);
        for (double v : values) {
            sketch.update(v);
        }
        return sketch;
    }

    private HllSketch hllSketch() {
        return hll != null ? HllSketch.heapify(hll) : toHll(Objects.requireNonNull(distinctValues));
    }

    /** Merges two ascending arrays of unique values into their ascending union. */
    private static double[] union(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                out[k++] = a[i++];
            } else if (b[j] < a[i]) {
                out[k++] = b[j++];
            } else {
                out[k++] = a[i++];
                j++;
            }
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * Profiles a column in one pass. Finite values go in blocks of {@value QuantileCollector#BLOCK}:
     * each block's mean and M2 come from two passes over it (corrected two-pass algorithm) and
     * join the running moments by Chan's formula, so no value costs a division; the sum stays
     * compensated value by value.
     */
    static NumericProfile of(NumericColumn column, ProfileOptions options) {
        int rows = column.size();
        boolean anyMissing = column.missingCount() > 0;
        long missing = 0;
        long nan = 0;
        long posInf = 0;
        long negInf = 0;
        long zeros = 0;
        long negatives = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0.0;
        double compensation = 0.0;
        double mean = 0.0;
        double m2 = 0.0;
        long n = 0;
        DistinctCounter distinct = new DistinctCounter(options.exactDistinctLimit());
        QuantileCollector quantiles = new QuantileCollector(options.exactQuantileLimit(), options.kllK(),
                rows - column.missingCount());
        double[] block = new double[QuantileCollector.BLOCK];
        int row = 0;
        while (row < rows) {
            int m = 0;
            for (; row < rows && m < block.length; row++) {
                // a missing value reads as NaN, so only a NaN needs the missing bitmap
                double x = column.get(row);
                if (x - x == 0.0) {
                    block[m++] = x;
                } else if (x != x) {
                    if (anyMissing && column.isMissing(row)) {
                        missing++;
                    } else {
                        nan++;
                    }
                } else if (x > 0) {
                    posInf++;
                } else {
                    negInf++;
                }
            }
            if (m == 0) {
                continue;
            }
            double blockSum = 0.0;
            for (int i = 0; i < m; i++) {
                double x = block[i];
                if (x == 0.0) {
                    zeros++;
                } else if (x < 0.0) {
                    negatives++;
                }
                min = Math.min(min, x);
                max = Math.max(max, x);
                double t = sum + x;
                compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
                sum = t;
                blockSum += x;
            }
            double blockMean = blockSum / m;
            double deviations = 0.0;
            double squares = 0.0;
            for (int i = 0; i < m; i++) {
                double d = block[i] - blockMean;
                deviations += d;
                squares += d * d;
            }
            blockMean += deviations / m;
            double blockM2 = Math.max(0.0, squares - deviations * deviations / m);
            long merged = n + m;
            double delta = blockMean - mean;
            mean = n == 0 ? blockMean : mean + delta * ((double) m / merged);
            m2 = n == 0 ? blockM2 : m2 + blockM2 + delta * delta * ((double) n * m / merged);
            n = merged;
            distinct.add(block, m);
            quantiles.add(block, m);
        }
        return new NumericProfile(column.name(), rows, missing, nan, posInf, negInf, zeros, negatives,
                n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max, sum, compensation, n, n == 0 ? 0.0 : mean, m2,
                quantiles.sortedValues(), quantiles.kll(), distinct.distinctValues(), distinct.hll(), options);
    }

    /** Merges two profiles of the same column; see {@link DatasetProfile#merge}. */
    NumericProfile merge(NumericProfile other) {
        long n = finite + other.finite;
        double delta = other.mean - mean;
        double mergedMean = n == 0 ? 0.0 : mean + delta * ((double) other.finite / n);
        double mergedM2 = n == 0 ? 0.0 : m2 + other.m2 + delta * delta * ((double) finite * other.finite / n);
        if (finite == 0) {
            mergedMean = other.mean;
            mergedM2 = other.m2;
        } else if (other.finite == 0) {
            mergedMean = mean;
            mergedM2 = m2;
        }
        // Neumaier: add the other's high part with compensation, then its low part.
        double s = sumHigh;
        double c = sumLow + other.sumLow;
        double t = s + other.sumHigh;
        c += Math.abs(s) >= Math.abs(other.sumHigh) ? (s - t) + other.sumHigh : (other.sumHigh - t) + s;
        s = t;
        double[] sorted = null;
        byte[] mergedKll = null;
        if (sortedValues != null && other.sortedValues != null && n <= options.exactQuantileLimit()) {
            sorted = mergeSorted(sortedValues, other.sortedValues);
        } else {
            KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(options.kllK());
            sketch.merge(toKll());
            sketch.merge(other.toKll());
            mergedKll = sketch.toByteArray();
        }
        double[] mergedDistinct = null;
        byte[] mergedHll = null;
        if (distinctValues != null && other.distinctValues != null) {
            double[] all = union(distinctValues, other.distinctValues);
            if (all.length <= options.exactDistinctLimit()) {
                mergedDistinct = all;
            } else {
                mergedHll = toHll(all).toCompactByteArray();
            }
        } else {
            Union union = new Union(CategoricalProfile.HLL_LG_K);
            union.update(hllSketch());
            union.update(other.hllSketch());
            mergedHll = union.getResult(TgtHllType.HLL_4).toCompactByteArray();
        }
        return new NumericProfile(name, count + other.count, missing + other.missing, nan + other.nan,
                positiveInfinity + other.positiveInfinity, negativeInfinity + other.negativeInfinity,
                zeros + other.zeros, negatives + other.negatives, extreme(min, other.min, true),
                extreme(max, other.max, false), s, c, n, mergedMean, mergedM2, sorted, mergedKll, mergedDistinct,
                mergedHll, options);
    }

    /**
     * Returns this column with sketches in place of its exact values and distinct values, as a
     * profile written out keeps a sensitive column; this profile when it holds only sketches.
     */
    NumericProfile sketchOnly() {
        if (kll != null && hll != null) {
            return this;
        }
        return new NumericProfile(name, count, missing, nan, positiveInfinity, negativeInfinity, zeros, negatives,
                min, max, sumHigh, sumLow, finite, mean, m2, null, toKll().toByteArray(), null,
                hllSketch().toCompactByteArray(), options);
    }

    private static double extreme(double a, double b, boolean lower) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return lower ? Math.min(a, b) : Math.max(a, b);
    }

    private KllDoublesSketch toKll() {
        if (kll != null) {
            return heapify(kll);
        }
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(options.kllK());
        double[] values = Objects.requireNonNull(sortedValues);
        sketch.update(values, 0, values.length);
        return sketch;
    }

    private static KllDoublesSketch heapify(byte[] bytes) {
        return KllDoublesSketch.heapify(Memory.wrap(bytes));
    }

    private static double[] mergeSorted(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            // Double.compare puts -0.0 before 0.0, as Arrays.sort and a one-pass profile do
            out[k++] = Double.compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long missing() {
        return missing;
    }

    /** @return the number of NaN values (present, not missing) */
    public long nan() {
        return nan;
    }

    /** @return the number of positive infinities */
    public long positiveInfinity() {
        return positiveInfinity;
    }

    /** @return the number of negative infinities */
    public long negativeInfinity() {
        return negativeInfinity;
    }

    /** @return the number of finite values, the only ones that feed the statistics below */
    public long finite() {
        return finite;
    }

    /** @return the number of finite values equal to zero ({@code 0.0} or {@code -0.0}) */
    public long zeros() {
        return zeros;
    }

    /** @return the number of finite values below zero */
    public long negatives() {
        return negatives;
    }

    /** @return the smallest finite value, empty when there is none */
    public OptionalDouble min() {
        return finite == 0 ? OptionalDouble.empty() : OptionalDouble.of(min);
    }

    /** @return the largest finite value, empty when there is none */
    public OptionalDouble max() {
        return finite == 0 ? OptionalDouble.empty() : OptionalDouble.of(max);
    }

    /**
     * Returns the compensated sum of the finite values: 0 when there is none; not finite when the
     * running sum left the range of {@code double} (±Infinity, or NaN if it overflowed both ways).
     *
     * @return the sum
     */
    public double sum() {
        return Double.isFinite(sumHigh) ? sumHigh + sumLow : sumHigh;
    }

    /** @return the mean of the finite values, empty when there is none */
    public OptionalDouble mean() {
        return finite == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean);
    }

    /** @return the sample variance (divisor n - 1) of the finite values, empty below two values */
    public OptionalDouble variance() {
        return finite < 2 ? OptionalDouble.empty() : OptionalDouble.of(m2 / (finite - 1));
    }

    /** @return the sample standard deviation (divisor n - 1), empty below two finite values */
    public OptionalDouble standardDeviation() {
        return finite < 2 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(m2 / (finite - 1)));
    }

    /** @return the quantiles at the options' probabilities, in order; empty with no finite value */
    public List<Quantile> quantiles() {
        return quantiles;
    }

    /**
     * Returns the quantile of the finite values at any probability, by the same method as
     * {@link #quantiles()}: exact type-7 interpolation of the kept values (numpy's default
     * {@code np.quantile(a, p)}), or the KLL sketch's inclusive estimate, whose true rank is within
     * {@link #rankError()} of {@code p}. At {@code p = 0} and {@code p = 1} both give the exact
     * minimum and maximum. For a probability in the options it equals the entry of
     * {@link #quantiles()}.
     *
     * @param p the probability, in {@code [0, 1]}
     * @return the quantile, empty when the column has no finite value
     * @throws IllegalArgumentException if {@code p} is NaN or outside {@code [0, 1]}; the message
     *     names {@code p} and its value
     */
    public OptionalDouble quantile(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be in [0, 1] but was " + p);
        }
        if (finite == 0) {
            return OptionalDouble.empty();
        }
        if (sortedValues != null) {
            return OptionalDouble.of(SortedArrays.quantile(sortedValues, p));
        }
        return OptionalDouble.of(Objects.requireNonNull(sketchView).getQuantile(p, QuantileSearchCriteria.INCLUSIVE));
    }

    /**
     * Returns the empirical cumulative distribution of the finite values at {@code x}: the
     * fraction of finite values {@code <= x}. Exact from the kept values; from the KLL sketch its
     * inclusive normalized rank, within {@link #rankError()} of the true fraction. Below the
     * minimum it is exactly 0, at or above the maximum exactly 1 (minimum and maximum are exact),
     * so {@code -Infinity} gives 0 and {@code +Infinity} gives 1.
     *
     * @param x the point; any value but NaN
     * @return the fraction in {@code [0, 1]}, NaN when the column has no finite value
     * @throws IllegalArgumentException if {@code x} is NaN; the message names {@code x}
     */
    public double cumulativeFraction(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("x must not be NaN but was " + x);
        }
        if (finite == 0) {
            return Double.NaN;
        }
        if (x < min) {
            return 0.0;
        }
        if (x >= max) {
            return 1.0;
        }
        if (sortedValues != null) {
            return (double) SortedArrays.upperBound(sortedValues, x) / sortedValues.length;
        }
        return Objects.requireNonNull(sketchView).getRank(x, QuantileSearchCriteria.INCLUSIVE);
    }

    /**
     * Returns the finite values themselves, while the profile keeps them (at most
     * {@link ProfileOptions#exactQuantileLimit()} of them, {@link #quantileMethod()}
     * {@link Method#EXACT}), for tests that need the whole sample such as Kolmogorov–Smirnov.
     *
     * @return a fresh copy of the finite values in ascending order ({@code -0.0} and {@code 0.0}
     *     as {@link java.util.Arrays#sort(double[])} orders them); empty when the profile holds a KLL
     *     sketch instead; an empty array when it keeps values but has none
     */
    public Optional<double[]> exactValues() {
        return sortedValues == null ? Optional.empty() : Optional.of(sortedValues.clone());
    }

    /**
     * Returns the number of distinct finite values ({@code -0.0} and {@code 0.0} count as one;
     * NaN and infinities are not counted): exact while there are at most
     * {@link ProfileOptions#exactDistinctLimit()}, else a HyperLogLog estimate (DataSketches
     * {@code HllSketch}, lgK {@value CategoricalProfile#HLL_LG_K}, relative standard error about
     * 1.6%); {@link #distinctMethod()} says which.
     *
     * @return the distinct count or its estimate
     */
    public long distinct() {
        return distinct;
    }

    /** @return a lower bound on the distinct count: the count itself when exact, else HLL's ≈95.4% bound */
    public long distinctLowerBound() {
        return distinctLower;
    }

    /** @return an upper bound on the distinct count: the count itself when exact, else HLL's ≈95.4% bound */
    public long distinctUpperBound() {
        return distinctUpper;
    }

    /** @return {@link Method#EXACT} when every distinct value is kept, {@link Method#SKETCH} for HyperLogLog */
    public Method distinctMethod() {
        return distinctValues != null ? Method.EXACT : Method.SKETCH;
    }

    /** @return {@link Method#EXACT} for kept values, {@link Method#SKETCH} for a KLL sketch */
    public Method quantileMethod() {
        return sortedValues != null ? Method.EXACT : Method.SKETCH;
    }

    /**
     * Returns the quantiles' normalized rank error: 0 when exact; for KLL, DataSketches' a-priori
     * error for its k at 99% confidence (the true rank of a returned quantile is within this
     * fraction of n of the requested rank).
     *
     * @return the rank error as a fraction of the number of values
     */
    public double rankError() {
        return rankError;
    }

    double sumHigh() {
        return sumHigh;
    }

    double sumLow() {
        return sumLow;
    }

    double rawMean() {
        return mean;
    }

    double m2() {
        return m2;
    }

    double rawMin() {
        return min;
    }

    double rawMax() {
        return max;
    }

    double @Nullable [] sortedValues() {
        return sortedValues == null ? null : sortedValues.clone();
    }

    byte @Nullable [] kll() {
        return kll == null ? null : kll.clone();
    }

    double @Nullable [] distinctValues() {
        return distinctValues == null ? null : distinctValues.clone();
    }

    byte @Nullable [] hll() {
        return hll == null ? null : hll.clone();
    }

    ProfileOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "NumericProfile[" + name + ", count=" + count + ", missing=" + missing + ", nan=" + nan + ", finite="
                + finite + ", mean=" + mean() + ", distinct=" + distinct + " (" + distinctMethod() + "), quantiles="
                + quantileMethod() + "]";
    }
}
