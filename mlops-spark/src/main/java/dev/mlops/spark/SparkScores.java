package dev.mlops.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link SparkScoring#score} gives: every input row once, either scored or set apart with a
 * reason. Lazy: each action recomputes the scoring unless {@link #results()} is persisted first.
 *
 * @param results one row per input row: the record id, the predictor's output columns (null on
 *     an error row) and {@value SparkScoring#REASON} (null on a scored row)
 * @param idColumn the record id column's name
 * @param outputs the predictor's output columns, in order
 */
public record SparkScores(Dataset<Row> results, String idColumn, List<String> outputs) {

    /**
     * Checks the parts are present and copies the outputs.
     *
     * @param results one row per input row
     * @param idColumn the record id column's name
     * @param outputs the predictor's output columns, in order
     */
    public SparkScores {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(idColumn, "idColumn");
        outputs = List.copyOf(outputs);
    }

    /** @return the scored rows: the record id, then the predictor's output columns */
    public Dataset<Row> scores() {
        List<Column> columns = new ArrayList<>();
        columns.add(SparkTables.column(idColumn));
        outputs.forEach(name -> columns.add(SparkTables.column(name)));
        return results.filter(SparkTables.column(SparkScoring.REASON).isNull()).select(columns.toArray(Column[]::new));
    }

    /** @return the rows that could not be scored: the record id (null when it was missing) and the reason */
    public Dataset<Row> errors() {
        return results.filter(SparkTables.column(SparkScoring.REASON).isNotNull())
                .select(SparkTables.column(idColumn), SparkTables.column(SparkScoring.REASON));
    }
}
