package dev.mlops.data.leakage;

import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link Split} of a table for leakage between its sets, and returns a
 * {@link LeakageReport}; it reports what it finds and never throws for it (call
 * {@link LeakageReport#requirePassed()} to enforce).
 *
 * <p>The checks, each one {@link Finding} (or one per feature), in this order:
 * <table>
 *   <caption>The checks and their severities</caption>
 *   <tr><th>check</th><th>runs</th><th>finds</th><th>severity</th></tr>
 *   <tr><td>{@code exact-duplicates}</td><td>always</td><td>rows equal, over the duplicate
 *       columns, to a row of another set (missing equals missing, NaN equals NaN, a missing
 *       value never equals NaN); duplicates within one set are counted in the message only; INFO
 *       with the measured value NaN when the default columns leave none to compare</td>
 *       <td>ERROR, else INFO</td></tr>
 *   <tr><td>{@code shared-ids}</td><td>with {@link Builder#idColumn}</td><td>ids (not missing) in
 *       more than one set</td><td>ERROR, else INFO</td></tr>
 *   <tr><td>{@code class-distribution}</td><td>with {@link Builder#labelColumn}</td><td>a
 *       chi-square test of independence of class and set (no continuity correction) with a
 *       p-value below alpha</td><td>WARNING, else INFO (also INFO when fewer than two sets or
 *       classes have rows, with the measured value NaN)</td></tr>
 *   <tr><td>{@code near-duplicates}</td><td>with {@link Builder#nearDuplicates}</td><td>rows that
 *       equal a row of another set after normalization but not exactly</td><td>WARNING, else
 *       INFO</td></tr>
 *   <tr><td>{@code feature-availability}</td><td>with {@link Builder#availability}, one finding
 *       per feature</td><td>rows whose feature value became known after the row's prediction
 *       time</td><td>ERROR, else INFO</td></tr>
 * </table>
 *
 * <p>Only rows in a set take part; rows a temporal gap excluded do not. Immutable and
 * thread-safe; {@link #run} may be called concurrently.
 */
public final class LeakageCheck {
    /** The default bound on examples per finding, and on rows per example. */
    public static final int DEFAULT_SAMPLE_SIZE = 20;
    /** The default significance level of the class-distribution test. */
    public static final double DEFAULT_ALPHA = 0.01;

    private final @Nullable List<String> duplicateColumns;
    private final @Nullable String idColumn;
    private final @Nullable String labelColumn;
    private final double alpha;
    private final @Nullable NearDuplicates nearDuplicates;
    private final @Nullable String predictionTimeColumn;
    private final Map<String, String> knownAtColumns;
    private final int sampleSize;
    private final Clock clock;

    private LeakageCheck(Builder builder) {
        this.duplicateColumns = builder.duplicateColumns;
        this.idColumn = builder.idColumn;
        this.labelColumn = builder.labelColumn;
        this.alpha = builder.alpha;
        this.nearDuplicates = builder.nearDuplicates;
        this.predictionTimeColumn = builder.predictionTimeColumn;
        this.knownAtColumns = builder.knownAtColumns;
        this.sampleSize = builder.sampleSize;
        this.clock = builder.clock;
    }

    /** @return a builder with exact duplicates over all columns and no other check */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a check of exact duplicates over all columns only, stamped by the UTC system clock */
    public static LeakageCheck exactDuplicates() {
        return builder().build();
    }

    /**
     * Runs the checks.
     *
     * @param table the table that was split
     * @param split its split
     * @return the report, stamped by the clock, with the split's table fingerprint
     * @throws IllegalArgumentException if the table is not the one that was split (by row count
     *     and fingerprint)
     * @throws dev.mlops.core.SchemaException if a configured column is absent from the table, or
     *     a time column is not a timestamp column
     */
    public LeakageReport run(Table table, Split split) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(split, "split");
        if (table.rowCount() != split.rowCount()) {
            throw new IllegalArgumentException("table has " + table.rowCount() + " rows but the split was made for "
                    + split.rowCount() + " rows");
        }
        Fingerprint fingerprint = Fingerprint.of(table);
        if (!fingerprint.equals(split.fingerprint())) {
            throw new IllegalArgumentException("table has fingerprint " + fingerprint + " but the split was made for "
                    + "a table with fingerprint " + split.fingerprint() + "; pass the table that was split");
        }
        return run(table, SetIndex.of(split), fingerprint);
    }

    /**
     * Runs the checks on sets made elsewhere, each its own table (a train and a test file that
     * another tool wrote, say), without a {@link Split}: the tables, which must have the same
     * columns, are joined in the map's iteration order into one table whose rows the sets are,
     * and the checks run on it as {@link #run(Table, Split)} runs them on a split.
     *
     * @param sets the sets by name, at least two, in the order the report lists them (a
     *     {@link java.util.LinkedHashMap} keeps it); each table has rows, and all have the same
     *     columns (names and types, in order)
     * @return the report, stamped by the clock, with the {@link Fingerprint} of the joined table;
     *     an example's {@link SetRow#row()} is the 0-based row of its set's own table
     * @throws IllegalArgumentException if there are fewer than two sets, a name is blank, or a
     *     table has no rows
     * @throws dev.mlops.core.SchemaException if a table's columns differ from the first table's
     *     (the message names the set and the first column that differs), or as {@link #run(Table, Split)}
     */
    public LeakageReport run(Map<String, Table> sets) {
        JoinedSets joined = JoinedSets.of(sets);
        return run(joined.table(), joined.index(), Fingerprint.of(joined.table()));
    }

    private LeakageReport run(Table table, SetIndex sets, Fingerprint fingerprint) {
        List<Finding> findings = new ArrayList<>();
        List<String> columns = duplicateColumns(table);
        if (columns.isEmpty()) {
            findings.add(new Finding(DuplicateChecks.EXACT, Severity.INFO, "no exact-duplicate test: every column of "
                    + table.schema().names() + " is the label or the id, and duplicateColumns was not set",
                    Double.NaN, 0, List.of()));
        } else {
            findings.add(DuplicateChecks.exact(table, columns, sets, sampleSize));
        }
        if (idColumn != null) {
            findings.add(DuplicateChecks.sharedIds(table, idColumn, sets, sampleSize));
        }
        if (labelColumn != null) {
            findings.add(ClassDistribution.check(table.column(labelColumn), sets, alpha));
        }
        if (nearDuplicates != null) {
            findings.add(DuplicateChecks.near(table, nearDuplicates, sets, sampleSize));
        }
        if (predictionTimeColumn != null) {
            for (Map.Entry<String, String> feature : knownAtColumns.entrySet()) {
                findings.add(Availability.check(table, feature.getKey(), feature.getValue(), predictionTimeColumn,
                        sets, sampleSize));
            }
        }
        return new LeakageReport(clock.instant(), fingerprint, findings);
    }

    private List<String> duplicateColumns(Table table) {
        if (duplicateColumns != null) {
            return duplicateColumns;
        }
        List<String> columns = new ArrayList<>(table.schema().names());
        columns.remove(idColumn);
        columns.remove(labelColumn);
        return columns;
    }

    /** @return the duplicate columns given, or empty for every column except the label and id */
    public Optional<List<String>> duplicateColumns() {
        return Optional.ofNullable(duplicateColumns);
    }

    /** @return the id column, if the shared-id check runs */
    public Optional<String> idColumn() {
        return Optional.ofNullable(idColumn);
    }

    /** @return the label column, if the class-distribution check runs */
    public Optional<String> labelColumn() {
        return Optional.ofNullable(labelColumn);
    }

    /** @return the significance level of the class-distribution test */
    public double classDistributionAlpha() {
        return alpha;
    }

    /** @return the near-duplicate method, if that check runs */
    public Optional<NearDuplicates> nearDuplicates() {
        return Optional.ofNullable(nearDuplicates);
    }

    /** @return the bound on examples per finding and on rows per example */
    public int sampleSize() {
        return sampleSize;
    }

    static List<String> requireColumns(List<String> columns, String argument) {
        Objects.requireNonNull(columns, argument);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(argument + " must not be empty but was " + columns);
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException(argument + " must not name a column twice but was " + columns);
        }
        for (String column : columns) {
            requireName(column, argument);
        }
        return List.copyOf(columns);
    }

    static String requireName(@Nullable String column, String argument) {
        Objects.requireNonNull(column, argument);
        if (column.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be blank but was '" + column + "'");
        }
        return column;
    }

    /** Configures a {@link LeakageCheck}; not thread-safe. */
    public static final class Builder {
        private @Nullable List<String> duplicateColumns;
        private @Nullable String idColumn;
        private @Nullable String labelColumn;
        private double alpha = DEFAULT_ALPHA;
        private @Nullable NearDuplicates nearDuplicates;
        private @Nullable String predictionTimeColumn;
        private Map<String, String> knownAtColumns = Map.of();
        private int sampleSize = DEFAULT_SAMPLE_SIZE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the columns whose values make two rows exact duplicates; by default every column
         * except the label and the id.
         *
         * @param columns the columns, not empty, no name twice
         * @return this builder
         * @throws IllegalArgumentException if the list is empty, repeats a name or holds a blank one
         */
        public Builder duplicateColumns(List<String> columns) {
            this.duplicateColumns = requireColumns(columns, "duplicateColumns");
            return this;
        }

        /**
         * Turns on the shared-id check over an id column of any type.
         *
         * @param column the id column
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder idColumn(String column) {
            this.idColumn = requireName(column, "idColumn");
            return this;
        }

        /**
         * Turns on the class-distribution check over a label column of any type (classes are the
         * values' text; missing labels are left out and counted in the message).
         *
         * @param column the label column
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder labelColumn(String column) {
            this.labelColumn = requireName(column, "labelColumn");
            return this;
        }

        /**
         * Sets the significance level below which the class distributions are said to differ.
         *
         * @param alpha the level, strictly between 0 and 1; default {@value LeakageCheck#DEFAULT_ALPHA}
         * @return this builder
         * @throws IllegalArgumentException if alpha is not strictly between 0 and 1
         */
        public Builder classDistributionAlpha(double alpha) {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("classDistributionAlpha must be strictly between 0 and 1 but was "
                        + alpha);
            }
            this.alpha = alpha;
            return this;
        }

        /**
         * Turns on the near-duplicate check.
         *
         * @param method the method and its columns, such as {@link NearDuplicates#roundedKey}
         * @return this builder
         */
        public Builder nearDuplicates(NearDuplicates method) {
            this.nearDuplicates = Objects.requireNonNull(method, "nearDuplicates");
            return this;
        }

        /**
         * Turns on the feature-availability check: a row leaks a feature when the feature's value
         * is present and its known-at time is strictly after the row's prediction time. Rows with
         * a missing prediction or known-at time are not judged and are counted in the message.
         *
         * @param predictionTimeColumn the timestamp column of each row's prediction time
         * @param knownAtColumns feature column to the timestamp column of when its value became
         *     known; checked, and reported, in the map's iteration order
         * @return this builder
         * @throws IllegalArgumentException if a name is blank or the map is empty
         */
        public Builder availability(String predictionTimeColumn, Map<String, String> knownAtColumns) {
            String prediction = requireName(predictionTimeColumn, "predictionTimeColumn");
            Objects.requireNonNull(knownAtColumns, "knownAtColumns");
            if (knownAtColumns.isEmpty()) {
                throw new IllegalArgumentException("knownAtColumns must not be empty but was " + knownAtColumns);
            }
            Map<String, String> copy = new LinkedHashMap<>();
            knownAtColumns.forEach((feature, knownAt) -> copy.put(requireName(feature, "knownAtColumns key"),
                    requireName(knownAt, "knownAtColumns value")));
            this.predictionTimeColumn = prediction;
            this.knownAtColumns = Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * Sets the bound on examples per finding and on rows listed per example.
         *
         * @param size the bound, at least 1; default {@value LeakageCheck#DEFAULT_SAMPLE_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if the size is below 1
         */
        public Builder sampleSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("sampleSize must be at least 1 but was " + size);
            }
            this.sampleSize = size;
            return this;
        }

        /**
         * Sets the clock that stamps reports' creation time.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the check */
        public LeakageCheck build() {
            return new LeakageCheck(this);
        }
    }

    /**
     * Which set each row is in, the rows in any set, and each set's first row, which an example's
     * row counts from: 0 for a split's sets (rows of the whole table), the row where its table
     * starts for joined tables (rows of the set's own table).
     */
    record SetIndex(List<String> names, int[] setOf, int[] rows, int[] firstRows) {
        static SetIndex of(Split split) {
            int[] setOf = new int[split.rowCount()];
            Arrays.fill(setOf, -1);
            List<String> names = split.setNames();
            int count = 0;
            for (int s = 0; s < names.size(); s++) {
                for (int row : split.rows(names.get(s))) {
                    setOf[row] = s;
                    count++;
                }
            }
            int[] rows = new int[count];
            int next = 0;
            for (int row = 0; row < setOf.length; row++) {
                if (setOf[row] >= 0) {
                    rows[next++] = row;
                }
            }
            return new SetIndex(names, setOf, rows, new int[names.size()]);
        }

        String nameOf(int row) {
            return names.get(setOf[row]);
        }

        SetRow at(int row) {
            return new SetRow(nameOf(row), row - firstRows[setOf[row]]);
        }
    }
}
