package dev.mlops.data.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumericDistinctTest {
    private static final long MASTER_SEED = 0x0d15_71cL;

    private static NumericProfile profile(NumericColumn column, ProfileOptions options) {
        return (NumericProfile) DatasetProfile.of(Table.of(column), options).columns().get(0);
    }

    @Test
    void distinctCountsFiniteValuesWithNegativeZeroAsZero() {
        // /usr/bin/python3 -c "import pandas as pd, numpy as np;
        //   s=pd.Series([1,2,2,-0.0,0.0,3.5,np.nan,np.inf,-np.inf,np.inf]); print(s.nunique(), s[np.isfinite(s)].nunique())"
        // 6 4   (pandas counts the infinities; the profile counts finite values only)
        NumericColumn column = NumericColumn.builder("x").add(1).add(2).add(2).add(-0.0).add(0.0).add(3.5)
                .add(Double.NaN).add(Double.POSITIVE_INFINITY).add(Double.NEGATIVE_INFINITY)
                .add(Double.POSITIVE_INFINITY).addMissing().build();
        NumericProfile p = profile(column, ProfileOptions.defaults());
        assertThat(p.distinct()).isEqualTo(4);
        assertThat(p.distinctLowerBound()).isEqualTo(4);
        assertThat(p.distinctUpperBound()).isEqualTo(4);
        assertThat(p.distinctMethod()).isEqualTo(Method.EXACT);
        assertThat(profile(NumericColumn.of("x", Double.NaN), ProfileOptions.defaults()).distinct()).isZero();
    }

    @Test
    void distinctStaysExactWhenQuantilesAreSketched() {
        double[] values = IntStream.range(0, 30_000).mapToDouble(i -> i % 700).toArray();
        NumericProfile p = profile(NumericColumn.of("x", values), ProfileOptions.defaults().withExactQuantileLimit(100));
        assertThat(p.quantileMethod()).isEqualTo(Method.SKETCH);
        assertThat(p.distinctMethod()).isEqualTo(Method.EXACT);
        assertThat(p.distinct()).isEqualTo(700);
        DatasetProfile back = DatasetProfile.fromJson(DatasetProfile.of(Table.of(NumericColumn.of("x", values)),
                ProfileOptions.defaults().withExactQuantileLimit(100)).toJson());
        assertThat(((NumericProfile) back.columns().get(0)).distinct()).isEqualTo(700);
        assertThat(back.toJson()).contains("\"distinctValues\"");
    }

    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return IntStream.range(0, 12).mapToObj(i -> Arguments.of(master.nextLong(), master.nextInt(2_000, 40_000),
                master.nextInt(1, 60_000)));
    }

    /** HyperLogLog is deterministic for given values, so a seeded sweep gives the same verdicts every run. */
    @ParameterizedTest(name = "seed {0}, {1} rows, values drawn from {2}")
    @MethodSource("sweep")
    void aboveTheLimitHllIsWithinItsBoundsAndMergesAndSurvivesJson(long seed, int rows, int range) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows];
        Set<Double> truth = new HashSet<>();
        for (int i = 0; i < rows; i++) {
            values[i] = random.nextInt(range) * 0.25 - 100;
            truth.add(values[i] == 0.0 ? 0.0 : values[i]);
        }
        String context = "seed " + seed + ", " + rows + " rows";
        ProfileOptions options = ProfileOptions.defaults().withExactDistinctLimit(1000).withExactQuantileLimit(5000);
        NumericProfile whole = profile(NumericColumn.of("x", values), options);
        int cut = random.nextInt(rows + 1);
        DatasetProfile first = DatasetProfile.of(Table.of(NumericColumn.of("x", java.util.Arrays.copyOf(values, cut))),
                options);
        DatasetProfile second = DatasetProfile.of(Table.of(NumericColumn.of("x",
                java.util.Arrays.copyOfRange(values, cut, rows))), options);
        NumericProfile merged = (NumericProfile) DatasetProfile.fromJson(first.toJson())
                .merge(DatasetProfile.fromJson(second.toJson())).columns().get(0);
        for (NumericProfile p : new NumericProfile[] {whole, merged}) {
            if (truth.size() <= 1000) {
                assertThat(p.distinctMethod()).as(context).isEqualTo(Method.EXACT);
                assertThat(p.distinct()).as(context).isEqualTo(truth.size());
            } else {
                assertThat(p.distinctMethod()).as(context).isEqualTo(Method.SKETCH);
                assertThat((long) truth.size()).as(context + ": " + p)
                        .isBetween(p.distinctLowerBound(), p.distinctUpperBound());
                // lgK 12: relative standard error 1.625%; three of them
                assertThat((double) Math.abs(p.distinct() - truth.size()) / truth.size()).as(context)
                        .isLessThan(3 * 0.01625);
            }
        }
        DatasetProfile back = DatasetProfile.fromJson(DatasetProfile.of(Table.of(NumericColumn.of("x", values)), options)
                .toJson());
        NumericProfile read = (NumericProfile) back.columns().get(0);
        assertThat(read.distinct()).as(context).isEqualTo(whole.distinct());
        assertThat(read.distinctLowerBound()).as(context).isEqualTo(whole.distinctLowerBound());
        assertThat(read.distinctMethod()).as(context).isEqualTo(whole.distinctMethod());
    }
}
