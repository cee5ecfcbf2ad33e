package dev.mlops.monitor.violation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.monitor.drift.TableDriftReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ViolationCheck} found, in the report envelope every mlops-java report shares
 * ({@link ReportHeader}: kind {@value #KIND}, format version, creation time, the current table's
 * fingerprint). Immutable and thread-safe.
 *
 * <p>The report passes when no violation is of {@link Severity#ERROR}.
 *
 * @param header kind {@value #KIND}, format version, creation time, the current table's fingerprint
 * @param rowCount how many rows the current table has
 * @param violations the findings, in the order {@link ViolationCheck} documents, unmodifiable
 * @param drift the drift analysis the baseline-drift findings come from, with each column's
 *     histogram; empty for a window with no rows
 */
public record ViolationReport(ReportHeader header, long rowCount, List<Violation> violations,
        Optional<TableDriftReport> drift) {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "violation-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Copies the findings.
     *
     * @param header kind {@value #KIND}, format version, creation time, the current table's fingerprint
     * @param rowCount how many rows the current table has, 0 or more
     * @param violations the findings
     * @param drift the drift analysis; empty for a window with no rows
     * @throws IllegalArgumentException if {@code rowCount} is negative
     */
    public ViolationReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(drift, "drift");
        violations = List.copyOf(violations);
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative but was " + rowCount);
        }
    }

    /** @return true if no violation is of error severity */
    public boolean passed() {
        return errors().isEmpty();
    }

    /** @return the violations of error severity, in report order */
    public List<Violation> errors() {
        return violations.stream().filter(v -> v.severity() == Severity.ERROR).toList();
    }

    /** @return the violations of warning severity, in report order */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> v.severity() == Severity.WARNING).toList();
    }

    /**
     * @param type a type of violation
     * @return the violations of that type, in report order
     */
    public List<Violation> ofType(ViolationType type) {
        Objects.requireNonNull(type, "type");
        return violations.stream().filter(v -> v.type() == type).toList();
    }

    /**
     * Returns the report as a JSON document (keys sorted): the header's {@code kind},
     * {@code formatVersion}, {@code createdAt} and {@code fingerprint}; {@code rowCount},
     * {@code passed}, the counts {@code errors} and {@code warnings}; and {@code violations}, each
     * with {@code type} (such as {@code "missing-column"}), {@code column} (absent for the whole
     * table), {@code severity}, {@code measured}, {@code threshold} and {@code message}. Non-finite
     * numbers are the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("rowCount", rowCount);
        document.put("passed", passed());
        document.put("errors", errors().size());
        document.put("warnings", warnings().size());
        List<Map<String, Object>> written = new ArrayList<>(violations.size());
        for (Violation violation : violations) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", violation.type().label());
            violation.column().ifPresent(column -> entry.put("column", column));
            entry.put("severity", violation.severity().label());
            entry.put("measured", violation.measured());
            entry.put("threshold", violation.threshold());
            entry.put("message", violation.message());
            written.add(entry);
        }
        document.put("violations", written);
        ObjectNode root = header.toDocument();
        root.setAll((ObjectNode) Json.toTree(document));
        return Documents.write(root);
    }

    /**
     * Returns the report as text: a verdict line with the counts, then one line per violation
     * (severity, type, message).
     *
     * @return the text, lines ending in {@code '\n'}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        int errors = errors().size();
        int warnings = warnings().size();
        text.append(String.format(Locale.ROOT, "violation report: %s (%d violation%s, %d error%s, %d warning%s), "
                + "table %s of %d rows, created %s\n", passed() ? "passed" : "FAILED", violations.size(),
                violations.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                header.fingerprint(), rowCount, header.createdAt()));
        for (Violation violation : violations) {
            text.append(String.format(Locale.ROOT, "%-7s %-18s %s\n", violation.severity().label(),
                    violation.type().label(), violation.message()));
        }
        return text.toString();
    }
}
