package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.Checks;
import dev.mlops.data.check.FailingRow;
import dev.mlops.data.check.RangeCheck;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowRule;
import dev.mlops.data.check.Threshold;
import dev.mlops.data.check.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract catches broken checks: each case wraps the range check of {@code age} and breaks
 * one rule, and the contract's test of that rule must fail saying what broke.
 */
class CheckContractSelfTest {
    private static final RangeCheck RANGE = Checks.range("age", 18, 100);

    /** The range check with its result passed through a change that may look at the table. */
    private static Check broken(BiFunction<Table, CheckResult, CheckResult> change) {
        return new Check() {
            @Override
            public String type() {
                return RANGE.type();
            }

            @Override
            public String name() {
                return RANGE.name();
            }

            @Override
            public List<String> columns() {
                return RANGE.columns();
            }

            @Override
            public Severity severity() {
                return RANGE.severity();
            }

            @Override
            public Record settings() {
                return RANGE.settings();
            }

            @Override
            public CheckResult run(Table table, CheckContext context) {
                return change.apply(table, RANGE.run(table, context));
            }
        };
    }

    private static CheckContract contract(Check check) {
        return new CheckContract() {
            @Override
            protected Check check() {
                return check;
            }

            @Override
            protected Table passingTable() {
                return PeopleTables.passing();
            }

            @Override
            protected Table failingTable() {
                return PeopleTables.failing();
            }
        };
    }

    private static CheckResult withVerdict(CheckResult result, Verdict verdict, String message) {
        return new CheckResult(result.check(), result.type(), result.columns(), result.severity(), verdict, message,
                result.measured(), result.threshold(), result.statistic(), result.failingRows(), result.sample(), result.spec());
    }

    @Nested
    class TheRangeCheckItself {
        @Test
        void honoursEveryRule() {
            CheckContract contract = contract(broken((table, result) -> result));
            assertThatCode(() -> {
                contract.passesAndFailsOnTheFixtures();
                contract.new Empty().emptyInputIsRefusedClearlyOrGivesAValidResult();
                contract.missingColumnsFail();
                contract.otherColumnTypesDoNotThrow();
                contract.aViewChecksLikeItsTable();
                contract.new Determinism().oneInstanceGivesEqualResults();
                contract.failingRowsAreSampledInRowOrder();
                contract.new ThreadSafety().oneInstanceFromEightThreadsAtOnce();
            }).doesNotThrowAnyException();
        }
    }

    @Nested
    class ABrokenCheckFails {
        @Test
        void whenItPassesOnAnEmptyTable() {
            Check check = broken((table, result) -> table.rowCount() == 0
                    ? withVerdict(result, Verdict.PASSED, "nothing wrong") : result);
            assertThatThrownBy(() -> contract(check).new Empty().emptyInputIsRefusedClearlyOrGivesAValidResult())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("verdict of a check of values on an empty table: nothing wrong");
        }

        @Test
        void whenItThrowsForAMissingColumn() {
            Check check = broken((table, result) -> {
                table.column("age");
                return result;
            });
            assertThatThrownBy(() -> contract(check).missingColumnsFail())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("must not throw")
                    .hasMessageContaining("age");
        }

        @Test
        void whenAMissingColumnPasses() {
            Check check = broken((table, result) -> table.schema().contains("age") ? result
                    : withVerdict(result, Verdict.PASSED, "fine"));
            assertThatThrownBy(() -> contract(check).missingColumnsFail())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("verdict without the columns [age]");
        }

        @Test
        void whenItsResultNamesAnotherCheck() {
            Check check = broken((table, result) -> new CheckResult("range(other)", result.type(), result.columns(),
                    result.severity(), result.verdict(), result.message(), result.measured(), result.threshold(),
                    result.statistic(), result.failingRows(), result.sample(), result.spec()));
            assertThatThrownBy(() -> contract(check).passesAndFailsOnTheFixtures())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("the check's name in its result");
        }

        @Test
        void whenItsResultCarriesAnotherSeverity() {
            Check check = broken((table, result) -> new CheckResult(result.check(), result.type(), result.columns(),
                    Severity.INFO, result.verdict(), result.message(), result.measured(), result.threshold(),
                    result.statistic(), result.failingRows(), result.sample(), result.spec()));
            assertThatThrownBy(() -> contract(check).passesAndFailsOnTheFixtures())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("severity");
        }

        @Test
        void whenItsVerdictDisagreesWithItsThreshold() {
            Check check = broken((table, result) -> result.passed() ? new CheckResult(result.check(), result.type(),
                    result.columns(), result.severity(), result.verdict(), result.message(), result.measured(),
                    Threshold.atMost(-1), result.statistic(), result.failingRows(), result.sample(), result.spec()) : result);
            assertThatThrownBy(() -> contract(check).passesAndFailsOnTheFixtures())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("lies in the threshold <= -1");
        }

