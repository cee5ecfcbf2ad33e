package dev.mlops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The rows one partition yields, without Spark: chunks in, scored and error rows out. */
class SparkScoringRowsTest {
    private static final List<String> OUTPUTS = List.of("prediction");

    /** A chunk as the scoring reads it: the id as text, the reason set on the rows already set apart, and x. */
    private static Table chunk(String[] ids, String[] reasons, double... x) {
        return Table.of(List.of(CategoricalColumn.of("mlops:id", ids), CategoricalColumn.of("mlops:reason", reasons),
                NumericColumn.of("x", x)));
    }

    /** Predicts x + 1; fails on a chunk holding x = 13, answers missing for x = 0, counts its calls. */
    private static class Counting implements XRegressor {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Table predict(Table features) {
            calls.incrementAndGet();
            NumericColumn x = features.numericColumn("x");
            NumericColumn.Builder out = NumericColumn.builder("prediction");
            for (int row = 0; row < x.size(); row++) {
                if (x.get(row) == 13) {
                    throw new IllegalStateException("unlucky");
                }
                if (x.get(row) == 0) {
                    out.addMissing();
                } else {
                    out.add(x.get(row) + 1);
                }
            }
            return Table.of(List.of(out.build()));
        }
    }

    private static List<Row> drain(Iterator<Row> rows) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        return all;
    }

    @Test
    void rowsSetApartKeepTheirReasonAndScoredRowsCarryTheirIdAndOutputs() {
        Table table = chunk(new String[] {"a", null, "c"}, new String[] {null, "missing record id", null}, 1, 2, 0);

        List<Row> rows = drain(new SparkScoring.ScoredRows(new Counting(), List.of(table).iterator(), OUTPUTS, false));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(0)).isNull();
        assertThat(rows.get(0).getString(1)).isEqualTo("missing record id");
        assertThat(rows.get(0).isNullAt(2)).isTrue();
        assertThat(rows.get(1).getString(0)).isEqualTo("a");
        assertThat(rows.get(1).isNullAt(1)).isTrue();
        assertThat(rows.get(1).getDouble(2)).isEqualTo(2.0);
        // a missing output stays missing: null, not NaN or 0
        assertThat(rows.get(2).getString(0)).isEqualTo("c");
        assertThat(rows.get(2).isNullAt(2)).isTrue();
    }

    @Test
    void aFailingChunkIsHalvedUntilOnlyTheRowTheModelFailsOnIsSetApart() {
        int n = 64;
        String[] ids = new String[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "r" + i;
            x[i] = i + 1;
        }
        Counting model = new Counting();

        List<Row> rows = drain(new SparkScoring.ScoredRows(model, List.of(chunk(ids, new String[n], x)).iterator(),
                OUTPUTS, false));

        assertThat(rows).hasSize(n);
        List<Row> errors = rows.stream().filter(row -> !row.isNullAt(1)).toList();
        assertThat(errors).singleElement().satisfies(row -> {
            assertThat(row.getString(0)).isEqualTo("r12");
            assertThat(row.getString(1)).isEqualTo("the model failed: java.lang.IllegalStateException: unlucky");
        });
        // the whole chunk, then two halves on each of 6 levels: 1 + 2 * 6 calls, not 1 + 64
        assertThat(model.calls.get()).isEqualTo(13);
        assertThat(rows.stream().filter(row -> row.isNullAt(1)).map(row -> row.getString(0)))
                .doesNotContain("r12").hasSize(n - 1);
    }

    private static String[] ids(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "r" + i;
        }
        return ids;
    }

    /** Fails with the given throwable on a chunk holding a multiple of {@code every}; counts calls and rows. */
    private static final class FailingEvery extends Counting {
        private final int every;
        private final RuntimeException unchecked;
        private final Error error;
        private long rows;

        FailingEvery(int every, RuntimeException unchecked, Error error) {
            this.every = every;
            this.unchecked = unchecked;
            this.error = error;
        }

        @Override
        public Table predict(Table features) {
            calls.incrementAndGet();
            rows += features.rowCount();
            NumericColumn x = features.numericColumn("x");
            for (int row = 0; row < x.size(); row++) {
                if (x.get(row) % every == 0) {
                    if (error != null) {
                        throw error;
                    }
                    throw unchecked;
                }
            }
            return Table.of(List.of(x.rename("prediction")));
        }
    }

    private static double[] oneTo(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void aModelErrorThatIsNotTheJvmsIsABadRowNotAFailedTask() {
        FailingEvery model = new FailingEvery(5, null, new AssertionError("model bug"));

        List<Row> rows = drain(new SparkScoring.ScoredRows(model,
                List.of(chunk(ids(10), new String[10], oneTo(10))).iterator(), OUTPUTS, false));

        assertThat(rows).hasSize(10);
        assertThat(rows.stream().filter(row -> !row.isNullAt(1)).map(row -> row.getString(0) + ": " + row.getString(1)))
                .containsExactly("r4: the model failed: java.lang.AssertionError: model bug",
                        "r9: the model failed: java.lang.AssertionError: model bug");
    }

    @Test
    void aVirtualMachineErrorStillFailsTheTask() {
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        FailingEvery model = new FailingEvery(5, null, oom);
        Iterator<Row> rows = new SparkScoring.ScoredRows(model,
                List.of(chunk(ids(10), new String[10], oneTo(10))).iterator(), OUTPUTS, false);

        assertThatThrownBy(rows::hasNext).isSameAs(oom);
    }

    @Test
    void manyBadRowsGoRowByRowOnceTheHalvingHasPredictedTheChunkThreeTimesOver() {
        int n = 1024;
        // one row in 20 fails, as 5 % missing values under an encoder that refuses them: pure halving
        // predicts every row once per level down to ~16-row ranges, about 7 n rows
        FailingEvery model = new FailingEvery(20, new IllegalArgumentException("missing"), null);

        List<Row> rows = drain(new SparkScoring.ScoredRows(model,
                List.of(chunk(ids(n), new String[n], oneTo(n))).iterator(), OUTPUTS, false));

        assertThat(rows).hasSize(n);
        assertThat(rows.stream().filter(row -> !row.isNullAt(1))).hasSize(n / 20);
        // calls of more than one row predict at most 3 n rows, then each row at most once alone
        assertThat(model.rows).isLessThanOrEqualTo(4L * n);
        // at most 2 n - 1 calls: the halving's tree has no more nodes; 918 here (depth first, the
        // budget of 3 n rows runs out after 3 n - 128 rows, the rest go alone)
        assertThat(model.calls.get()).isLessThanOrEqualTo(2 * n - 1).isEqualTo(918);
    }

    @Test
    void aModelThatAnswersTheWrongNumberOfRowsFailsThoseRows() {
        Predictor wrong = new Counting() {
            @Override
            public Table predict(Table features) {
                return Table.of(List.of(NumericColumn.of("prediction", new double[features.rowCount() + 1])));
            }
        };

        List<Row> rows = drain(new SparkScoring.ScoredRows(wrong,
                List.of(chunk(new String[] {"a", "b"}, new String[2], 1, 2)).iterator(), OUTPUTS, false));

        assertThat(rows).extracting(row -> row.getString(1)).containsExactly(
                "the model failed: java.lang.IllegalStateException: the model returned 2 rows for 1",
                "the model failed: java.lang.IllegalStateException: the model returned 2 rows for 1");
    }

    @Test
    void anEmptyPartitionYieldsNothingAndSaysSoWhenAskedForMore() {
        Iterator<Row> rows = new SparkScoring.ScoredRows(new Counting(),
                List.of(chunk(new String[0], new String[0])).iterator(), OUTPUTS, false);

        assertThat(rows.hasNext()).isFalse();
        assertThatThrownBy(rows::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theSharedSupplierBuildsOncePerJvmAndRefusesNull() {
        AtomicInteger built = new AtomicInteger();
        SparkScoring.Shared shared = new SparkScoring.Shared(() -> {
            built.incrementAndGet();
            return new Counting();
        });

        assertThat(shared.get()).isSameAs(shared.get());
        assertThat(built.get()).isEqualTo(1);
        assertThatThrownBy(() -> new SparkScoring.Shared(() -> null).get()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("returned null");
    }
}
