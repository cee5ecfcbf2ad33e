package dev.mlops.train.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.significance.PairedBootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceMetricsTest {
    private static final Outputs AB = Outputs.classification(List.of("a", "b"));

    /** 40 rows: a model right on every young row, and on half of the old rows. */
    private static Table rows() {
        double[] age = new double[40];
        String[] classes = new String[40];
        for (int row = 0; row < 40; row++) {
            age[row] = row < 20 ? 20 : 60;
            classes[row] = row % 2 == 0 ? "a" : "b";
        }
        return Table.of(NumericColumn.of("age", age), CategoricalColumn.of("class", classes));
    }

    private static Table predictions() {
        double[][] scores = new double[40][];
        for (int row = 0; row < 40; row++) {
            boolean right = row < 20 || row % 4 < 2;
            boolean isA = row % 2 == 0;
            scores[row] = isA == right ? new double[] {1, 0} : new double[] {0, 1};
        }
        return AB.classifications(scores);
    }

    @Test
    void theWorstSliceComesFirstWithItsSizeAndInterval() {
        List<Slice> slices = List.of(Slice.of("young", "age < 30"), Slice.of("old", "age >= 30"),
                Slice.of("nobody", "age > 100"));

        List<SliceMetric> metrics = SliceMetrics.of(rows(), "class", predictions(), slices, Metrics.accuracy(),
                PairedBootstrap.of(Seed.of(1)).withResamples(200));

        assertThat(metrics).extracting(SliceMetric::slice).containsExactly("old", "young", "nobody");
        SliceMetric old = metrics.get(0);
        assertThat(old.rows()).isEqualTo(20);
        assertThat(old.value()).isEqualTo(0.5);
        assertThat(old.interval()).isNotNull();
        assertThat(old.interval().lower()).isLessThan(0.5);
        assertThat(old.interval().upper()).isGreaterThan(0.5);
        assertThat(metrics.get(1).value()).isEqualTo(1.0);
        assertThat(metrics.get(2).rows()).isZero();
        assertThat(metrics.get(2).value()).isNaN();
        assertThat(metrics.get(2).interval()).isNull();
    }

    @Test
    void forALowerIsBetterMetricTheWorstIsTheLargest() {
        Table rows = Table.of(NumericColumn.of("x", 1, 2, 3, 4), NumericColumn.of("y", 0, 0, 0, 0));
        Table predictions = Outputs.regression().values(new double[] {0.1, 0.1, 5, 5});

        List<SliceMetric> metrics = SliceMetrics.of(rows, "y", predictions, List.of(Slice.of("small", "x <= 2"),
                Slice.of("large", "x > 2")), Metrics.mae(), PairedBootstrap.of(Seed.of(2)).withResamples(50));

        assertThat(metrics).extracting(SliceMetric::slice).containsExactly("large", "small");
    }

    @Test
    void badInputIsRefused() {
        PairedBootstrap bootstrap = PairedBootstrap.of(Seed.of(1));
        assertThatThrownBy(() -> SliceMetrics.of(rows(), "nope", predictions(), List.of(), Metrics.accuracy(), bootstrap))
                .hasMessageContaining("label column 'nope'");
        assertThatThrownBy(() -> SliceMetrics.of(rows(), "class", predictions().head(3), List.of(), Metrics.accuracy(),
                bootstrap)).hasMessageContaining("the rows are 40 but the predictions 3");
        assertThatThrownBy(() -> new SliceMetric("s", -1, 0, null)).hasMessageContaining("rows must be at least 0");
    }
}
