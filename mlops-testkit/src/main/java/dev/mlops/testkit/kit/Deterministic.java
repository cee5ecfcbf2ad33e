package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * A piece of a contract kit: the same input gives equal results, run twice on one instance and
 * once each on two instances made alike. A failure names the first difference.
 *
 * @param <S> the implementation under test
 * @param <R> what one run gives
 */
public interface Deterministic<S, R> extends Runs<S, R> {

    /** Two runs of one instance give equal results. */
    @Test
    default void oneInstanceGivesEqualResults() {
        S subject = subject();
        R first = run(subject);
        String difference = differenceOrNull(first, run(subject));
        if (difference != null) {
            fail("two runs of one instance on the same input differ: " + difference);
        }
    }

    /** Two instances made alike give equal results. */
    @Test
    default void twoInstancesMadeAlikeGiveEqualResults() {
        R first = run(subject());
        String difference = differenceOrNull(first, run(subject()));
        if (difference != null) {
            fail("two instances made alike differ on the same input: " + difference);
        }
    }
}
