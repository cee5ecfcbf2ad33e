package dev.mlops.data.split;

import java.util.Objects;

/**
 * Chooses the sets and their fractions for a table of a given size.
 *
 * <p>{@link #guide()} follows the usual guidance: 70/15/15 train/validation/test below
 * 1,000,000 rows and 90/5/5 from there, since a large data set needs a smaller share to measure
 * a model with the same precision. A fixed {@link SplitSets} is itself a policy that ignores the
 * size. Implementations must be deterministic and thread-safe.
 */
@FunctionalInterface
public interface SizePolicy {

    /**
     * Returns the sets for a table of {@code rowCount} rows.
     *
     * @param rowCount the number of rows to split, not negative
     * @return the sets and their fractions
     */
    SplitSets setsFor(int rowCount);

    /**
     * Returns the guide's policy: {@code train 0.7, validation 0.15, test 0.15} below 1,000,000
     * rows, {@code train 0.9, validation 0.05, test 0.05} from 1,000,000 rows on.
     *
     * @return the policy
     */
    static SizePolicy guide() {
        return byRowCount(1_000_000, SplitSets.trainValidationTest(0.7, 0.15, 0.15),
                SplitSets.trainValidationTest(0.9, 0.05, 0.05));
    }

    /**
     * Returns a policy that uses one set of fractions below a row count and another from it on.
     *
     * @param threshold the first row count that gets {@code large}; positive
     * @param small the sets below the threshold
     * @param large the sets from the threshold on
     * @return the policy
     * @throws IllegalArgumentException if the threshold is not positive
     */
    static SizePolicy byRowCount(int threshold, SplitSets small, SplitSets large) {
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold must be positive but was " + threshold);
        }
        Objects.requireNonNull(small, "small");
        Objects.requireNonNull(large, "large");
        return rowCount -> rowCount < threshold ? small : large;
    }
}
