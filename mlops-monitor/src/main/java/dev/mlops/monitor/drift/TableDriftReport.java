package dev.mlops.monitor.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link TableDrift} found, in the report envelope every mlops-java report shares
 * ({@link ReportHeader}: kind {@value #KIND}, format version, creation time, the current table's
 * fingerprint): one {@link ColumnDrift} per reference column, in the reference's order. Immutable
 * and thread-safe.
 *
 * <p>The report passes when no finding is of {@link Severity#ERROR}: no column drifted at error
 * severity, none is missing and none changed type.
 *
 * @param header kind {@value #KIND}, format version, creation time, the current table's fingerprint
 * @param referenceKind whether the reference was a raw table or a stored profile
 * @param referenceRows how many rows the reference has
 * @param currentRows how many rows the current table has
 * @param correction the correction of the tests' p-values across the compared columns
 * @param columns one finding per reference column, in the reference's order, unmodifiable
 */
public record TableDriftReport(ReportHeader header, ReferenceKind referenceKind, long referenceRows,
        long currentRows, Correction correction, List<ColumnDrift> columns) {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "drift-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /** What the current table was compared with. */
    public enum ReferenceKind {
        /** A raw table, such as the training data. */
        TABLE,
        /** A stored {@link dev.mlops.data.profile.DatasetProfile}, such as a baseline. */
        PROFILE;

        /** @return the lower-case name used in JSON */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Copies the findings.
     *
     * @param header kind {@value #KIND}, format version, creation time, the current table's fingerprint
     * @param referenceKind whether the reference was a raw table or a stored profile
     * @param referenceRows how many rows the reference has, 0 or more
     * @param currentRows how many rows the current table has, 0 or more
     * @param correction the correction of the tests' p-values
     * @param columns one finding per reference column
     * @throws IllegalArgumentException if a row count is negative
     */
    public TableDriftReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(referenceKind, "referenceKind");
        Objects.requireNonNull(correction, "correction");
        columns = List.copyOf(columns);
        if (referenceRows < 0 || currentRows < 0) {
            throw new IllegalArgumentException("row counts must not be negative but were referenceRows "
                    + referenceRows + " and currentRows " + currentRows);
        }
    }

    /** @return true if no finding is of error severity */
    public boolean passed() {
        return columns.stream().noneMatch(c -> c.severity() == Severity.ERROR);
    }

    /** @return the findings of error severity, in column order */
    public List<ColumnDrift> errors() {
        return withSeverity(Severity.ERROR);
    }

    /** @return the findings of warning severity, in column order */
    public List<ColumnDrift> warnings() {
        return withSeverity(Severity.WARNING);
    }

    /** @return the columns that drifted, in column order */
    public List<ColumnDrift> drifted() {
        return columns.stream().filter(ColumnDrift::drift).toList();
    }

    /**
     * Returns the finding of a column.
     *
     * @param name a reference column's name
     * @return its finding
     * @throws IllegalArgumentException if the reference has no such column; the message lists the names
     */
    public ColumnDrift column(String name) {
        for (ColumnDrift column : columns) {
            if (column.column().equals(name)) {
                return column;
            }
        }
        throw new IllegalArgumentException("no column named '" + name + "' in the drift report; the columns are: "
                + String.join(", ", columns.stream().map(ColumnDrift::column).toList()));
    }

    private List<ColumnDrift> withSeverity(Severity severity) {
        return columns.stream().filter(c -> c.severity() == severity).toList();
    }

    /**
     * Returns the report as a JSON document (keys sorted): the header's {@code kind},
     * {@code formatVersion}, {@code createdAt} and {@code fingerprint}; {@code reference}
     * ({@code "table"} or {@code "profile"}), {@code referenceRows}, {@code currentRows},
     * {@code correction} (statsmodels' name: {@code "fdr_bh"}, {@code "holm"}, {@code "none"}),
     * {@code passed}, the counts {@code drifted}, {@code errors} and {@code warnings}; and
     * {@code columns}, each with {@code column}, {@code status} ({@code "drift"},
     * {@code "no-drift"}, {@code "not-compared"}, {@code "missing"}, {@code "type-changed"}),
     * {@code severity}, {@code message}, and when compared {@code detector} (its spec),
     * {@code statistic}, {@code value}, {@code pValue} and {@code adjustedPValue} (tests only),
     * {@code pValueKind} ({@code "exact"}, {@code "approximate"}, {@code "absent"}), {@code method},
     * {@code rule}, {@code threshold}, {@code drift}, {@code currentSize}, {@code referenceSize},
     * {@code referenceError} and {@code histogram} ({@code kind}, {@code labels}, {@code edges},
     * {@code reference}, {@code current}, {@code other}, {@code referenceError}). Non-finite
     * numbers are the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("reference", referenceKind.label());
        document.put("referenceRows", referenceRows);
        document.put("currentRows", currentRows);
        document.put("correction", correction.toString());
        document.put("passed", passed());
        document.put("drifted", drifted().size());
        document.put("errors", errors().size());
        document.put("warnings", warnings().size());
        List<Map<String, Object>> written = new ArrayList<>(columns.size());
        for (ColumnDrift column : columns) {
            written.add(entry(column));
        }
        document.put("columns", written);
        ObjectNode root = header.toDocument();
        root.setAll((ObjectNode) Json.toTree(document));
        return Documents.write(root);
    }

    private static Map<String, Object> entry(ColumnDrift column) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("column", column.column());
        entry.put("status", column.status().label());
        entry.put("severity", column.severity().label());
        entry.put("message", column.message());
        column.detector().ifPresent(spec -> entry.put("detector", spec.toJson()));
        column.result().ifPresent(result -> {
            entry.put("statistic", result.statistic());
            entry.put("value", result.value());
            result.pValue().ifPresent(p -> entry.put("pValue", p));
            result.adjustedPValue().ifPresent(p -> entry.put("adjustedPValue", p));
            entry.put("pValueKind", result.pValueKind().name().toLowerCase(Locale.ROOT));
            entry.put("method", result.method().name().toLowerCase(Locale.ROOT));
            entry.put("rule", result.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            entry.put("threshold", result.threshold());
            entry.put("drift", result.drift());
            entry.put("currentSize", result.currentSize());
            entry.put("referenceSize", result.referenceSize());
            entry.put("referenceError", result.referenceError());
        });
        column.histogram().ifPresent(histogram -> {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("kind", histogram.kind().name().toLowerCase(Locale.ROOT));
            chart.put("labels", histogram.labels());
            chart.put("edges", histogram.edges());
            chart.put("reference", histogram.reference());
            chart.put("current", histogram.current());
            chart.put("other", histogram.other());
            chart.put("referenceError", histogram.referenceError());
            entry.put("histogram", chart);
        });
        return entry;
    }

    /**
     * Returns the report as text: a verdict line with the counts, a line with the reference, the
     * current table and the time, then one line per column (severity, status, message).
     *
     * @return the text, lines ending in {@code '\n'}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        int errors = errors().size();
        int warnings = warnings().size();
        text.append(String.format(Locale.ROOT, "drift report: %s (%d of %d columns drifted, %d error%s, %d warning%s)\n",
                passed() ? "passed" : "FAILED", drifted().size(), columns.size(), errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s"));
        text.append(String.format(Locale.ROOT, "reference %s of %d rows, current table %s of %d rows, p-values "
                + "corrected by %s, created %s\n", referenceKind.label(), referenceRows, header.fingerprint(),
                currentRows, correction, header.createdAt()));
        for (ColumnDrift column : columns) {
            text.append(String.format(Locale.ROOT, "%-7s %-12s %s\n", column.severity().label(),
                    column.status().label(), column.message()));
        }
        return text.toString();
    }
}
