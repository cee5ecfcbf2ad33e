package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChiSquareTestTest {
    private static final Map<String, Long> CURRENT = Map.of("a", 15L, "b", 25L, "c", 12L, "d", 3L);
    private static final Map<String, Long> REFERENCE = Map.of("a", 30L, "b", 20L, "c", 10L);

    /** The profile of a categorical column {@code c} holding each value as often as its count. */
    static CategoricalProfile profile(Map<String, Long> counts, ProfileOptions options) {
        List<String> values = new ArrayList<>();
        counts.forEach((value, count) -> {
            for (long i = 0; i < count; i++) {
                values.add(value);
            }
        });
        return (CategoricalProfile) DatasetProfile.of(Table.of(CategoricalColumn.of("c", values.toArray(String[]::new))), options)
                .column("c");
    }

    @Nested
    class FarTail {
        @Test
        void aFarTailKeepsItsDigits() {
            // /usr/bin/python3: from scipy import stats;
            //   stats.chi2_contingency([[900,50,50],[100,450,450]], correction=False)
            //   -> chi2 1280.0, p 1.1259823474166043e-278 (scipy 1.10.1); 1 - cdf gave 0.
            TwoSampleResult r = ChiSquareTest.test(new long[] {900, 50, 50}, new long[] {100, 450, 450});
            assertThat(r.statistic()).isCloseTo(1280.0, within(1e-9));
            assertThat(r.pValue().getAsDouble()).isCloseTo(1.1259823474166043e-278, withinPercentage(1e-4));
        }

        @Test
        void zeroOnlyWhereScipySaysZero() {
            // /usr/bin/python3: stats.chi2_contingency([[9000,50,50],[100,4500,4500]], correction=False)[1]
            //   -> 0.0 (scipy 1.10.1)
            assertThat(ChiSquareTest.test(new long[] {9000, 50, 50}, new long[] {100, 4500, 4500}).pValue()
                    .getAsDouble()).isZero();
        }
    }

    @Nested
    class AgainstScipy {
        @Test
        void aNewCategoryCountsAsZeroInTheReference() {
            // /usr/bin/python3: from scipy import stats;
            //   c = stats.chi2_contingency([[15,25,12,3],[30,20,10,0]], correction=False); c[0], c[1], c[2]
            // 8.53611876339149 0.03613862458877324 3      (scipy 1.10.1)
            TwoSampleResult r = ChiSquareTest.test(CURRENT, REFERENCE);
            assertThat(r.test()).isEqualTo("chi-square");
            assertThat(r.statistic()).isCloseTo(8.53611876339149, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.03613862458877324, within(1e-12));
            assertThat(r.method()).isEqualTo(TestMethod.ASYMPTOTIC);
            assertThat(r.bins()).isEqualTo(4);
            assertThat(r.currentSize()).isEqualTo(55);
            assertThat(r.referenceSize()).isEqualTo(60);
            assertThat(r.referenceError()).isZero();
        }

        @Test
        void swappingTheRowsChangesNothingButTheSizes() {
            // scipy 1.10.1: stats.chi2_contingency([[30,20,10,0],[15,25,12,3]], correction=False)
            // -> 8.53611876339149 0.03613862458877324 3
            TwoSampleResult r = ChiSquareTest.test(REFERENCE, CURRENT);
            assertThat(r.statistic()).isCloseTo(8.53611876339149, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(0.03613862458877324, within(1e-12));
            assertThat(r.currentSize()).isEqualTo(60);
        }

        @Test
        void alignedArrays() {
            // scipy 1.10.1: stats.chi2_contingency([[5,40,15],[30,20,10]], correction=False)
            // -> 25.523809523809522 2.86797382480734e-06 2
            TwoSampleResult r = ChiSquareTest.test(new long[] {5, 40, 15}, new long[] {30, 20, 10});
            assertThat(r.statistic()).isCloseTo(25.523809523809522, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(2.86797382480734e-06, within(1e-15));
            assertThat(r.bins()).isEqualTo(3);
        }

        @Test
        void twoCategories() {
            // scipy 1.10.1: stats.chi2_contingency([[130,70],[40,60]], correction=False)
            // -> 16.968325791855204 3.800865059351149e-05 1
            TwoSampleResult r = ChiSquareTest.test(Map.of("true", 130L, "false", 70L),
                    Map.of("true", 40L, "false", 60L));
            assertThat(r.statistic()).isCloseTo(16.968325791855204, within(1e-12));
            assertThat(r.pValue().getAsDouble()).isCloseTo(3.800865059351149e-05, within(1e-15));
            assertThat(r.bins()).isEqualTo(2);
        }
    }

    @Nested
    class Categories {
        @Test
        void aCategoryCountedZeroOnBothSidesIsLeftOut() {
            TwoSampleResult r = ChiSquareTest.test(new long[] {15, 25, 0, 12, 3}, new long[] {30, 20, 0, 10, 0});
            assertThat(r.bins()).isEqualTo(4);
            assertThat(r.statistic()).isCloseTo(8.53611876339149, within(1e-12));
            assertThat(ChiSquareTest.test(Map.of("a", 15L, "b", 25L, "c", 12L, "d", 3L, "z", 0L), REFERENCE))
                    .isEqualTo(ChiSquareTest.test(CURRENT, REFERENCE));
        }

        @Test
        void oneCategoryOnBothSidesIsNoDifference() {
            TwoSampleResult r = ChiSquareTest.test(Map.of("a", 5L, "b", 0L), Map.of("a", 7L));
            assertThat(r.statistic()).isZero();
            assertThat(r.pValue().getAsDouble()).isEqualTo(1.0);
            assertThat(r.method()).isEqualTo(TestMethod.EXACT);
            assertThat(r.bins()).isEqualTo(1);
            assertThat(r.currentSize()).isEqualTo(5);
            assertThat(r.referenceSize()).isEqualTo(7);
        }

        @Test
        void aProfileWithExactCountsGivesTheMapsResult() {
            assertThat(ChiSquareTest.test(CURRENT, profile(REFERENCE, ProfileOptions.defaults())))
                    .isEqualTo(ChiSquareTest.test(CURRENT, REFERENCE));
        }
    }

    @Nested
    class BadInput {
        @Test
        void aSketchOnlyReferenceIsRefused() {
            CategoricalProfile sketched = profile(REFERENCE, ProfileOptions.defaults().withExactDistinctLimit(2));
            assertThat(sketched.exactCounts()).isEmpty();
            assertThatThrownBy(() -> ChiSquareTest.test(CURRENT, sketched))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("reference profile 'c' keeps sketches, not exact counts")
                    .hasMessageContaining("needs exact counts");
        }

        @Test
        void mismatchedCategories() {
            assertThatThrownBy(() -> ChiSquareTest.test(new long[] {1, 2, 3}, new long[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current and reference must count the same categories but current has 3 and reference 2");
        }

        @Test
        void negativeCounts() {
            assertThatThrownBy(() -> ChiSquareTest.test(new long[] {1, 2}, new long[] {1, -1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("reference[1] must not be negative but was -1");
            assertThatThrownBy(() -> ChiSquareTest.test(new long[] {-3, 2}, new long[] {1, 1}))
                    .hasMessage("current[0] must not be negative but was -3");
            assertThatThrownBy(() -> ChiSquareTest.test(Map.of("a", 1L, "b", -2L), REFERENCE))
                    .hasMessage("current count of 'b' must not be negative but was -2");
            assertThatThrownBy(() -> ChiSquareTest.test(CURRENT, Map.of("a", -1L)))
                    .hasMessage("reference count of 'a' must not be negative but was -1");
        }

        @Test
        void nothingCounted() {
            assertThatThrownBy(() -> ChiSquareTest.test(new long[] {0, 0}, new long[] {1, 1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("current must hold at least 1 value but its counts sum to 0");
            assertThatThrownBy(() -> ChiSquareTest.test(CURRENT, Map.of()))
                    .hasMessage("reference must hold at least 1 value but its counts sum to 0");
            assertThatThrownBy(() -> ChiSquareTest.test(Map.of(), REFERENCE))
                    .hasMessage("current must hold at least 1 value but its counts sum to 0");
        }
    }

    static Stream<Arguments> sizes() {
        return Sweeps.sizes(8);
    }

    @Nested
    class Properties {
        @ParameterizedTest(name = "seed {0}, {1} and {2} categories")
        @MethodSource("dev.mlops.data.stat.ChiSquareTestTest#sizes")
        void symmetricNonNegativeAndAProbability(long seed, int k, int unused) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] a = new long[k];
            long[] b = new long[k];
            for (int i = 0; i < k; i++) {
                a[i] = 1 + random.nextInt(50);
                b[i] = 1 + random.nextInt(50);
            }
            TwoSampleResult ab = ChiSquareTest.test(a, b);
            TwoSampleResult ba = ChiSquareTest.test(b, a);
            assertThat(ab.statistic()).as("seed %s, k %s", seed, k).isGreaterThanOrEqualTo(0.0)
                    .isCloseTo(ba.statistic(), within(1e-9));
            assertThat(ab.pValue().getAsDouble()).isBetween(0.0, 1.0);
            assertThat(ab.bins()).isEqualTo(k);
            TwoSampleResult same = ChiSquareTest.test(a, a.clone());
            assertThat(same.statistic()).isZero();
            assertThat(same.pValue().getAsDouble()).isEqualTo(1.0);
        }
    }
}
