package dev.mlops.deploy.serving;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.stat.ChiSquareTest;
import dev.mlops.data.stat.KolmogorovSmirnov;
import dev.mlops.data.stat.TwoSampleResult;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Task;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The running comparison of one shadow variant with one primary: counters the caller's thread
 * updates without a lock (enqueued, dropped), and the comparison of answers the shadow worker
 * updates under this object's lock. The output distributions are compared with mlops-data's
 * tests: chi-square over class counts, Kolmogorov-Smirnov over a ring of the latest values.
 */
final class ShadowComparison {
    private final String primary;
    private final String shadow;
    private final Task task;
    private final double tolerance;
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, Long> primaryClasses = new TreeMap<>();
    private final Map<String, Long> shadowClasses = new TreeMap<>();
    private final double[] primaryValues;
    private final double[] shadowValues;
    private long compared;
    private long disagreements;
    private long kept;

    ShadowComparison(String primary, String shadow, Task task, double tolerance, int sampleSize) {
        this.primary = primary;
        this.shadow = shadow;
        this.task = task;
        this.tolerance = tolerance;
        this.primaryValues = new double[sampleSize];
        this.shadowValues = new double[sampleSize];
    }

    String primary() {
        return primary;
    }

    String shadow() {
        return shadow;
    }

    void enqueued() {
        enqueued.increment();
    }

    void dropped() {
        dropped.increment();
    }

    void failed() {
        failed.increment();
    }

    /** Compares the answers of the primary and the shadow on the same rows. */
    synchronized void compare(Table primaryAnswers, Table shadowAnswers) {
        int rows = Math.min(primaryAnswers.rowCount(), shadowAnswers.rowCount());
        if (task == Task.CLASSIFICATION) {
            CategoricalColumn first = primaryAnswers.categoricalColumn(Outputs.PREDICTION);
            CategoricalColumn second = shadowAnswers.categoricalColumn(Outputs.PREDICTION);
            for (int row = 0; row < rows; row++) {
                String one = first.isMissing(row) ? "" : first.get(row);
                String other = second.isMissing(row) ? "" : second.get(row);
                primaryClasses.merge(one, 1L, Long::sum);
                shadowClasses.merge(other, 1L, Long::sum);
                count(!one.equals(other));
            }
        } else {
            NumericColumn first = primaryAnswers.numericColumn(Outputs.PREDICTION);
            NumericColumn second = shadowAnswers.numericColumn(Outputs.PREDICTION);
            for (int row = 0; row < rows; row++) {
                double one = first.isMissing(row) ? Double.NaN : first.get(row);
                double other = second.isMissing(row) ? Double.NaN : second.get(row);
                boolean bothFinite = Double.isFinite(one) && Double.isFinite(other);
                if (bothFinite) {
                    int slot = (int) (kept++ % primaryValues.length);
                    primaryValues[slot] = one;
                    shadowValues[slot] = other;
                }
                count(bothFinite ? Math.abs(one - other) > tolerance : Double.compare(one, other) != 0);
            }
        }
    }

    private void count(boolean disagree) {
        compared++;
        if (disagree) {
            disagreements++;
        }
    }

    synchronized ShadowReport report() {
        long failedCount = failed.sum();
        long droppedCount = dropped.sum();
        long enqueuedCount = enqueued.sum();
        return new ShadowReport(primary, shadow, enqueuedCount, droppedCount, failedCount, compared, disagreements,
                outputComparison());
    }

    private @Nullable TwoSampleResult outputComparison() {
        if (task == Task.CLASSIFICATION) {
            return compared < 2 ? null : ChiSquareTest.test(shadowClasses, primaryClasses);
        }
        int size = (int) Math.min(kept, primaryValues.length);
        return size < 2 ? null
                : KolmogorovSmirnov.test(Arrays.copyOf(shadowValues, size), Arrays.copyOf(primaryValues, size));
    }
}
