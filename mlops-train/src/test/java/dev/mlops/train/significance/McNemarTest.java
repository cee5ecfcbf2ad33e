package dev.mlops.train.significance;

import static dev.mlops.train.metrics.PredictionTables.oneHot;
import static dev.mlops.train.metrics.PredictionTables.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * McNemar's exact and mid-p tests against statsmodels 0.13.5 and scipy 1.10.1 (Debian 12): each
 * row below was printed by {@code /usr/bin/python3 oracle.py} in this package's test resources,
 * {@code statsmodels.stats.contingency_tables.mcnemar([[10, b], [c, 10]], exact=True)} for the
 * statistic and p-value, and {@code min(1, 2 * binom.cdf(k - 1, n, 0.5) + binom.pmf(k, n, 0.5))}
 * ({@code k = min(b, c)}, {@code n = b + c}) for the mid-p value.
 */
class McNemarTest {

    static Stream<Arguments> recorded() {
        return Stream.of(
                // b, c, statistic, pvalue of mcnemar([[10, b], [c, 10]], exact=True), mid-p from scipy.stats.binom
                Arguments.of(0, 0, 0.0, 1.0, 1.0),
                Arguments.of(5, 5, 5.0, 1.0, 1.0),
                Arguments.of(0, 7, 0.0, 0.015625, 0.0078125),
                Arguments.of(7, 0, 0.0, 0.015625, 0.0078125),
                Arguments.of(3, 12, 3.0, 0.03515625, 0.02127075195312499),
                Arguments.of(12, 3, 3.0, 0.03515625, 0.02127075195312499),
                Arguments.of(1, 2, 1.0, 1.0, 0.6250000000000001),
                Arguments.of(40, 62, 40.0, 0.03706676743856045, 0.02968221463162684),
                Arguments.of(100, 400, 100.0, 1.65962947521744e-43, 1.0359048787658074e-43),
                Arguments.of(0, 1000, 0.0, 1.8665272370064378e-301, 9.332636185032189e-302),
                Arguments.of(30, 1000, 30.0, 1.0705318561775103e-252, 5.512909028133365e-253),
                Arguments.of(1000, 1100, 1000.0, 0.030720707864242486, 0.029110633685908677),
                Arguments.of(500000, 501500, 500000.0, 0.13416516668411424, 0.1339058889258433));
    }

    @Nested
    class AgainstStatsmodels {
        @ParameterizedTest(name = "b={0} c={1}")
        @MethodSource("dev.mlops.train.significance.McNemarTest#recorded")
        void exactAndMidP(int b, int c, double statistic, double p, double midP) {
            McNemarResult r = McNemar.test(b, c);
            assertThat(r.b()).isEqualTo(b);
            assertThat(r.c()).isEqualTo(c);
            assertThat(r.statistic()).isEqualTo(statistic);
            assertThat(r.method()).isEqualTo("mcnemar-exact");
            assertClose(r.pValue(), p);
            assertClose(r.midPValue(), midP);
            assertThat(r.midPValue()).isLessThanOrEqualTo(r.pValue());
        }

        private static void assertClose(double actual, double expected) {
            if (expected == 0.0 || expected == 1.0) {
                assertThat(actual).isCloseTo(expected, within(1e-12));
            } else {
                assertThat(actual).isCloseTo(expected, Percentage.withPercentage(1e-7));
            }
        }

        @Test
        void theTestIsSymmetricInTheTwoModels() {
            McNemarResult one = McNemar.test(13, 29);
            McNemarResult two = McNemar.test(29, 13);
            assertThat(one.pValue()).isEqualTo(two.pValue());
            assertThat(one.midPValue()).isEqualTo(two.midPValue());
        }
    }

    @Nested
    class FromPredictions {
        private final List<String> classes = List.of("a", "b", "c");
        // row:          0    1    2    3    4    5    6    7    8    9
        private final Column truth = truth("a", "b", "c", "a", "b", "c", "a", "b", "c", "a");
        private final Table first = oneHot(classes, "a", "b", "c", "a", "b", "a", "b", "b", "a", "c");
        private final Table second = oneHot(classes, "a", "a", "c", "b", "a", "c", "b", "b", "b", "a");
        // first right, second wrong: rows 1, 3, 4 (b = 3); first wrong, second right: rows 5, 9 (c = 2)

