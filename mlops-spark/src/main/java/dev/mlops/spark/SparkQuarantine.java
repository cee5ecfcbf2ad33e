package dev.mlops.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A Dataset split by a {@link dev.mlops.data.check.CheckSuite}'s error-severity row checks, as
 * {@link dev.mlops.data.check.CheckSuite#quarantine(dev.mlops.core.table.Table)} splits a table:
 * the rows that pass every one of them, and the rows that fail one or more, with the names of the
 * checks each failed. Both Datasets are defined lazily: nothing is computed or gathered until an
 * action (a write, a count) runs on them, and the translated checks' predicates are in their
 * plans, where Spark's optimiser sees them ({@link SparkChecks#quarantine}).
 *
 * @param passing the rows that pass every error-severity row check, with the input's columns
 * @param quarantined the rows that fail at least one, with the input's columns and one more string
 *     column, {@value dev.mlops.data.check.Quarantine#REASONS_COLUMN}: the failed checks' names in
 *     suite order, separated by {@code "; "}
 */
public record SparkQuarantine(Dataset<Row> passing, Dataset<Row> quarantined) {

    /**
     * Validates the Datasets.
     *
     * @param passing the rows that pass every error-severity row check, with the input's columns
     * @param quarantined the rows that fail at least one, with the input's columns and the reasons
     */
    public SparkQuarantine {
        Objects.requireNonNull(passing, "passing");
        Objects.requireNonNull(quarantined, "quarantined");
    }
}
