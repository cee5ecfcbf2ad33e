package dev.mlops.deploy.serving;

import dev.mlops.core.table.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request to an {@link Endpoint}: the features of one row (feature name to value) or of a
 * small {@link Table} of rows, and optionally the unit the request is for (a user, a customer),
 * which sticky strategies route by, and the inference id under which it is captured (the endpoint
 * makes one when absent).
 *
 * <p>A row's values are those a {@link dev.mlops.core.table.RowBuilder} takes: a {@link Number}
 * for a numeric feature, a {@link String} for a categorical or text one, a {@link Boolean}, an
 * {@link java.time.Instant}; {@code null} for a missing value. Requests are immutable.
 *
 * <pre>{@code
 * PredictRequest request = PredictRequest.row(Map.of("age", 42, "plan", "gold")).withUnitId("customer-17");
 * }</pre>
 */
public final class PredictRequest {
    private final @Nullable Map<String, @Nullable Object> row;
    private final @Nullable Table rows;
    private final @Nullable String unitId;
    private final @Nullable String inferenceId;

    private PredictRequest(@Nullable Map<String, @Nullable Object> row, @Nullable Table rows,
            @Nullable String unitId, @Nullable String inferenceId) {
        this.row = row;
        this.rows = rows;
        this.unitId = unitId;
        this.inferenceId = inferenceId;
    }

    /**
     * A request for one row.
     *
     * @param features feature name to value; null values are missing values
     * @return the request, without unit id or inference id
     */
    public static PredictRequest row(Map<String, ? extends @Nullable Object> features) {
        Objects.requireNonNull(features, "features");
        Map<String, @Nullable Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends @Nullable Object> feature : features.entrySet()) {
            copy.put(Objects.requireNonNull(feature.getKey(), "feature name"), feature.getValue());
        }
        return new PredictRequest(Collections.unmodifiableMap(copy), null, null, null);
    }

    /**
     * A request for the rows of a table.
     *
     * @param features the features, at least one row
     * @return the request, without unit id or inference id
     * @throws IllegalArgumentException if the table has no row
     */
    public static PredictRequest table(Table features) {
        Objects.requireNonNull(features, "features");
        if (features.rowCount() == 0) {
            throw new IllegalArgumentException("a prediction request needs at least one row, but the table has none");
        }
        return new PredictRequest(null, features, null, null);
    }

    /**
     * @param id the unit the request is for (a user, a customer), not blank
     * @return the same request for that unit
     * @throws IllegalArgumentException if the id is blank
     */
    public PredictRequest withUnitId(String id) {
        return new PredictRequest(row, rows, checkId("unit id", id), inferenceId);
    }

    /**
     * @param id the inference id to capture the request under, not blank
     * @return the same request with that inference id
     * @throws IllegalArgumentException if the id is blank
     */
    public PredictRequest withInferenceId(String id) {
        return new PredictRequest(row, rows, unitId, checkId("inference id", id));
    }

    /** @return the same request (unit, inference id) for another row, the caller's map kept as it is */
    PredictRequest withFeatures(Map<String, @Nullable Object> features) {
        return new PredictRequest(Collections.unmodifiableMap(features), null, unitId, inferenceId);
    }

    /** @return the same request (unit, inference id) for another table */
    PredictRequest withFeatures(Table features) {
        return new PredictRequest(null, features, unitId, inferenceId);
    }

    /** @return the features of a one-row request, feature name to value; null for a table request */
    public @Nullable Map<String, @Nullable Object> featureRow() {
        return row;
    }

    /** @return the features of a table request; null for a one-row request */
    public @Nullable Table featureTable() {
        return rows;
    }

    /** @return the number of rows the request asks predictions for */
    public int rowCount() {
        return rows == null ? 1 : rows.rowCount();
    }

    /** @return the unit the request is for, null if it names none */
    public @Nullable String unitId() {
        return unitId;
    }

    /** @return the inference id the caller gave, null if the endpoint is to make one */
    public @Nullable String inferenceId() {
        return inferenceId;
    }

    @Override
    public String toString() {
        return "PredictRequest[" + (rows == null ? "row " + row : rows.rowCount() + " rows")
                + (unitId == null ? "" : ", unit " + unitId) + (inferenceId == null ? "" : ", inference " + inferenceId)
                + "]";
    }

    private static String checkId(String what, String id) {
        Objects.requireNonNull(id, what);
        if (id.isBlank()) {
            throw new IllegalArgumentException("a request's " + what + " must not be blank");
        }
        return id;
    }
}