        @Test
        void countsTheDiscordantRows() {
            McNemarResult r = McNemar.test(truth, first, second);
            assertThat(r.b()).isEqualTo(3);
            assertThat(r.c()).isEqualTo(2);
            assertThat(r.pValue()).isEqualTo(McNemar.test(3, 2).pValue());
        }

        @Test
        void swappingTheModelsSwapsTheCounts() {
            McNemarResult r = McNemar.test(truth, second, first);
            assertThat(r.b()).isEqualTo(2);
            assertThat(r.c()).isEqualTo(3);
        }

        @Test
        void aModelAgainstItselfHasNoDiscordantRows() {
            McNemarResult r = McNemar.test(truth, first, first);
            assertThat(r.b()).isZero();
            assertThat(r.c()).isZero();
            assertThat(r.pValue()).isEqualTo(1.0);
            assertThat(r.midPValue()).isEqualTo(1.0);
        }

        @Test
        void theErrorSaysWhichModel() {
            Table short1 = oneHot(classes, "a", "b");
            assertThatThrownBy(() -> McNemar.test(truth, first, short1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mcnemar-exact (second model): the truth column 'class' has 10 rows, but the predictions have 2");
            Table odd = oneHot(List.of("a", "b"), "a", "b", "a", "a", "b", "a", "b", "b", "a", "a");
            assertThatThrownBy(() -> McNemar.test(truth, odd, second))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("mcnemar-exact (first model): column 'class'"
                            + " holds class 'c' at row 2, which is not one of the outputs' classes [a, b]");
        }
    }

    @Nested
    class Verdict {
        @Test
        void theFirstModelIsBetterWhenItAloneIsRightMoreOften() {
            Significance s = McNemar.test(30, 5).verdict();
            assertThat(s.significant()).isTrue();
            assertThat(s.better()).isEqualTo(Significance.Better.FIRST);
            assertThat(s.level()).isEqualTo(0.05);
            assertThat(s.test()).isEqualTo("mcnemar-exact");
            assertThat(s.pValue()).hasValue(McNemar.test(30, 5).pValue());
            assertThat(s.mark()).isEqualTo("*");
        }

        @Test
        void theSecondModelIsBetterWhenCIsLarger() {
            Significance s = McNemar.test(4, 6).verdict(0.2);
            assertThat(s.significant()).isFalse();
            assertThat(s.better()).isEqualTo(Significance.Better.SECOND);
            assertThat(s.level()).isEqualTo(0.2);
            assertThat(s.mark()).isEqualTo("n.s.");
        }

        @Test
        void equalCountsFavourNeither() {
            assertThat(McNemar.test(7, 7).verdict().better()).isEqualTo(Significance.Better.NEITHER);
        }
    }

    @Nested
    class BadInput {
        @Test
        void negativeCounts() {
            assertThatThrownBy(() -> McNemar.test(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("b must not be negative but was -1");
            assertThatThrownBy(() -> McNemar.test(3, -2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("c must not be negative but was -2");
        }

        @Test
        void countsWhoseSumIsPastAnInt() {
            assertThatThrownBy(() -> McNemar.test(Integer.MAX_VALUE, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("b + c must be at most 2147483647 but was 2147483648");
            assertThat(McNemar.test(Integer.MAX_VALUE, 0).pValue()).isZero();
        }

        @Test
        void aResultWithANegativeCount() {
            assertThatThrownBy(() -> new McNemarResult(-3, 2, 0, 0.5, 0.5, "m"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("b must not be negative but was -3");
        }

        @Test
        void resultsWithPValuesOutsideTheUnitInterval() {
            assertThatThrownBy(() -> new McNemarResult(1, 2, 1, 1.5, 0.5, "m"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue must be in [0, 1] but was 1.5");
            assertThatThrownBy(() -> new McNemarResult(1, 2, 1, 0.5, -0.1, "m"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("midPValue must be in [0, 1] but was -0.1");
            assertThatThrownBy(() -> new McNemarResult(1, 2, 1, Double.NaN, 0.5, "m"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new McNemarResult(1, 2, 1, 0.5, Double.NaN, "m"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
