package dev.mlops.train.features;

import java.util.Objects;

/**
 * Two columns whose correlation is strong: one of them may carry little the other does not.
 *
 * @param first the column that comes first in the table
 * @param second the other column
 * @param correlation their correlation in [-1, 1]
 * @param rows how many rows both columns have a value in, which the correlation is computed over
 */
public record CorrelatedPair(String first, String second, double correlation, int rows) {

    /**
     * Checks the names.
     *
     * @param first the column that comes first in the table
     * @param second the other column
     * @param correlation their correlation in [-1, 1]
     * @param rows how many rows both columns have a value in
     */
    public CorrelatedPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
