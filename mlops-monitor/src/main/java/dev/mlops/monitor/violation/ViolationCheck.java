package dev.mlops.monitor.violation;

import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.profile.CategoricalProfile;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.NumericProfile;
import dev.mlops.monitor.drift.ColumnDrift;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.Sample;
import dev.mlops.monitor.drift.TableDrift;
import dev.mlops.monitor.drift.TableDriftReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks a current table against a reference — a raw table, or a stored profile with its
 * schema — and reports every {@link ViolationType} it finds. Immutable and thread-safe.
 *
 * <pre>{@code
 * ViolationReport report = ViolationCheck.defaults().check(batch, baseline.profile(), baseline.schema());
 * if (!report.passed()) { ... }
 *
 * ViolationCheck lenient = ViolationCheck.builder()
 *         .unseenCategoryShare(0.05)                        // default 0.01
 *         .completenessDrop(0.10)                           // default 0.05
 *         .severity(ViolationType.EXTRA_COLUMN, Severity.INFO)
 *         .drift(TableDrift.builder().driftSeverity(Severity.WARNING).build())
 *         .build();
 * }</pre>
 *
 * <p>The findings come in this order: the empty window, then for each reference column in order
 * a missing column or a type change, unseen categories, a completeness drop and baseline drift,
 * then the extra columns in the current table's order. A current table with no rows is one
 * {@link ViolationType#EMPTY_WINDOW} finding (beside any missing, extra or changed columns),
 * never an exception.
 */
public final class ViolationCheck {
    /** The default largest share of present values in categories the reference never saw. */
    public static final double DEFAULT_UNSEEN_CATEGORY_SHARE = 0.01;
    /** The default largest fall of completeness (a share of rows: 0.05 is 5 percentage points). */
    public static final double DEFAULT_COMPLETENESS_DROP = 0.05;
    /** How many unseen categories a message names. */
    static final int NAMED_CATEGORIES = 5;

    private final double unseenCategoryShare;
    private final double completenessDrop;
    private final Map<ViolationType, Severity> severities;
    private final TableDrift drift;
    private final Clock clock;

    private ViolationCheck(Builder builder) {
        this.unseenCategoryShare = builder.unseenCategoryShare;
        this.completenessDrop = builder.completenessDrop;
        this.severities = new EnumMap<>(builder.severities);
        this.drift = builder.drift;
        this.clock = builder.clock;
    }

    /** @return the check with every default */
    public static ViolationCheck defaults() {
        return builder().build();
    }

    /** @return a builder with every setting at its default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks a current table against a raw reference table.
     *
     * @param current the current table, such as a window of captured requests
     * @param reference the reference table, such as the training data
     * @return the report, its subject the current table
     */
    public ViolationReport check(Table current, Table reference) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        List<Expected> expected = new ArrayList<>();
        for (Column column : reference.columns()) {
            expected.add(new Expected(column.name(), column.type(), column.sensitive(), reference.rowCount() == 0 ? null
                    : completeness(column), categories(column)));
        }
        TableDriftReport report = current.rowCount() == 0 ? null : drift.compare(current, reference);
        return check(current, expected, report);
    }

    /**
     * Checks a current table against a stored profile, the columns and types read from the profile.
     *
     * @param current the current table
     * @param reference the reference's profile
     * @return the report, its subject the current table
     */
    public ViolationReport check(Table current, DatasetProfile reference) {
        Objects.requireNonNull(reference, "reference");
        List<Field> fields = new ArrayList<>();
        for (ColumnProfile column : reference.columns()) {
            fields.add(new Field(column.name(), column.type(), reference.sensitiveColumns().contains(column.name())));
        }
        return check(current, reference, Schema.of(fields));
    }

    /**
     * Checks a current table against a stored profile and the reference's schema (a baseline's
     * two parts): the schema gives the columns and their types, the profile their statistics; a
     * schema column the profile lacks is checked for presence and type only.
     *
     * @param current the current table
     * @param reference the reference's profile
     * @param schema the reference's schema
     * @return the report, its subject the current table
     */
    public ViolationReport check(Table current, DatasetProfile reference, Schema schema) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(schema, "schema");
        List<Expected> expected = new ArrayList<>();
        for (Field field : schema.fields()) {
            ColumnProfile profile = reference.columns().stream().filter(c -> c.name().equals(field.name())).findFirst()
                    .orElse(null);
            expected.add(new Expected(field.name(), field.type(),
                    field.sensitive() || reference.sensitiveColumns().contains(field.name()),
                    profile == null || profile.count() == 0 ? null : completeness(profile),
                    profile == null ? null : categories(profile)));
        }
        TableDriftReport report = current.rowCount() == 0 ? null : drift.compare(current, reference);
        return check(current, expected, report);
    }

    private ViolationReport check(Table current, List<Expected> expected, @Nullable TableDriftReport driftReport) {
        List<Violation> found = new ArrayList<>();
        boolean empty = current.rowCount() == 0;
        if (empty) {
            found.add(new Violation(ViolationType.EMPTY_WINDOW, Optional.empty(), severity(ViolationType.EMPTY_WINDOW),
                    0, 1, "the current table has no rows: there is nothing to compare with the reference"));
        }
        Map<String, ColumnDrift> drifts = new HashMap<>();
        if (driftReport != null) {
            driftReport.columns().forEach(finding -> drifts.put(finding.column(), finding));
        }
        Set<String> names = new HashSet<>();
        for (Expected column : expected) {
            names.add(column.name());
            OptionalInt index = current.schema().find(column.name());
            if (index.isEmpty()) {
                found.add(violation(ViolationType.MISSING_COLUMN, column.name(), Double.NaN, Double.NaN,
                        "column '" + column.name() + "' (" + typeName(column.type())
                                + ") of the reference is missing from the current table"));
                continue;
            }
            Column now = current.column(index.getAsInt());
            if (!sameType(column.type(), now.type())) {
                found.add(violation(ViolationType.TYPE_CHANGE, column.name(), Double.NaN, Double.NaN,
                        "column '" + column.name() + "' changed type from " + typeName(column.type()) + " to "
                                + typeName(now.type())));
                continue;
            }
            if (empty) {
                continue;
            }
            unseen(column, now).ifPresent(found::add);
            completenessDrop(column, now).ifPresent(found::add);
            ColumnDrift finding = drifts.get(column.name());
            if (finding != null && finding.drift()) {
                DriftResult result = finding.result().orElseThrow();
                double measured = result.rule() == DriftResult.Rule.P_VALUE_BELOW
                        ? result.adjustedPValue().orElseThrow() : result.value();
                found.add(new Violation(ViolationType.BASELINE_DRIFT, Optional.of(column.name()), finding.severity(),
                        measured, result.threshold(), finding.message()));
            }
        }
        for (Column column : current.columns()) {
            if (!names.contains(column.name())) {
                found.add(violation(ViolationType.EXTRA_COLUMN, column.name(), Double.NaN, Double.NaN,
                        "column '" + column.name() + "' (" + typeName(column.type())
                                + ") of the current table is not in the reference"));
            }
        }
        ReportHeader header = driftReport != null ? new ReportHeader(ViolationReport.KIND,
                ViolationReport.FORMAT_VERSION, clock.instant(), driftReport.header().fingerprint())
                : new ReportHeader(ViolationReport.KIND, ViolationReport.FORMAT_VERSION, clock.instant(),
                        Fingerprint.of(current));
        return new ViolationReport(header, current.rowCount(), found, Optional.ofNullable(driftReport));
    }

    private Optional<Violation> unseen(Expected column, Column now) {
        Set<String> known = column.categories();
        if (known == null) {
            return Optional.empty();
        }
        SortedMap<String, Long> counts = counts(now);
        long present = 0;
        long unseen = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            present += entry.getValue();
            if (!known.contains(entry.getKey())) {
                unseen += entry.getValue();
                examples.add(entry.getKey());
            }
        }
        if (present == 0) {
            return Optional.empty();
        }
        double share = (double) unseen / present;
        if (share <= unseenCategoryShare) {
            return Optional.empty();
        }
        String named;
        if (column.sensitive() || now.sensitive()) {
            named = "values not shown: the column is sensitive";
        } else {
            List<String> shown = examples.subList(0, Math.min(NAMED_CATEGORIES, examples.size())).stream()
                    .map(ReadableText::value).toList();
            named = String.join(", ", shown) + (examples.size() > shown.size() ? " and " + (examples.size()
                    - shown.size()) + " more" : "");
        }
        return Optional.of(violation(ViolationType.UNSEEN_CATEGORIES, column.name(), share, unseenCategoryShare,
                String.format(Locale.ROOT, "column '%s': %s of %d present values (%s) are in %d categories the "
                        + "reference never saw (%s), above the threshold %s", column.name(), unseen, present,
                        ReadableText.number(share), examples.size(), named, ReadableText.number(unseenCategoryShare))));
    }

    private Optional<Violation> completenessDrop(Expected column, Column now) {
        Double before = column.completeness();
        if (before == null) {
            return Optional.empty();
        }
        double after = completeness(now);
        double drop = before - after;
        if (!(drop > completenessDrop)) {
            return Optional.empty();
        }
        return Optional.of(violation(ViolationType.COMPLETENESS_DROP, column.name(), drop, completenessDrop,
                "column '" + column.name() + "': completeness fell from " + ReadableText.number(before) + " to "
                        + ReadableText.number(after) + ", a drop of " + ReadableText.number(drop)
                        + ", above the threshold " + ReadableText.number(completenessDrop)));
    }

    private Violation violation(ViolationType type, String column, double measured, double threshold, String message) {
        return new Violation(type, Optional.of(column), severity(type), measured, threshold, message);
    }

    private Severity severity(ViolationType type) {
        return severities.getOrDefault(type, type.defaultSeverity());
    }

    /** Categorical and text count as one type. */
    private static boolean sameType(ColumnType a, ColumnType b) {
        return a == b || textual(a) && textual(b);
    }

    private static boolean textual(ColumnType type) {
        return type == ColumnType.CATEGORICAL || type == ColumnType.TEXT;
    }

    private static String typeName(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The share of a column's rows that are present (and, for numbers, not NaN), of a column with rows. */
    static double completeness(Column column) {
        long missing = column.missingCount();
        if (column instanceof NumericColumn numbers) {
            missing = 0;
            for (int row = 0; row < numbers.size(); row++) {
                if (Double.isNaN(numbers.get(row))) {
                    missing++;
                }
            }
        }
        return 1.0 - (double) missing / column.size();
    }

    private static double completeness(ColumnProfile profile) {
        long missing = profile.missing() + (profile instanceof NumericProfile numbers ? numbers.nan() : 0);
        return 1.0 - (double) missing / profile.count();
    }

    /** @return every category of a categorical, text or boolean column; null for other columns */
    private static @Nullable Set<String> categories(Column column) {
        if (column.type() == ColumnType.NUMERIC || column.type() == ColumnType.TIMESTAMP) {
            return null;
        }
        return Set.copyOf(counts(column).keySet());
    }

    /** @return every category of a profile with exact counts; null for a sketched or non-categorical one */
    private static @Nullable Set<String> categories(ColumnProfile profile) {
        if (profile instanceof CategoricalProfile categories) {
            return categories.exactCounts().map(counts -> Set.copyOf(counts.keySet())).orElse(null);
        }
        return null;
    }

    /** The count of each category of a categorical, text or boolean column. */
    private static SortedMap<String, Long> counts(Column column) {
        return ((Sample.Categorical) Sample.of(column)).counts();
    }

    /** A reference column: its type, whether sensitive, its completeness and categories when known. */
    private record Expected(String name, ColumnType type, boolean sensitive, @Nullable Double completeness,
            @Nullable Set<String> categories) {
    }

    /** Configures a {@link ViolationCheck}. Not thread-safe; {@link #build()} copies the settings. */
    public static final class Builder {
        private double unseenCategoryShare = DEFAULT_UNSEEN_CATEGORY_SHARE;
        private double completenessDrop = DEFAULT_COMPLETENESS_DROP;
        private final Map<ViolationType, Severity> severities = new EnumMap<>(ViolationType.class);
        private TableDrift drift = TableDrift.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param share the largest share of a column's present current values in categories the
         *     reference never saw that is not a violation, in {@code [0, 1)}; default
         *     {@value ViolationCheck#DEFAULT_UNSEEN_CATEGORY_SHARE}
         * @return this builder
         * @throws IllegalArgumentException if {@code share} is not in {@code [0, 1)}
         */
        public Builder unseenCategoryShare(double share) {
            if (!(share >= 0.0 && share < 1.0)) {
                throw new IllegalArgumentException("unseenCategoryShare must be in [0, 1) but was " + share);
            }
            this.unseenCategoryShare = share;
            return this;
        }

        /**
         * @param drop the largest fall of a column's completeness (its share of present values)
         *     that is not a violation, in {@code [0, 1)}; default
         *     {@value ViolationCheck#DEFAULT_COMPLETENESS_DROP}
         * @return this builder
         * @throws IllegalArgumentException if {@code drop} is not in {@code [0, 1)}
         */
        public Builder completenessDrop(double drop) {
            if (!(drop >= 0.0 && drop < 1.0)) {
                throw new IllegalArgumentException("completenessDrop must be in [0, 1) but was " + drop);
            }
            this.completenessDrop = drop;
            return this;
        }

        /**
         * @param type a type of violation other than {@link ViolationType#BASELINE_DRIFT}, whose
         *     severity is the drift analysis's ({@link TableDrift.Builder#driftSeverity})
         * @param severity the severity its findings get instead of {@link ViolationType#defaultSeverity()}
         * @return this builder
         * @throws IllegalArgumentException if {@code type} is {@link ViolationType#BASELINE_DRIFT}
         */
        public Builder severity(ViolationType type, Severity severity) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(severity, "severity");
            if (type == ViolationType.BASELINE_DRIFT) {
                throw new IllegalArgumentException("the severity of baseline-drift is the drift analysis's: set it "
                        + "with TableDrift.builder().driftSeverity(...) and pass that to drift(...)");
            }
            severities.put(type, severity);
            return this;
        }

        /**
         * @param drift the drift analysis whose drifted columns are baseline drift; default
         *     {@link TableDrift#defaults()}
         * @return this builder
         */
        public Builder drift(TableDrift drift) {
            this.drift = Objects.requireNonNull(drift, "drift");
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

        /** @return the configured check */
        public ViolationCheck build() {
            return new ViolationCheck(this);
        }
    }
}
