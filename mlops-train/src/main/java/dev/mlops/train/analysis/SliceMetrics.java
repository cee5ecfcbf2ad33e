package dev.mlops.train.analysis;

import dev.mlops.core.table.Table;
import dev.mlops.data.slice.Slice;
import dev.mlops.train.metrics.Metric;
import dev.mlops.train.significance.BootstrapInterval;
import dev.mlops.train.significance.PairedBootstrap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A model's metric per slice, worst first, each with the slice's size and a bootstrap
 * confidence interval, so that a slice where the model fails stands out and a small slice's
 * value is read with its uncertainty. Stateless and thread-safe.
 */
public final class SliceMetrics {

    private SliceMetrics() {
        throw new AssertionError("no instances");
    }

    /**
     * Measures a model on each slice of the rows it predicted.
     *
     * @param rows the rows predicted, features and label
     * @param label the label column
     * @param predictions the model's predictions of the rows, in order
     * @param slices the slices
     * @param metric the metric
     * @param bootstrap the resampling of each slice's rows (seed, resamples, level)
     * @return one entry per slice, worst value first (by the metric's direction), slices whose
     *     value is NaN (empty, or the metric undefined on them) last, ties in the slices' order
     * @throws IllegalArgumentException if the lengths differ or the label column is absent
     * @throws dev.mlops.core.SchemaException if a slice reads a column the rows lack
     */
    public static List<SliceMetric> of(Table rows, String label, Table predictions, List<Slice> slices, Metric metric,
            PairedBootstrap bootstrap) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (!rows.schema().contains(label)) {
            throw new IllegalArgumentException("label column '" + label + "' is not in the rows; their columns are "
                    + rows.schema().names());
        }
        if (rows.rowCount() != predictions.rowCount()) {
            throw new IllegalArgumentException("the rows are " + rows.rowCount() + " but the predictions "
                    + predictions.rowCount());
        }
        List<SliceMetric> result = new ArrayList<>();
        for (Slice slice : slices) {
            int[] members = slice.predicate().matchingRows(rows);
            if (members.length == 0) {
                result.add(new SliceMetric(slice.name(), 0, Double.NaN, null));
                continue;
            }
            Table sliceRows = rows.rows(members);
            Table slicePredictions = predictions.rows(members);
            BootstrapInterval interval = bootstrap.interval(metric, sliceRows.column(label), slicePredictions);
            result.add(new SliceMetric(slice.name(), members.length, interval.estimate(), interval));
        }
        Comparator<SliceMetric> byValue = Comparator.comparingDouble(SliceMetric::value);
        Comparator<SliceMetric> worstFirst = metric.higherIsBetter() ? byValue : byValue.reversed();
        Comparator<SliceMetric> order = Comparator.comparing((SliceMetric entry) -> Double.isNaN(entry.value()))
                .thenComparing(worstFirst);
        result.sort(order);
        return List.copyOf(result);
    }
}
