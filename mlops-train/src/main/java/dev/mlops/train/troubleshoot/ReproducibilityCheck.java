package dev.mlops.train.troubleshoot;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs an experiment twice on the same context (same data, same seed) and compares what it
 * gave: the guide's "set seeds" made checkable. A difference means a random step that does not
 * derive from the context's seed, or state kept between runs. Stateless and thread-safe.
 */
public final class ReproducibilityCheck {

    private ReproducibilityCheck() {
        throw new AssertionError("no instances");
    }

    /**
     * Runs the experiment twice and compares.
     *
     * @param experiment the experiment
     * @param context the context of both runs
     * @return the report, with the first difference if any
     */
    public static ReproducibilityReport check(Experiment experiment, ExperimentContext context) {
        Objects.requireNonNull(experiment, "experiment");
        ExperimentResult first = experiment.run(context);
        ExperimentResult second = experiment.run(context);
        return new ReproducibilityReport(experiment.spec().toString(), difference(first, second));
    }

    /** @return the first difference between two results, or null if they agree */
    static @Nullable String difference(ExperimentResult first, ExperimentResult second) {
        if (!first.metrics().equals(second.metrics())) {
            return "the metrics differ: " + first.metrics() + " then " + second.metrics();
        }
        Table a = first.validationPredictions();
        Table b = second.validationPredictions();
        if (!a.schema().equals(b.schema()) || a.rowCount() != b.rowCount()) {
            return "the predictions' shape differs: " + a.schema() + " × " + a.rowCount() + " then " + b.schema() + " × "
                    + b.rowCount();
        }
        for (int row = 0; row < a.rowCount(); row++) {
            for (int c = 0; c < a.columnCount(); c++) {
                Column column = a.column(c);
                if (!column.valueEquals(row, b.column(c), row)) {
                    return "validation row " + row + ", column '" + column.name() + "': " + column.format(row) + " then "
                            + b.column(c).format(row);
                }
            }
        }
        return null;
    }
}
