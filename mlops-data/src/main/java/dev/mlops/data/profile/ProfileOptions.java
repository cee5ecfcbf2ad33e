package dev.mlops.data.profile;

import java.util.List;
import java.util.Objects;

/**
 * Settings of a profile. Two profiles merge only when their options are equal.
 *
 * @param exactQuantileLimit up to this many finite values a numeric column keeps its values and
 *     reports exact quantiles; above it, a KLL sketch (default 100,000)
 * @param exactDistinctLimit up to this many distinct values a categorical, text or boolean column
 *     counts every value exactly; above it, HyperLogLog and frequent-items sketches (default 10,000)
 * @param topK how many most frequent values a categorical profile lists (default 10)
 * @param kllK the KLL sketch's accuracy parameter k, 8 to 65,535 (default 200: a normalized
 *     rank error of about 1.33%)
 * @param probabilities the quantiles' probabilities, each in {@code [0, 1]}, ascending
 * @param frequentItemsMapSize the frequent-items sketch's maximum map size, a power of 2 from 8 to
 *     2^26 (default 1,024): a larger map has a smaller maximum error, so more values qualify as
 *     frequent
 */
public record ProfileOptions(int exactQuantileLimit, int exactDistinctLimit, int topK, int kllK,
        List<Double> probabilities, int frequentItemsMapSize) {

    /** The default {@link #frequentItemsMapSize()}, also that of documents written before it was an option. */
    public static final int DEFAULT_FREQUENT_ITEMS_MAP_SIZE = 1024;
    private static final int MAX_FREQUENT_ITEMS_MAP_SIZE = 1 << 26;

    /** The default probabilities: 0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99 and 1. */
    public static final List<Double> DEFAULT_PROBABILITIES = List.of(0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0);

    /**
     * Validates the options.
     *
     * @param exactQuantileLimit up to this many finite values a numeric column keeps its values and
     *     reports exact quantiles; above it, a KLL sketch (default 100,000)
     * @param exactDistinctLimit up to this many distinct values a categorical, text or boolean column
     *     counts every value exactly; above it, HyperLogLog and frequent-items sketches (default 10,000)
     * @param topK how many most frequent values a categorical profile lists (default 10)
     * @param kllK the KLL sketch's accuracy parameter k, 8 to 65,535 (default 200: a normalized
     *     rank error of about 1.33%)
     * @param probabilities the quantiles' probabilities, each in {@code [0, 1]}, ascending
     * @param frequentItemsMapSize the frequent-items sketch's maximum map size, a power of 2 from 8 to
     *     2^26 (default 1,024): a larger map has a smaller maximum error, so more values qualify as
     *     frequent
     * @throws IllegalArgumentException naming the argument and its value when one is out of range
     */
    public ProfileOptions {
        if (exactQuantileLimit < 0) {
            throw new IllegalArgumentException("exactQuantileLimit must not be negative but was " + exactQuantileLimit);
        }
        if (exactDistinctLimit < 0) {
            throw new IllegalArgumentException("exactDistinctLimit must not be negative but was " + exactDistinctLimit);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must not be negative but was " + topK);
        }
        if (kllK < 8 || kllK > 65_535) {
            throw new IllegalArgumentException("kllK must be in [8, 65535] but was " + kllK);
        }
        if (frequentItemsMapSize < 8 || frequentItemsMapSize > MAX_FREQUENT_ITEMS_MAP_SIZE
                || Integer.bitCount(frequentItemsMapSize) != 1) {
            throw new IllegalArgumentException("frequentItemsMapSize must be a power of 2 in [8, "
                    + MAX_FREQUENT_ITEMS_MAP_SIZE + "] but was " + frequentItemsMapSize);
        }
        probabilities = List.copyOf(Objects.requireNonNull(probabilities, "probabilities"));
        double previous = Double.NEGATIVE_INFINITY;
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1) || p <= previous) {
                throw new IllegalArgumentException("probabilities must be ascending values in [0, 1] but were "
                        + probabilities);
            }
            previous = p;
        }
    }

    /** @return the default options */
    public static ProfileOptions defaults() {
        return new ProfileOptions(100_000, 10_000, 10, 200, DEFAULT_PROBABILITIES, DEFAULT_FREQUENT_ITEMS_MAP_SIZE);
    }

    /**
     * @param limit the new exact-quantile limit
     * @return these options with another exact-quantile limit
     */
    public ProfileOptions withExactQuantileLimit(int limit) {
        return new ProfileOptions(limit, exactDistinctLimit, topK, kllK, probabilities, frequentItemsMapSize);
    }

    /**
     * @param limit the new exact-distinct limit
     * @return these options with another exact-distinct limit
     */
    public ProfileOptions withExactDistinctLimit(int limit) {
        return new ProfileOptions(exactQuantileLimit, limit, topK, kllK, probabilities, frequentItemsMapSize);
    }

    /**
     * @param k how many most frequent values to list
     * @return these options with another top-k size
     */
    public ProfileOptions withTopK(int k) {
        return new ProfileOptions(exactQuantileLimit, exactDistinctLimit, k, kllK, probabilities, frequentItemsMapSize);
    }

    /**
     * @param k the KLL parameter
     * @return these options with another KLL k
     */
    public ProfileOptions withKllK(int k) {
        return new ProfileOptions(exactQuantileLimit, exactDistinctLimit, topK, k, probabilities, frequentItemsMapSize);
    }

    /**
     * @param ps ascending probabilities in [0, 1]
     * @return these options with other quantile probabilities
     */
    public ProfileOptions withProbabilities(List<Double> ps) {
        return new ProfileOptions(exactQuantileLimit, exactDistinctLimit, topK, kllK, ps, frequentItemsMapSize);
    }

    /**
     * @param size the frequent-items sketch's maximum map size, a power of 2 from 8 to 2^26
     * @return these options with another frequent-items map size
     */
    public ProfileOptions withFrequentItemsMapSize(int size) {
        return new ProfileOptions(exactQuantileLimit, exactDistinctLimit, topK, kllK, probabilities, size);
    }
}
