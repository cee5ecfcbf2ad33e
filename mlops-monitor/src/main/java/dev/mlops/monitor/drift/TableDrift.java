package dev.mlops.monitor.drift;

import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Drift of a whole table: every column of a reference — a raw {@link Table} or a stored
 * {@link DatasetProfile} (a baseline) — against the same column of a current table, each with
 * its default detector ({@link DriftDetectors#defaultFor}) or the one configured, the p-values of
 * the tests corrected across the columns ({@link Correction#BENJAMINI_HOCHBERG} by default), and
 * per column the shares a chart needs ({@link Histogram}; none for a column marked sensitive on
 * either side, so that no report shows its categories or value ranges). Immutable and thread-safe.
 *
 * <pre>{@code
 * DatasetProfile baseline = DatasetProfile.load(Path.of("train.profile.json"));
 * TableDriftReport report = TableDrift.defaults().compare(batch, baseline);
 * report.drifted().forEach(d -> log.warn(d.message()));
 * String json = report.toJson();           // the shared report envelope
 *
 * TableDrift strict = TableDrift.builder()
 *         .detector(DriftDetectors.psi(0.2, 10))         // for every column
 *         .detector("age", DriftDetectors.ks(0.01))      // for one column
 *         .correction(Correction.HOLM)
 *         .driftSeverity(Severity.WARNING)
 *         .build();
 * }</pre>
 *
 * <p>Each reference column becomes one {@link ColumnDrift}, in the reference's column order:
 * drifted ({@link Builder#driftSeverity the drift severity}, {@link Severity#ERROR} by default),
 * not drifted ({@link Severity#INFO}), missing from the current table or of another kind
 * (numbers against categories; {@link Severity#ERROR}), or not compared with the reason
 * ({@link Severity#WARNING}: too few values, an infinity, a detector that needs the raw reference
 * given a profile; {@link Severity#INFO} for timestamp columns, which are not compared). Numeric
 * columns compare as numbers (NaN as missing), categorical, text and boolean columns as counts
 * of their values. Columns only the current table has are not part of drift (the violations
 * report of {@code dev.mlops.monitor.violation} lists them). A current table with no rows gives a
 * report in which every column is not compared, never an exception.
 *
 * <p>The columns are compared in parallel on the common fork-join pool and the calling thread,
 * while the current table's fingerprint (the report's subject) is computed beside them.
 */
public final class TableDrift {
    /** The number of equal-width bins of a numeric column's histogram by default. */
    public static final int DEFAULT_BINS = 20;
    /** The number of categories a categorical column's histogram shows by default, the rest in one bin. */
    public static final int DEFAULT_CATEGORIES = 20;

    private final @Nullable DriftDetector detector;
    private final Map<String, DriftDetector> byColumn;
    private final Correction correction;
    private final Severity driftSeverity;
    private final int bins;
    private final int categories;
    private final Clock clock;

    private TableDrift(Builder builder) {
        this.detector = builder.detector;
        this.byColumn = Map.copyOf(builder.byColumn);
        this.correction = builder.correction;
        this.driftSeverity = builder.driftSeverity;
        this.bins = builder.bins;
        this.categories = builder.categories;
        this.clock = builder.clock;
    }

    /** @return the analysis with the defaults: default detectors, Benjamini–Hochberg, drift at error severity */
    public static TableDrift defaults() {
        return builder().build();
    }

    /** @return a builder, with every setting at its default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the correction of the tests' p-values across columns */
    public Correction correction() {
        return correction;
    }

    /** @return the severity of a drifted column's finding */
    public Severity driftSeverity() {
        return driftSeverity;
    }

    /**
     * Compares every column of a raw reference table with the current table's.
     *
     * @param current the current table
     * @param reference the reference table, such as the training data
     * @return the report, its subject the current table
     */
    public TableDriftReport compare(Table current, Table reference) {
        return compare(Current.of(current), reference);
    }

    /**
     * Compares every column of a raw reference table with the current data held elsewhere, such
     * as a Spark Dataset; the same report as {@link #compare(Table, Table)} gives for a table of
     * the same columns, samples and fingerprint.
     *
     * @param current the current data: its columns and each column's sample
     * @param reference the reference table, such as the training data
     * @return the report, its subject {@link Current#fingerprint()}
     */
    public TableDriftReport compare(Current current, Table reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        List<Expected> expected = new ArrayList<>();
        for (Column column : reference.columns()) {
            expected.add(new Expected(column.name(), column.type(), reference.rowCount(), column, null,
                    column.sensitive()));
        }
        return compare(current, expected, reference.rowCount(), TableDriftReport.ReferenceKind.TABLE);
    }

    /**
     * Compares every column of a stored profile with the current table's.
     *
     * @param current the current table
     * @param reference the reference's profile, such as a baseline read with {@link DatasetProfile#load}
     * @return the report, its subject the current table
     */
    public TableDriftReport compare(Table current, DatasetProfile reference) {
        return compare(Current.of(current), reference);
    }

    /**
     * Compares every column of a stored profile with the current data held elsewhere, such as a
     * Spark Dataset; the same report as {@link #compare(Table, DatasetProfile)} gives for a table
     * of the same columns, samples and fingerprint.
     *
     * @param current the current data: its columns and each column's sample
     * @param reference the reference's profile, such as a baseline read with {@link DatasetProfile#load}
     * @return the report, its subject {@link Current#fingerprint()}
     */
    public TableDriftReport compare(Current current, DatasetProfile reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        List<Expected> expected = new ArrayList<>();
        for (ColumnProfile column : reference.columns()) {
            expected.add(new Expected(column.name(), column.type(), reference.rowCount(), null, column,
                    reference.sensitiveColumns().contains(column.name())));
        }
        return compare(current, expected, reference.rowCount(), TableDriftReport.ReferenceKind.PROFILE);
    }

    private TableDriftReport compare(Current current, List<Expected> expected, long referenceRows,
            TableDriftReport.ReferenceKind referenceKind) {
        Instant createdAt = clock.instant();
        CompletableFuture<Fingerprint> fingerprint = CompletableFuture.supplyAsync(current::fingerprint,
                ForkJoinPool.commonPool());
        List<ColumnDrift> found = IntStream.range(0, expected.size()).parallel()
                .mapToObj(i -> compare(current, expected.get(i))).toList();
        List<ColumnDrift> columns = corrected(found);
        ReportHeader header = new ReportHeader(TableDriftReport.KIND, TableDriftReport.FORMAT_VERSION, createdAt,
                fingerprint.join());
        return new TableDriftReport(header, referenceKind, referenceRows, current.rowCount(), correction, columns);
    }

    /** One column, before the correction: its result with the unadjusted p-value. */
    private ColumnDrift compare(Current current, Expected expected) {
        String name = expected.name();
        OptionalInt index = current.schema().find(name);
        if (index.isEmpty()) {
            return notCompared(name, ColumnDrift.Status.MISSING, Severity.ERROR,
                    "column '" + name + "' of the reference is missing from the current table");
        }
        Field column = current.schema().field(index.getAsInt());
        Sample.@Nullable Kind kind = kind(expected.type());
        if (kind != kind(column.type())) {
            return notCompared(name, ColumnDrift.Status.TYPE_CHANGED, Severity.ERROR, "column '" + name
                    + "' changed type from " + typeName(expected.type()) + " to " + typeName(column.type()));
        }
        if (kind == null) {
            return notCompared(name, ColumnDrift.Status.NOT_COMPARED, Severity.INFO,
                    "column '" + name + "' holds timestamps, which drift does not compare");
        }
        try {
            Sample sample = current.sample(name);
            Reference reference = expected.raw() != null ? Reference.of(Sample.of(expected.raw()))
                    : Reference.of(Objects.requireNonNull(expected.profile()));
            DriftDetector chosen = detectorFor(name, kind, reference, expected.rows());
            DriftResult result = chosen.detect(sample, reference);
            Optional<Histogram> histogram = column.sensitive() || expected.sensitive() ? Optional.empty()
                    : Charts.of(sample, reference, bins, categories);
            return new ColumnDrift(name, result.drift() ? ColumnDrift.Status.DRIFT : ColumnDrift.Status.NO_DRIFT,
                    Severity.INFO, "", Optional.of(chosen.spec()), Optional.of(result), histogram);
        } catch (IllegalArgumentException e) {
            return notCompared(name, ColumnDrift.Status.NOT_COMPARED, Severity.WARNING,
                    "column '" + name + "' was not compared: " + e.getMessage());
        }
    }

    private DriftDetector detectorFor(String column, Sample.Kind kind, Reference reference, long referenceRows) {
        DriftDetector configured = byColumn.get(column);
        if (configured != null) {
            return configured;
        }
        return detector != null ? detector : DriftDetectors.defaultFor(kind, reference, referenceRows);
    }

    /** Adjusts the tests' p-values across the compared columns and gives each finding its verdict, severity and message. */
    private List<ColumnDrift> corrected(List<ColumnDrift> found) {
        Map<String, DriftResult> results = new LinkedHashMap<>();
        for (ColumnDrift column : found) {
            column.result().ifPresent(result -> results.put(column.column(), result));
        }
        Map<String, DriftResult> adjusted = DriftDetectors.correct(results, correction);
        List<ColumnDrift> columns = new ArrayList<>(found.size());
        for (ColumnDrift column : found) {
            DriftResult result = adjusted.get(column.column());
            if (result == null) {
                columns.add(column);
                continue;
            }
            boolean drift = result.drift();
            columns.add(new ColumnDrift(column.column(), drift ? ColumnDrift.Status.DRIFT : ColumnDrift.Status.NO_DRIFT,
                    drift ? driftSeverity : Severity.INFO, message(column.column(), result), column.detector(),
                    Optional.of(result), column.histogram()));
        }
        return columns;
    }

    /** Such as {@code column 'age': ks p-value 0.001 (adjusted 0.004) < alpha 0.05: drift}. */
    static String message(String column, DriftResult result) {
        String verdict = result.drift() ? "drift" : "no drift";
        if (result.rule() == DriftResult.Rule.P_VALUE_BELOW) {
            double p = result.pValue().getAsDouble();
            String adjusted = result.adjustedPValue().isPresent()
                    ? " (adjusted " + ReadableText.number(result.adjustedPValue().getAsDouble()) + ")" : "";
            return "column '" + column + "': " + result.statistic() + " p-value " + ReadableText.number(p) + adjusted
                    + (result.drift() ? " < " : " >= ") + "alpha " + ReadableText.number(result.threshold()) + ": "
                    + verdict;
        }
        return "column '" + column + "': " + result.statistic() + " " + ReadableText.number(result.value())
                + (result.drift() ? " >= " : " < ") + "threshold " + ReadableText.number(result.threshold()) + ": "
                + verdict;
    }

    private static ColumnDrift notCompared(String column, ColumnDrift.Status status, Severity severity,
            String message) {
        return new ColumnDrift(column, status, severity, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return the kind a column of that type compares as, null for timestamps */
    static Sample.@Nullable Kind kind(ColumnType type) {
        return switch (type) {
            case NUMERIC -> Sample.Kind.NUMERIC;
            case CATEGORICAL, TEXT, BOOLEAN -> Sample.Kind.CATEGORICAL;
            case TIMESTAMP -> null;
        };
    }

    private static String typeName(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The current side of a comparison: its columns and, for each column compared, its
     * {@link Sample}. A {@link Table} is one ({@link #of(Table)}); a Spark Dataset is another,
     * whose samples are computed where its rows live (mlops-spark's {@code SparkDrift}). The
     * report is the same for any two with equal schemas, row counts, samples and fingerprints.
     */
    public interface Current {
        /** @return the current columns: names, types and sensitive marks */
        Schema schema();

        /** @return how many rows the current data has */
        long rowCount();

        /**
         * Returns the content hash the report names as its subject; called once a comparison,
         * beside the columns' samples.
         *
         * @return the fingerprint of the current data
         */
        Fingerprint fingerprint();

        /**
         * Returns one column's sample as {@link Sample#of(Column)} reads a column of that type and
         * those values; called once for each numeric, categorical, text or boolean column the
         * reference shares with {@link #schema()}, possibly from several threads at once.
         *
         * @param column the column's name
         * @return its sample
         * @throws IllegalArgumentException as {@link Sample#of(Column)} does (an infinity in a
         *     numeric column): the column is then reported not compared, with the message
         */
        Sample sample(String column);

        /**
         * @param table the current table
         * @return the table as the current side: its schema, rows, {@link Fingerprint#of(Table)} and columns' samples
         */
        static Current of(Table table) {
            Objects.requireNonNull(table, "current");
            return new Current() {
                @Override
                public Schema schema() {
                    return table.schema();
                }

                @Override
                public long rowCount() {
                    return table.rowCount();
                }

                @Override
                public Fingerprint fingerprint() {
                    return Fingerprint.of(table);
                }

                @Override
                public Sample sample(String column) {
                    return Sample.of(table.column(column));
                }
            };
        }
    }

    /** A reference column: raw, or its profile, and whether it is sensitive. */
    private record Expected(String name, ColumnType type, long rows, @Nullable Column raw,
            @Nullable ColumnProfile profile, boolean sensitive) {
    }

    /**
     * Configures a {@link TableDrift}. Not thread-safe; {@link #build()} copies the settings.
     */
    public static final class Builder {
        private @Nullable DriftDetector detector;
        private final Map<String, DriftDetector> byColumn = new LinkedHashMap<>();
        private Correction correction = Correction.BENJAMINI_HOCHBERG;
        private Severity driftSeverity = Severity.ERROR;
        private int bins = DEFAULT_BINS;
        private int categories = DEFAULT_CATEGORIES;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param detector the detector for every column that has none of its own, instead of the
         *     default by kind and size; a column it cannot compare is reported as not compared
         * @return this builder
         */
        public Builder detector(DriftDetector detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            return this;
        }

        /**
         * @param column a column's name
         * @param detector the detector for that column
         * @return this builder
         */
        public Builder detector(String column, DriftDetector detector) {
            byColumn.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(detector, "detector"));
            return this;
        }

        /**
         * @param correction the correction of the tests' p-values across columns; default
         *     {@link Correction#BENJAMINI_HOCHBERG}
         * @return this builder
         */
        public Builder correction(Correction correction) {
            this.correction = Objects.requireNonNull(correction, "correction");
            return this;
        }

        /**
         * @param severity the severity of a drifted column's finding; default {@link Severity#ERROR}
         * @return this builder
         */
        public Builder driftSeverity(Severity severity) {
            this.driftSeverity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        /**
         * @param bins the number of equal-width bins of a numeric column's histogram, at least 1;
         *     default {@value TableDrift#DEFAULT_BINS}
         * @return this builder
         * @throws IllegalArgumentException if {@code bins} is below 1
         */
        public Builder histogramBins(int bins) {
            if (bins < 1) {
                throw new IllegalArgumentException("histogramBins must be at least 1 but was " + bins);
            }
            this.bins = bins;
            return this;
        }

        /**
         * @param categories how many categories a categorical column's histogram shows, the rest
         *     in one bin, at least 1; default {@value TableDrift#DEFAULT_CATEGORIES}
         * @return this builder
         * @throws IllegalArgumentException if {@code categories} is below 1
         */
        public Builder histogramCategories(int categories) {
            if (categories < 1) {
                throw new IllegalArgumentException("histogramCategories must be at least 1 but was " + categories);
            }
            this.categories = categories;
            return this;
        }

        /**
         * @param clock gives the report's {@code createdAt}; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the configured analysis */
        public TableDrift build() {
            return new TableDrift(this);
        }
    }
}
