package dev.mlops.features;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Table;
import dev.mlops.data.leakage.LeakageCheck;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a point-in-time join returns: the table ready for training, when each value became known,
 * and the lineage of the read.
 *
 * <pre>{@code
 * JoinResult joined = store.join(principal, request);
 * Table training = joined.table();                       // the rows' columns, then each feature
 * run.inputs(joined.lineage());                          // groups, versions, time bounds
 * LeakageReport leaks = joined.leakageCheck().build().run(joined.withKnownAt(), split);
 * }</pre>
 *
 * <p>{@link #withKnownAt()} adds, per group, a timestamp column {@code GROUP.known_at}: the write
 * time of the record each row's values came from (missing when none matched). Those are the
 * known-at times handed to mlops-data's {@link LeakageCheck}. An immutable value.
 *
 * @param table the entity rows' columns in their order, then the selected features (sensitive
 *     flags kept), one row per entity row in the same order
 * @param withKnownAt {@code table} plus one {@code GROUP.known_at} column per group
 * @param knownAtColumns each feature column's known-at column in {@code withKnownAt}, in the order of the
 *     feature columns (the order the leakage check reports them in)
 * @param predictionTime the rows' prediction-time column
 * @param knownAt the write-time bound the join used: for {@link JoinRequest.Knowledge#LATEST} the
 *     store's latest write, for {@link JoinRequest.Knowledge#AS_OF} the requested bound, for
 *     {@link JoinRequest.Knowledge#PREDICTION_TIME} the cap on every row's own bound (the requested cap,
 *     else the store's latest write). Passing it back in the same mode reproduces the join: to
 *     {@link JoinRequest.Builder#knownAt} for LATEST and AS_OF, to
 *     {@link JoinRequest.Builder#knownAtPredictionTime(Instant)} for PREDICTION_TIME
 * @param lineage one {@code feature-group} input per group: name, and as version the schema version and
 *     the known-at bound, with {@code /prediction-time} appended for a PREDICTION_TIME join
 *     ({@code 3@2026-12-01T00:00:00Z} or {@code 3@2026-12-01T00:00:00Z/prediction-time}), and the
 *     event-time window read
 */
public record JoinResult(Table table, Table withKnownAt, Map<String, String> knownAtColumns, String predictionTime,
        Instant knownAt, List<LineageInput> lineage) {

    /**
     * Copies the collections.
     *
     * @param table the joined table
     * @param withKnownAt the table with known-at columns
     * @param knownAtColumns feature column to known-at column
     * @param predictionTime the prediction-time column
     * @param knownAt the write-time bound
     * @param lineage the inputs read
     */
    public JoinResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(withKnownAt, "withKnownAt");
        Objects.requireNonNull(predictionTime, "predictionTime");
        Objects.requireNonNull(knownAt, "knownAt");
        knownAtColumns = Collections.unmodifiableMap(new LinkedHashMap<>(knownAtColumns));
        lineage = List.copyOf(lineage);
    }

    /**
     * Hands the known-at times to mlops-data's leakage check: a builder with the
     * feature-availability check on, to which the caller adds its other checks and then runs on
     * a split of {@link #withKnownAt()}. A row leaks a feature when its value was written after
     * the row's prediction time; a join with {@link JoinRequest.Knowledge#PREDICTION_TIME} never
     * leaks, one that sees later writes can.
     *
     * <pre>{@code
     * LeakageReport report = joined.leakageCheck().labelColumn("default").build()
     *         .run(joined.withKnownAt(), split);
     * }</pre>
     *
     * @return a leakage-check builder with {@link LeakageCheck.Builder#availability} set
     */
    public LeakageCheck.Builder leakageCheck() {
        return LeakageCheck.builder().availability(predictionTime, knownAtColumns);
    }
}
