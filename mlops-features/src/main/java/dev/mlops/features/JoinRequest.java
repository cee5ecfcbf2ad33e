package dev.mlops.features;

import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A point-in-time join: entity rows, each with a prediction time, and the features to attach to
 * them from one or more groups.
 *
 * <pre>{@code
 * JoinRequest request = JoinRequest.builder(applications, "applied_at")
 *         .features(FeatureSelection.of("customer", "age", "tenure"))
 *         .features(FeatureSelection.all("account"))
 *         .entityColumn("account", "account_no")      // the rows name the account's key differently
 *         .build();
 * JoinResult training = store.join(principal, request);
 * }</pre>
 *
 * <p>Each row sees, per group, the record with the latest event time not after its prediction
 * time (ties broken by the latest write time), among the records the store knew by the
 * {@linkplain Knowledge knowledge bound}; values older than the group's TTL read as missing. The
 * entity key of a group is found in the rows' column of the same name unless
 * {@link Builder#entityColumn} maps it. An immutable value.
 */
public final class JoinRequest {

    /** Which writes a join may see. */
    public enum Knowledge {
        /** Every record written by the time the join runs (the store's latest write, recorded in the lineage). */
        LATEST,
        /** Only records written by a fixed time ({@link JoinRequest#knownAt()}), to reproduce an earlier read. */
        AS_OF,
        /**
         * Only records each row's prediction time already knew: nothing that arrived later, however
         * early its event time. Each row sees the writes up to the earlier of its prediction time and
         * a write-time cap ({@link JoinRequest#knownAt()} when the caller gives one, else the store's
         * latest write when the join runs); the cap, recorded in the lineage, makes the join
         * reproducible once more records arrive.
         */
        PREDICTION_TIME
    }

    private final Table rows;
    private final String predictionTime;
    private final List<FeatureSelection> selections;
    private final Map<String, String> entityColumns;
    private final Knowledge knowledge;
    private final @Nullable Instant knownAt;
    private final boolean qualifiedNames;

    private JoinRequest(Builder builder) {
        this.rows = builder.rows;
        this.predictionTime = builder.predictionTime;
        this.selections = List.copyOf(builder.selections);
        this.entityColumns = Map.copyOf(builder.entityColumns);
        this.knowledge = builder.knowledge;
        this.knownAt = builder.knownAt;
        this.qualifiedNames = builder.qualifiedNames;
    }

    /**
     * @param rows the entity rows: an entity key column per group and the prediction time
     * @param predictionTime the name of the rows' timestamp column holding each row's prediction time
     * @return the builder
     */
    public static Builder builder(Table rows, String predictionTime) {
        return new Builder(rows, predictionTime);
    }

    /** @return the entity rows */
    public Table rows() {
        return rows;
    }

    /** @return the name of the rows' prediction-time column */
    public String predictionTime() {
        return predictionTime;
    }

    /** @return the features wanted, group by group, in order */
    public List<FeatureSelection> selections() {
        return selections;
    }

    /**
     * @param group a group's name
     * @param defaultColumn the group's own entity key
     * @return the rows' column holding the group's entity key
     */
    public String entityColumn(String group, String defaultColumn) {
        return entityColumns.getOrDefault(group, defaultColumn);
    }

    /** @return which writes the join may see */
    public Knowledge knowledge() {
        return knowledge;
    }

    /**
     * @return the write-time bound when {@link Knowledge#AS_OF}; the write-time cap when
     *     {@link Knowledge#PREDICTION_TIME} and the caller gave one; otherwise empty
     */
    public Optional<Instant> knownAt() {
        return Optional.ofNullable(knownAt);
    }

    /** @return true when feature columns are named {@code GROUP.FEATURE} rather than {@code FEATURE} */
    public boolean qualifiedNames() {
        return qualifiedNames;
    }

    /** Builds a {@link JoinRequest}. Not thread-safe. */
    public static final class Builder {
        private final Table rows;
        private final String predictionTime;
        private final List<FeatureSelection> selections = new ArrayList<>();
        private final Map<String, String> entityColumns = new HashMap<>();
        private Knowledge knowledge = Knowledge.LATEST;
        private @Nullable Instant knownAt;
        private boolean qualifiedNames;

        private Builder(Table rows, String predictionTime) {
            this.rows = Objects.requireNonNull(rows, "rows");
            this.predictionTime = Objects.requireNonNull(predictionTime, "predictionTime");
        }

        /**
         * @param selection features of one group to attach; a group may appear once
         * @return this builder
         * @throws IllegalArgumentException if the group was already selected
         */
        public Builder features(FeatureSelection selection) {
            Objects.requireNonNull(selection, "selection");
            for (FeatureSelection earlier : selections) {
                if (earlier.group().equals(selection.group())) {
                    throw new IllegalArgumentException("group '" + selection.group() + "' is selected twice in one join");
                }
            }
            selections.add(selection);
            return this;
        }

        /**
         * @param group a selected group
         * @param column the rows' column holding that group's entity key
         * @return this builder
         */
        public Builder entityColumn(String group, String column) {
            entityColumns.put(FeatureNames.check("feature group", group), Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * Sees only records written by a fixed time, such as the bound an earlier join's lineage recorded.
         *
         * @param writeTime the write-time bound, inclusive
         * @return this builder
         */
        public Builder knownAt(Instant writeTime) {
            this.knownAt = Objects.requireNonNull(writeTime, "writeTime");
            this.knowledge = Knowledge.AS_OF;
            return this;
        }

        /**
         * Sees, for each row, only records written by its prediction time, among those the store
         * knows when the join runs (its latest write is the cap, recorded in the lineage as
         * {@code VERSION@CAP/prediction-time}).
         *
         * @return this builder
         */
        public Builder knownAtPredictionTime() {
            this.knownAt = null;
            this.knowledge = Knowledge.PREDICTION_TIME;
            return this;
        }

        /**
         * Sees, for each row, only records written by the earlier of its prediction time and
         * {@code cap}: the cap an earlier prediction-time join's lineage recorded reproduces it,
         * whatever was written since.
         *
         * @param cap the write-time cap, inclusive
         * @return this builder
         */
        public Builder knownAtPredictionTime(Instant cap) {
            this.knownAt = Objects.requireNonNull(cap, "cap");
            this.knowledge = Knowledge.PREDICTION_TIME;
            return this;
        }

        /**
         * Names feature columns {@code GROUP.FEATURE}, for groups sharing feature names.
         *
         * @return this builder
         */
        public Builder qualifiedNames() {
            this.qualifiedNames = true;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException if no group is selected, or an entity column is mapped
         *     for a group not selected
         */
        public JoinRequest build() {
            if (selections.isEmpty()) {
                throw new IllegalArgumentException("a join needs at least one feature selection");
            }
            for (String group : entityColumns.keySet()) {
                if (selections.stream().noneMatch(selection -> selection.group().equals(group))) {
                    throw new IllegalArgumentException("an entity column is mapped for group '" + group
                            + "', which the join does not select");
                }
            }
            return new JoinRequest(this);
        }
    }
}
