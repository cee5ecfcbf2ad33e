package dev.mlops.testkit.kit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hooks the kit's pieces share: how to make the implementation under test and how to run it
 * once on the contract's fixed input.
 *
 * @param <S> the implementation under test, such as a {@code Splitter}
 * @param <R> what one run gives, such as a {@code Split}
 */
public interface Runs<S, R> {

    /** @return a new instance of the implementation under test, made the same way each time */
    S subject();

    /**
     * Runs the implementation once on the contract's fixed input.
     *
     * @param subject the implementation
     * @return the result
     */
    R run(S subject);

    /**
     * Describes how two results differ, for a failure message: the first differing row or item
     * rather than two opaque {@code toString}s. The default names both results.
     *
     * @param expected the first result
     * @param actual a result that is not equal to it
     * @return the first difference, in words
     */
    default String firstDifference(R expected, R actual) {
        return "expected " + expected + " but got " + actual;
    }

    /**
     * @param expected the first result
     * @param actual another result
     * @return null if they are equal, else the first difference
     */
    default @Nullable String differenceOrNull(R expected, R actual) {
        return Objects.equals(expected, actual) ? null : firstDifference(expected, actual);
    }
}
