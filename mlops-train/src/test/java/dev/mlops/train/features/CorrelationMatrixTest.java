package dev.mlops.train.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {

    private static final double NAN = Double.NaN;

    /**
     * The oracle's table: c has a missing value (row 2) and a NaN (row 7), d has ties, k is
     * constant, and the categorical column is left out.
     */
    static Table table() {
        NumericColumn c = NumericColumn.builder("c").add(5).add(3).addMissing().add(8).add(1).add(9).add(2).add(NAN)
                .add(4).add(7).build();
        return Table.builder()
                .numeric("a", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
                .categorical("city", "München", "São Paulo", "München", "Lyon", "Lyon", "Lyon", "München", "Lyon",
                        "Lyon", "Lyon")
                .numeric("b", 2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 19.9)
                .add(c)
                .numeric("d", 10, 9, 8, 8, 6, 5, 5, 3, 2, 1)
                .numeric("k", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)
                .build();
    }

    /*
     * The oracle, pandas 1.5.3 (Debian python3-pandas) on the same table without the categorical
     * column (missing cell and NaN both NaN there):
     *   df = pd.DataFrame({"a": [1..10], "b": [2.1, 3.9, ...], "c": [5, 3, nan, 8, 1, 9, 2, nan, 4, 7],
     *                      "d": [10, 9, 8, 8, 6, 5, 5, 3, 2, 1], "k": [3.0] * 10}, dtype=float)
     *   df.corr(method="pearson"), df.corr(method="spearman"), each value printed with repr
     */
    private static final double[][] PEARSON = {
        {1.0, 0.9996910032123586, 0.11682795731568285, -0.990441835610005, NAN},
        {0.9996910032123586, 1.0, 0.1201451458203406, -0.9926676463451318, NAN},
        {0.11682795731568285, 0.1201451458203406, 1.0, -0.11174279384773685, NAN},
        {-0.990441835610005, -0.9926676463451318, -0.11174279384773685, 1.0, NAN},
        {NAN, NAN, NAN, NAN, NAN}};
    private static final double[][] SPEARMAN = {
        {1.0, 1.0, 0.047619047619047616, -0.9939209163101398, NAN},
        {1.0, 1.0, 0.047619047619047616, -0.9939209163101398, NAN},
        {0.047619047619047616, 0.047619047619047616, 1.0, -0.1197626261913259, NAN},
        {-0.9939209163101398, -0.9939209163101398, -0.1197626261913259, 1.0, NAN},
        {NAN, NAN, NAN, NAN, NAN}};

    @Nested
    class AgainstPandas {
        @Test
        void pearsonMatchesPandas() {
            assertMatrix(CorrelationMatrix.pearson(table()), PEARSON);
        }

        @Test
        void spearmanMatchesPandas() {
            assertMatrix(CorrelationMatrix.spearman(table()), SPEARMAN);
        }

        private void assertMatrix(CorrelationMatrix matrix, double[][] expected) {
            assertThat(matrix.columns()).containsExactly("a", "b", "c", "d", "k");
            double[][] actual = matrix.toArray();
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected.length; j++) {
                    if (Double.isNaN(expected[i][j])) {
                        assertThat(actual[i][j]).as("[%d][%d]", i, j).isNaN();
                    } else {
                        assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-12));
                    }
                }
            }
        }
    }

    @Nested
    class MissingValuesAndConstants {
        @Test
        void pairsUseTheirCompleteRowsOnly() {
            CorrelationMatrix matrix = CorrelationMatrix.pearson(table());
            assertThat(matrix.rows("a", "b")).isEqualTo(10);
            assertThat(matrix.rows("a", "c")).isEqualTo(8);
            assertThat(matrix.rows("c", "a")).isEqualTo(8);
            assertThat(matrix.rows("c", "c")).isEqualTo(8);
            assertThat(matrix.missingValuePolicy()).isEqualTo(CorrelationMatrix.MISSING_VALUE_POLICY)
                    .startsWith("pairwise-complete");
            // the same as correlating the complete rows alone
            Table complete = table().rows(0, 1, 3, 4, 5, 6, 8, 9);
            assertThat(matrix.get("a", "c")).isCloseTo(CorrelationMatrix.pearson(complete).get("a", "c"),
                    within(1e-15));
        }

        @Test
        void infinitiesAreLeftOutLikeMissingValues() {
            Table table = Table.builder()
                    .numeric("x", 1, 2, 3, 4, Double.POSITIVE_INFINITY)
                    .numeric("y", 2, 1, 4, 3, 5)
                    .build();
            CorrelationMatrix matrix = CorrelationMatrix.pearson(table);
            assertThat(matrix.rows("x", "y")).isEqualTo(4);
            assertThat(matrix.get("x", "y")).isCloseTo(0.6, within(1e-12));
        }

        @Test
        void aConstantColumnGivesNaNAndIsReported() {
            CorrelationMatrix matrix = CorrelationMatrix.spearman(table());
            assertThat(matrix.constantColumns()).containsExactly("k");
            assertThat(matrix.get("k", "a")).isNaN();
            assertThat(matrix.get("a", "k")).isNaN();
            assertThat(matrix.get("k", "k")).isNaN();
            assertThat(matrix.get("a", "a")).isEqualTo(1.0);
            assertThat(matrix.get("c", "c")).isEqualTo(1.0);
        }

        @Test
        void aColumnConstantOnlyOverAPairsCompleteRowsGivesNaNForThatPair() {
            NumericColumn.Builder y = NumericColumn.builder("y").add(7).add(7).addMissing().add(1);
            Table table = Table.builder().numeric("x", 1, 2, 3, 4).add(y.build()).build();
            // complete rows 0, 1, 3: x = (1, 2, 4), y = (7, 7, 1); r = -10 / sqrt(42 / 9 * 24)
            assertThat(CorrelationMatrix.pearson(table).get("x", "y")).isCloseTo(-10 / Math.sqrt(112), within(1e-12));
            NumericColumn.Builder x = NumericColumn.builder("x").add(1).add(2).addMissing();
            for (Table pair : List.of(Table.of(x.build(), NumericColumn.of("y", 7, 7, 8)),
                    Table.of(NumericColumn.of("y", 7, 7, 8), x.build()))) {
                CorrelationMatrix matrix = CorrelationMatrix.pearson(pair);
                assertThat(matrix.constantColumns()).isEmpty();
                assertThat(matrix.get("x", "y")).isNaN();
                assertThat(matrix.get("y", "y")).isEqualTo(1.0);
            }
        }

        @Test
        void fewerThanTwoCompleteRowsGiveNaN() {
            NumericColumn.Builder x = NumericColumn.builder("x").add(1).addMissing().add(3);
            NumericColumn.Builder y = NumericColumn.builder("y").add(5).add(6).addMissing();
            CorrelationMatrix matrix = CorrelationMatrix.pearson(Table.of(x.build(), y.build()));
            assertThat(matrix.rows("x", "y")).isEqualTo(1);
            assertThat(matrix.get("x", "y")).isNaN();
            assertThat(matrix.get("x", "x")).isEqualTo(1.0);
        }

        @Test
        void anEntirelyMissingColumnIsReportedAsConstant() {
            NumericColumn.Builder empty = NumericColumn.builder("empty").addMissing().addMissing().addMissing();
            CorrelationMatrix matrix = CorrelationMatrix.pearson(
                    Table.of(NumericColumn.of("x", 1, 2, 3), empty.build()));
            assertThat(matrix.constantColumns()).containsExactly("empty");
            assertThat(matrix.get("empty", "empty")).isNaN();
            assertThat(matrix.rows("empty", "x")).isZero();
        }
    }

    @Nested
    class HighlyCorrelatedPairs {
        @Test
        void listsPairsAtLeastTheThresholdStrongestFirst() {
            CorrelationMatrix matrix = CorrelationMatrix.pearson(table());
            List<CorrelatedPair> pairs = matrix.highlyCorrelated();
            assertThat(pairs).extracting(CorrelatedPair::first, CorrelatedPair::second)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "b"),
                            org.assertj.core.groups.Tuple.tuple("b", "d"),
                            org.assertj.core.groups.Tuple.tuple("a", "d"));
            assertThat(pairs.get(0).correlation()).isEqualTo(matrix.get("a", "b"));
            assertThat(pairs.get(0).rows()).isEqualTo(10);
            assertThat(pairs.get(2).correlation()).isNegative();
        }

        @Test
        void theThresholdIsInclusiveAndNaNIsNeverListed() {
            CorrelationMatrix matrix = CorrelationMatrix.pearson(table());
            double ad = Math.abs(matrix.get("a", "d"));
            assertThat(matrix.highlyCorrelated(ad)).extracting(pair -> pair.first() + pair.second())
                    .containsExactly("ab", "bd", "ad");
            assertThat(matrix.highlyCorrelated(Math.nextUp(ad))).extracting(pair -> pair.first() + pair.second())
                    .containsExactly("ab", "bd");
            assertThat(matrix.highlyCorrelated(0)).hasSize(6);
            assertThat(matrix.highlyCorrelated(1)).isEmpty();
            assertThat(CorrelationMatrix.DEFAULT_THRESHOLD).isEqualTo(0.9);
        }

        @Test
        void tiesKeepTableOrder() {
            Table table = Table.builder().numeric("p", 1, 2, 3).numeric("q", 2, 4, 6).numeric("r", 3, 6, 9).build();
            assertThat(CorrelationMatrix.spearman(table).highlyCorrelated())
                    .extracting(pair -> pair.first() + pair.second()).containsExactly("pq", "pr", "qr");
        }

        @Test
        void aThresholdOutsideZeroToOneIsRefused() {
            CorrelationMatrix matrix = CorrelationMatrix.pearson(table());
            for (double bad : new double[] {-0.1, 1.1, NAN}) {
                assertThatThrownBy(() -> matrix.highlyCorrelated(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("threshold must lie in [0, 1] but was " + bad);
            }
        }
    }

    @Nested
    class Basics {
        @Test
        void statesItsMethodAndCopiesItsArray() {
            CorrelationMatrix matrix = CorrelationMatrix.of(table(), CorrelationMethod.SPEARMAN);
            assertThat(matrix.method()).isEqualTo(CorrelationMethod.SPEARMAN);
            assertThat(CorrelationMatrix.pearson(table()).method()).isEqualTo(CorrelationMethod.PEARSON);
            matrix.toArray()[0][1] = 42;
            assertThat(matrix.get("a", "b")).isNotEqualTo(42);
        }

        @Test
        void aTableWithoutNumericColumnsIsRefused() {
            Table table = Table.builder().categorical("city", "München", "Lyon").build();
            assertThatThrownBy(() -> CorrelationMatrix.pearson(table)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the table has no numeric column to correlate; its columns are [city]");
        }

        @Test
        void anUnknownColumnIsNamed() {
            CorrelationMatrix matrix = CorrelationMatrix.pearson(table());
            assertThatThrownBy(() -> matrix.get("a", "city")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column 'city' is not a numeric column of the matrix [a, b, c, d, k]");
            assertThatThrownBy(() -> matrix.rows("zz", "a")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'zz'");
        }
    }
}
