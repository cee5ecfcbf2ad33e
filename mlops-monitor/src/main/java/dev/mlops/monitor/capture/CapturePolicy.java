package dev.mlops.monitor.capture;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CaptureWriter} keeps: which inferences are sampled and what happens to the
 * columns a {@link Schema} marks sensitive.
 *
 * <pre>{@code
 * CapturePolicy policy = CapturePolicy.builder(schema)
 *         .samplingPercentage(10.0)
 *         .seed(Seed.of(7))
 *         .sensitive(CapturePolicy.Sensitive.MASK)
 *         .allow("zip_code")
 *         .build();
 * }</pre>
 *
 * <p>Sensitive columns (those whose {@link Field#sensitive()} is set, in input or output rows)
 * are left out ({@link Sensitive#OMIT}, the default) or replaced by the string {@link #MASK}
 * ({@link Sensitive#MASK}), unless {@linkplain Builder#allow(String) allowed} by name. Columns
 * the schema does not name are kept as they are, unless the capturing side marks them sensitive
 * ({@link #apply(Map, Set)}, as an endpoint does for the sensitive features it read from a
 * feature store): those are hidden the same way, and to allow one by name, give the policy a
 * schema that lists it (the feature group's, for instance).
 *
 * <p>Sampling is decided per inference id: a hash of the seed and the id, uniform in [0, 1),
 * is compared with the percentage, so every stage of one inference is kept or dropped together
 * and the same seed keeps the same inferences in every run and process.
 *
 * <p>Immutable and thread-safe.
 */
public final class CapturePolicy {

    /** The value written in place of a masked sensitive value. */
    public static final String MASK = "***";

    /** What happens to a sensitive column that is not allowed. */
    public enum Sensitive {
        /** The column is left out of the captured row. */
        OMIT,
        /** The column is kept with the value {@link CapturePolicy#MASK}. */
        MASK
    }

    private static final double TWO_TO_53 = 0x1p53;

    private final double samplingPercentage;
    private final Seed seed;
    private final Sensitive sensitive;
    private final Set<String> hidden;
    private final Set<String> allowed;

    private CapturePolicy(Builder builder) {
        this.samplingPercentage = builder.samplingPercentage;
        this.seed = builder.seed;
        this.sensitive = builder.sensitive;
        Set<String> names = new LinkedHashSet<>();
        for (Field field : builder.schema.fields()) {
            if (field.sensitive() && !builder.allowed.contains(field.name())) {
                names.add(field.name());
            }
        }
        this.hidden = Collections.unmodifiableSet(names);
        this.allowed = Set.copyOf(builder.allowed);
    }

    /**
     * Starts a policy over the given schema: 100 % sampled, seed 0, sensitive columns left out.
     *
     * @param schema the schema whose sensitive flags apply
     * @return a builder
     */
    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /**
     * Returns a policy that keeps every inference and every column as it is, except columns the
     * capturing side marks sensitive ({@link #apply(Map, Set)}), which are left out: 100 %
     * sampled, seed 0, over an empty schema (so nothing is allowed by name).
     *
     * @return the policy
     */
    public static CapturePolicy keepAll() {
        return builder(Schema.of()).build();
    }

    /**
     * Tells whether the inference with this id is sampled.
     *
     * @param inferenceId the inference id
     * @return true if its records are kept
     * @throws IllegalArgumentException if the id is blank
     */
    public boolean sampled(String inferenceId) {
        Objects.requireNonNull(inferenceId, "inferenceId");
        if (inferenceId.isBlank()) {
            throw new IllegalArgumentException("inferenceId must be non-blank but was \""
                    + inferenceId + "\"");
        }
        // u < 1, so 100 % keeps every id and 0 % none
        double u = (seed.derive(inferenceId).value() >>> 11) / TWO_TO_53;
        return u * 100.0 < samplingPercentage;
    }

    /**
     * Returns the row as it is captured: sensitive columns not allowed are left out or masked.
     *
     * @param row a row, column name to value
     * @return the row to capture; the same instance when nothing changes
     */
    public Map<String, @Nullable Object> apply(Map<String, @Nullable Object> row) {
        return apply(row, Set.of());
    }

    /**
     * Returns the row as it is captured when the capturing side marks some of its columns
     * sensitive: those are hidden as the schema's sensitive columns are, unless allowed by name.
     *
     * @param row a row, column name to value
     * @param marked the names of the row's columns the capturing side marks sensitive
     * @return the row to capture; the same instance when nothing changes
     */
    public Map<String, @Nullable Object> apply(Map<String, @Nullable Object> row, Set<String> marked) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(marked, "marked");
        if (!containsHidden(row, hidden, Set.of()) && !containsHidden(row, marked, allowed)) {
            return row;
        }
        Map<String, @Nullable Object> result = new HashMap<>();
        for (Map.Entry<String, @Nullable Object> entry : row.entrySet()) {
            String name = entry.getKey();
            if (!hidden.contains(name) && (!marked.contains(name) || allowed.contains(name))) {
                result.put(name, entry.getValue());
            } else if (sensitive == Sensitive.MASK) {
                result.put(name, MASK);
            }
        }
        return result;
    }

    private static boolean containsHidden(Map<String, @Nullable Object> row, Set<String> names, Set<String> allowed) {
        for (String name : names) {
            if (row.containsKey(name) && !allowed.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the sampling percentage.
     *
     * @return the percentage of inferences kept, in [0, 100]
     */
    public double samplingPercentage() {
        return samplingPercentage;
    }

    /**
     * Returns the names of the sensitive columns that are left out or masked.
     *
     * @return the names in schema order, unmodifiable
     */
    public Set<String> hiddenColumns() {
        return hidden;
    }

    /**
     * Returns what happens to a hidden column.
     *
     * @return omit or mask
     */
    public Sensitive sensitive() {
        return sensitive;
    }

    @Override
    public String toString() {
        return "CapturePolicy[samplingPercentage=" + samplingPercentage + ", seed="
                + seed.value() + ", sensitive=" + sensitive + ", hidden=" + hidden + "]";
    }

    /** Builds a {@link CapturePolicy}; not thread-safe. */
    public static final class Builder {
        private final Schema schema;
        private final Set<String> allowed = new LinkedHashSet<>();
        private double samplingPercentage = 100.0;
        private Seed seed = Seed.of(0);
        private Sensitive sensitive = Sensitive.OMIT;

        private Builder(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /**
         * Sets the percentage of inferences captured.
         *
         * @param percentage in [0, 100]
         * @return this builder
         * @throws IllegalArgumentException if the percentage is outside [0, 100] or NaN
         */
        public Builder samplingPercentage(double percentage) {
            if (!(percentage >= 0.0 && percentage <= 100.0)) {
                throw new IllegalArgumentException(
                        "samplingPercentage must be in [0, 100] but was " + percentage);
            }
            this.samplingPercentage = percentage;
            return this;
        }

        /**
         * Sets the seed that decides which inference ids are sampled.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(Seed seed) {
            this.seed = Objects.requireNonNull(seed, "seed");
            return this;
        }

        /**
         * Sets what happens to a sensitive column that is not allowed.
         *
         * @param handling omit or mask
         * @return this builder
         */
        public Builder sensitive(Sensitive handling) {
            this.sensitive = Objects.requireNonNull(handling, "handling");
            return this;
        }

        /**
         * Allows a sensitive column to be captured as it is.
         *
         * @param column the name of a column of the schema
         * @return this builder
         * @throws IllegalArgumentException if the schema has no such column
         */
        public Builder allow(String column) {
            Objects.requireNonNull(column, "column");
            if (!schema.contains(column)) {
                throw new IllegalArgumentException("allowed column \"" + column
                        + "\" is not in the schema; expected one of " + schema.names());
            }
            allowed.add(column);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public CapturePolicy build() {
            return new CapturePolicy(this);
        }
    }
}
