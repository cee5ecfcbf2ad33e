package dev.mlops.spark;

import dev.mlops.data.split.SplitSets;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A split of a Spark Dataset made by {@link SparkSplits}: the input's rows, each with the name of
 * its set in a string column, and the split's measured {@link SparkSplitReport}. The Dataset is
 * lazy: each use recomputes the assignment, which gives the same sets every time (it depends only
 * on the seed and each row's key); cache it if the input is costly to read.
 *
 * @param rows the input's rows with the set column appended
 * @param setColumn the name of the set column
 * @param sets the sets and their fractions, in order
 * @param report the counts measured and the guarantees that held
 */
public record SparkSplit(Dataset<Row> rows, String setColumn, SplitSets sets, SparkSplitReport report) {

    /**
     * Checks the parts are present.
     *
     * @param rows the input's rows with the set column appended
     * @param setColumn the name of the set column
     * @param sets the sets and their fractions, in order
     * @param report the counts measured and the guarantees that held
     */
    public SparkSplit {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(setColumn, "setColumn");
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(report, "report");
    }

    /**
     * Returns one set's rows, without the set column.
     *
     * @param name the set's name
     * @return the rows assigned to it, the input's columns only
     * @throws IllegalArgumentException if there is no such set; the message lists the sets
     */
    public Dataset<Row> set(String name) {
        sets.indexOf(name);
        return rows.filter(SparkTables.column(setColumn).equalTo(name)).drop(setColumn);
    }
}
