package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepTest {

    private static List<DynamicTest> sweep(List<Integer> cases, Sweep.CaseRunner<Integer> runner, double share) {
        return Sweep.of(cases, c -> "case " + c, runner, share).toList();
    }

    private static void runAll(List<DynamicTest> tests) throws Throwable {
        for (DynamicTest test : tests) {
            test.getExecutable().execute();
        }
    }

    @Test
    void oneTestPerCaseThenTheCoverageTest() {
        List<DynamicTest> tests = sweep(List.of(1, 2, 3), c -> Sweep.Outcome.EXERCISED, 0.5);

        assertThat(tests).extracting(DynamicTest::getDisplayName)
                .containsExactly("case 1", "case 2", "case 3", "at least 2 of 3 cases exercised the guarantee");
    }

    @Test
    void passesWhenEnoughCasesWereExercised() throws Throwable {
        runAll(sweep(List.of(1, 2, 3, 4), c -> c <= 2 ? Sweep.Outcome.EXERCISED : Sweep.Outcome.REFUSED, 0.5));
    }

    @Test
    void failsWhenTooManyCasesWereRefused() throws Throwable {
        List<DynamicTest> tests = sweep(List.of(1, 2, 3, 4), c -> c == 1 ? Sweep.Outcome.EXERCISED
                : Sweep.Outcome.REFUSED, 0.5);
        for (DynamicTest test : tests.subList(0, 4)) {
            test.getExecutable().execute();
        }
        Executable coverage = tests.get(4).getExecutable();

        assertThatThrownBy(coverage::execute).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cases of the sweep that exercised the guarantee rather than being refused (of 4)")
                .hasMessageContaining("1");
    }

    @Test
    void aFailingCaseIsNamed() {
        List<DynamicTest> tests = sweep(List.of(7), c -> {
            throw new AssertionError("the sets overlap");
        }, 1.0);

        assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isInstanceOf(AssertionError.class)
                .hasMessage("case 7: the sets overlap");
    }

    @Test
    void aCaseMustSayWhatItDid() {
        List<DynamicTest> tests = sweep(List.of(7), c -> null, 1.0);

        assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isInstanceOf(NullPointerException.class)
                .hasMessage("outcome");
    }

    @Test
    void needsCases() {
        assertThatThrownBy(() -> sweep(List.of(), c -> Sweep.Outcome.EXERCISED, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a sweep needs at least one case");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 1.0000001, Double.NaN})
    void theShareMustBeInTheUnitInterval(double share) {
        assertThatThrownBy(() -> sweep(List.of(1), c -> Sweep.Outcome.EXERCISED, share))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minExercisedShare must be in (0, 1] but was " + share);
    }

    @Test
    void aShareOfOneNeedsEveryCase() throws Throwable {
        runAll(sweep(List.of(1, 2), c -> Sweep.Outcome.EXERCISED, 1.0));
        List<DynamicTest> tests = sweep(List.of(1, 2), c -> c == 1 ? Sweep.Outcome.EXERCISED
                : Sweep.Outcome.REFUSED, 1.0);
        tests.get(0).getExecutable().execute();
        tests.get(1).getExecutable().execute();

        assertThat(tests.get(2).getDisplayName()).isEqualTo("at least 2 of 2 cases exercised the guarantee");
        assertThatThrownBy(() -> tests.get(2).getExecutable().execute()).isInstanceOf(AssertionError.class);
    }
}