        @Test
        void whenItFailsOnThePassingTable() {
            Check check = broken((table, result) -> withVerdict(result, Verdict.FAILED, "failed anyway"));
            assertThatThrownBy(() -> contract(check).passesAndFailsOnTheFixtures())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("verdict on passingTable(): failed anyway");
        }

        @Test
        void whenTheSameInputGivesAnotherResult() {
            AtomicInteger runs = new AtomicInteger();
            Check check = broken((table, result) -> withVerdict(result, result.verdict(),
                    result.message() + " (run " + runs.incrementAndGet() + ")"));
            assertThatThrownBy(() -> contract(check).new Determinism().oneInstanceGivesEqualResults())
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("two runs of one instance on the same input differ: result 0 differs: the message"
                            + " differs: range(age): 6 of 6 rows pass (100.00%), 0 fail; needs a share >= 1 (run 1) vs"
                            + " range(age): 6 of 6 rows pass (100.00%), 0 fail; needs a share >= 1 (run 3)");
        }

        @Test
        void whenItSharesAMutableBufferBetweenThreads() {
            int[] counted = new int[1];
            Check check = broken((table, result) -> {
                counted[0] = 0;
                for (int i = 0; i < result.message().length(); i++) {
                    counted[0]++;
                    LockSupport.parkNanos(20_000);
                }
                return withVerdict(result, result.verdict(), result.message() + " (" + counted[0] + " characters)");
            });
            assertThatThrownBy(() -> contract(check).new ThreadSafety().oneInstanceFromEightThreadsAtOnce())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageMatching("(?s)one instance used from 8 threads at once gave another result than on one"
                            + " thread: thread \\d, run \\d: result [01] differs: the message differs: .*");
        }

        @Test
        void whenItsResultCarriesAnotherSpec() {
            Check check = broken((table, result) -> new CheckResult(result.check(), result.type(), result.columns(),
                    result.severity(), result.verdict(), result.message(), result.measured(), result.threshold(),
                    result.statistic(), result.failingRows(), result.sample(), Checks.range("age", 0, 1).spec()));
            assertThatThrownBy(() -> contract(check).passesAndFailsOnTheFixtures())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("the check's spec in its result");
        }

        @Test
        void whenTheCheckRebuiltFromItsSpecIsNotEqualToIt() {
            Check check = broken((table, result) -> result);
            assertThatThrownBy(() -> contract(check).new Settings().itsSpecStringRebuildsAnEqualComponent())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the component rebuilt from the spec string range(");
        }

        @Test
        void whenItThrowsOnAnEmptyTable() {
            Check check = broken((table, result) -> {
                if (table.rowCount() == 0) {
                    throw new ArithmeticException("/ by zero");
                }
                return result;
            });
            assertThatThrownBy(() -> contract(check).new Empty().emptyInputIsRefusedClearlyOrGivesAValidResult())
                    .isInstanceOf(AssertionError.class).hasMessage("empty input must give a result, not an exception,"
                            + " but failed with java.lang.ArithmeticException: / by zero");
        }

        @Test
        void whenItSamplesOutOfRowOrder() {
            Check check = broken((table, result) -> {
                List<FailingRow> reversed = new ArrayList<>(result.sample());
                Collections.reverse(reversed);
                return new CheckResult(result.check(), result.type(), result.columns(), result.severity(),
                        result.verdict(), result.message(), result.measured(), result.threshold(), result.statistic(),
                        result.failingRows(), reversed, result.spec());
            });
            assertThatThrownBy(() -> contract(check).failingRowsAreSampledInRowOrder())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("sampled row");
        }

        @Test
        void whenARowCheckMiscountsItsRows() {
            RowCheck miscounting = new RowCheck() {
                @Override
                public String type() {
                    return RANGE.type();
                }

                @Override
                public String name() {
                    return RANGE.name();
                }

                @Override
                public List<String> columns() {
                    return RANGE.columns();
                }

                @Override
                public Severity severity() {
                    return RANGE.severity();
                }

                @Override
                public Record settings() {
                    return RANGE.settings();
                }

                @Override
                public double mostly() {
                    return RANGE.mostly();
                }

                @Override
                public RowRule bind(Table table) {
                    return RANGE.bind(table);
                }

                @Override
                public CheckResult run(Table table, CheckContext context) {
                    CheckResult result = RowCheck.super.run(table, context);
                    return new CheckResult(result.check(), result.type(), result.columns(), result.severity(),
                            result.verdict(), result.message(), result.measured(), result.threshold(),
                            result.statistic(), result.failingRows() + 1, result.sample(), result.spec());
                }
            };
            assertThatThrownBy(() -> contract(miscounting).rowCheckAgreesWithItsRule())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("failing rows, as the rule says");
        }
    }
}
