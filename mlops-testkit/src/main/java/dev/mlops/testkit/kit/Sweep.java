package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A seeded sweep as JUnit 5 dynamic tests (return it from a {@code @TestFactory}): one test per
 * case, then one that checks that at least a given share of the cases exercised the guarantee
 * rather than being refused, so that a refusal branch cannot make a sweep pass without testing
 * anything. Cases run in order, on the calling thread.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> sweep() {
 *     return Sweep.of(cases(), c -> "seed " + c.seed() + ", " + c.rows() + " rows", c -> {
 *         try {
 *             checkSplit(splitter(c.seed()).split(table(c.seed(), c.rows())));
 *             return Sweep.Outcome.EXERCISED;
 *         } catch (SplitException refused) {
 *             return Sweep.Outcome.REFUSED;
 *         }
 *     }, 0.5);
 * }
 * }</pre>
 */
public final class Sweep {

    /** What one case did. */
    public enum Outcome {
        /** The guarantee was checked on the case's result. */
        EXERCISED,
        /** The implementation refused the case, as the contract allows. */
        REFUSED
    }

    /**
     * Runs one case.
     *
     * @param <T> the case's type
     */
    @FunctionalInterface
    public interface CaseRunner<T> {
        /**
         * @param testCase the case
         * @return whether it exercised the guarantee or was refused
         * @throws Throwable an assertion error when the guarantee does not hold
         */
        Outcome run(T testCase) throws Throwable;
    }

    private Sweep() {
        throw new AssertionError("no instances");
    }

    /**
     * Builds the sweep's dynamic tests.
     *
     * @param <T> the cases' type
     * @param cases the cases, drawn from one fixed master seed
     * @param name names a case in reports and failure messages (its seed and size)
     * @param runner runs a case
     * @param minExercisedShare the least share of cases that must exercise the guarantee, in (0, 1]
     * @return one test per case, then the coverage test
     * @throws IllegalArgumentException if there are no cases or the share is outside (0, 1]
     */
    public static <T> Stream<DynamicTest> of(List<T> cases, Function<T, String> name, CaseRunner<T> runner,
            double minExercisedShare) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runner, "runner");
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one case");
        }
        if (!(minExercisedShare > 0 && minExercisedShare <= 1)) {
            throw new IllegalArgumentException("minExercisedShare must be in (0, 1] but was " + minExercisedShare);
        }
        AtomicInteger exercised = new AtomicInteger();
        List<DynamicTest> tests = new ArrayList<>(cases.size() + 1);
        for (T testCase : cases) {
            String caseName = name.apply(testCase);
            tests.add(DynamicTest.dynamicTest(caseName, () -> {
                Outcome outcome;
                try {
                    outcome = Objects.requireNonNull(runner.run(testCase), "outcome");
                } catch (AssertionError e) {
                    throw new AssertionError(caseName + ": " + e.getMessage(), e);
                }
                if (outcome == Outcome.EXERCISED) {
                    exercised.incrementAndGet();
                }
            }));
        }
        int needed = (int) Math.ceil(minExercisedShare * cases.size());
        tests.add(DynamicTest.dynamicTest("at least " + needed + " of " + cases.size() + " cases exercised the guarantee",
                () -> assertThat(exercised.get())
                        .as("cases of the sweep that exercised the guarantee rather than being refused (of %d)",
                                cases.size())
                        .isGreaterThanOrEqualTo(needed)));
        return tests.stream();
    }
}
