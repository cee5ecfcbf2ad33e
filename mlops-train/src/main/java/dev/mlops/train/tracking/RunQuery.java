package dev.mlops.train.tracking;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which runs to find, in which order, and how many: answered by the store's indexed tables, not by
 * loading every run.
 *
 * <pre>{@code
 * // the 10 best runs of "credit" by validation AUC among those with lr = 0.1
 * RunQuery best = RunQuery.in("credit").param("lr", "0.1").orderByMetric("val_auc", true).limit(10).build();
 * List<RunRecord> runs = tracking.search(best);
 * }</pre>
 *
 * <p>Conditions combine with "and". Ordering by a metric leaves out runs that never logged it and
 * puts NaN values last; ties, and the default order, go by start time, newest first, then id.
 */
public final class RunQuery {
    /** The most runs a query returns unless it says otherwise. */
    public static final int DEFAULT_LIMIT = 1000;

    /** How a metric condition compares the run's latest value with the query's. */
    public enum Comparison {
        /** {@code <} */
        LESS("<"),
        /** {@code <=} */
        LESS_OR_EQUAL("<="),
        /** {@code =} */
        EQUAL("="),
        /** {@code >=} */
        GREATER_OR_EQUAL(">="),
        /** {@code >} */
        GREATER(">");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** @return the SQL operator */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * A condition on a key and a value.
     *
     * @param key the param or tag key
     * @param value the value it must equal
     */
    public record Equals(String key, String value) {
        /**
         * Checks the fields.
         *
         * @param key the key
         * @param value the value
         */
        public Equals {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A condition on a metric's latest value.
     *
     * @param key the metric key
     * @param comparison how to compare
     * @param value the value to compare with, finite
     */
    public record MetricCondition(String key, Comparison comparison, double value) {
        /**
         * Checks the fields.
         *
         * @param key the metric key
         * @param comparison how to compare
         * @param value finite
         * @throws IllegalArgumentException if the value is not finite
         */
        public MetricCondition {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(comparison, "comparison");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("metric '" + key + "': the value to compare with must be finite but was " + value);
            }
        }
    }

    private final List<String> experiments;
    private final Set<RunStatus> statuses;
    private final List<Equals> params;
    private final List<Equals> tags;
    private final List<MetricCondition> metrics;
    private final @Nullable String orderMetric;
    private final boolean descending;
    private final int limit;

    private RunQuery(Builder builder) {
        this.experiments = List.copyOf(builder.experiments);
        this.statuses = builder.statuses.isEmpty() ? Set.of() : Set.copyOf(builder.statuses);
        this.params = List.copyOf(builder.params);
        this.tags = List.copyOf(builder.tags);
        this.metrics = List.copyOf(builder.metrics);
        this.orderMetric = builder.orderMetric;
        this.descending = builder.descending;
        this.limit = builder.limit;
    }

    /** @return a builder over every experiment */
    public static Builder all() {
        return new Builder();
    }

    /**
     * A builder over one experiment's runs.
     *
     * @param experiment the experiment's name
     * @return the builder
     */
    public static Builder in(String experiment) {
        return new Builder().experiment(experiment);
    }

    /** @return the experiments' names, empty for all */
    public List<String> experiments() {
        return experiments;
    }

    /** @return the statuses allowed, empty for any */
    public Set<RunStatus> statuses() {
        return statuses;
    }

    /** @return the parameter conditions */
    public List<Equals> params() {
        return params;
    }

    /** @return the tag conditions */
    public List<Equals> tags() {
        return tags;
    }

    /** @return the metric conditions */
    public List<MetricCondition> metrics() {
        return metrics;
    }

    /** @return the metric to order by, or empty to order by start time */
    public Optional<String> orderMetric() {
        return Optional.ofNullable(orderMetric);
    }

    /** @return whether the order metric runs from high to low */
    public boolean descending() {
        return descending;
    }

    /** @return the most runs returned */
    public int limit() {
        return limit;
    }

    /** Builds a {@link RunQuery}; not thread-safe. */
    public static final class Builder {
        private final List<String> experiments = new ArrayList<>();
        private final Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
        private final List<Equals> params = new ArrayList<>();
        private final List<Equals> tags = new ArrayList<>();
        private final List<MetricCondition> metrics = new ArrayList<>();
        private @Nullable String orderMetric;
        private boolean descending;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /**
         * Adds an experiment to search (several are searched together).
         *
         * @param name the experiment's name
         * @return this builder
         */
        public Builder experiment(String name) {
            experiments.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Keeps runs with one of the given statuses (called again, adds to them).
         *
         * @param status a status
         * @return this builder
         */
        public Builder status(RunStatus status) {
            statuses.add(Objects.requireNonNull(status, "status"));
            return this;
        }

        /**
         * Keeps runs whose parameter equals a value.
         *
         * @param key the parameter
         * @param value its value
         * @return this builder
         */
        public Builder param(String key, String value) {
            params.add(new Equals(key, value));
            return this;
        }

        /**
         * Keeps runs whose tag equals a value.
         *
         * @param key the tag
         * @param value its value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags.add(new Equals(key, value));
            return this;
        }

        /**
         * Keeps runs whose latest metric value compares as stated (runs without the metric are left out).
         *
         * @param key the metric
         * @param comparison how to compare
         * @param value a finite value
         * @return this builder
         */
        public Builder metric(String key, Comparison comparison, double value) {
            metrics.add(new MetricCondition(key, comparison, value));
            return this;
        }

        /**
         * Orders by a metric's latest value.
         *
         * @param key the metric
         * @param highestFirst true for the highest first (an AUC), false for the lowest (a loss)
         * @return this builder
         */
        public Builder orderByMetric(String key, boolean highestFirst) {
            this.orderMetric = Objects.requireNonNull(key, "key");
            this.descending = highestFirst;
            return this;
        }

        /**
         * Sets the most runs returned.
         *
         * @param most at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder limit(int most) {
            if (most < 1) {
                throw new IllegalArgumentException("limit must be at least 1 but was " + most);
            }
            this.limit = most;
            return this;
        }

        /** @return the query */
        public RunQuery build() {
            return new RunQuery(this);
        }
    }
}
