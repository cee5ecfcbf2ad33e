package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A piece of a contract kit: an empty input (a table without rows, no annotations) is either
 * refused with the exception the contract documents, whose message says why, or gives a result
 * that the contract's own check accepts (a contract without a {@link #refusal()} demands a result); never another exception (an index out of bounds, a
 * division by zero, a null pointer).
 *
 * @param <S> the implementation under test
 * @param <R> what a run gives
 */
public interface EmptyInput<S, R> {

    /** @return a new instance of the implementation under test */
    S subject();

    /**
     * Runs the implementation on the contract's empty input.
     *
     * @param subject the implementation
     * @return the result, if the implementation does not refuse
     */
    R runOnEmptyInput(S subject);

    /**
     * @return the exception the contract allows as a refusal of empty input, or null if the
     *     contract demands a result (a check, say, reports "no data" rather than throwing)
     */
    @Nullable Class<? extends RuntimeException> refusal();

    /**
     * Asserts what the contract demands of a result on empty input (for example: no data, not a pass).
     *
     * @param result the result
     */
    void checkEmptyResult(R result);

    /** Empty input is refused with the documented exception, or gives a valid result. */
    @Test
    default void emptyInputIsRefusedClearlyOrGivesAValidResult() {
        R result;
        try {
            result = runOnEmptyInput(subject());
        } catch (RuntimeException e) {
            Class<? extends RuntimeException> refusal = refusal();
            if (refusal == null) {
                throw new AssertionError("empty input must give a result, not an exception, but failed with " + e, e);
            }
            if (!refusal.isInstance(e)) {
                throw new AssertionError("empty input must be refused with a " + refusal.getSimpleName()
                        + " or give a valid result, but failed with " + e, e);
            }
            assertThat(e.getMessage()).as("the message of the refusal of empty input").isNotBlank();
            return;
        }
        checkEmptyResult(result);
    }
}
