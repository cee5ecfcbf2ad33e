package dev.mlops.data.leakage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.text.ReadableText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link LeakageCheck} found in a split, in the report envelope every mlops-java report
 * shares: kind, format version, creation time, the subject's fingerprint and findings.
 *
 * @param createdAt when the check ran, by its clock
 * @param fingerprint the fingerprint of the table that was split
 * @param findings the findings in the order the checks ran, unmodifiable
 */
public record LeakageReport(Instant createdAt, Fingerprint fingerprint, List<Finding> findings) {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "leakage-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
    * Copies the findings.
    *
    * @param createdAt when the check ran, by its clock
    * @param fingerprint the fingerprint of the table that was split
    * @param findings the findings in the order the checks ran, unmodifiable
    */
    public LeakageReport {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(fingerprint, "fingerprint");
        findings = List.copyOf(findings);
    }

    /** @return the report's envelope: its kind, format version, creation time and fingerprint */
    public ReportHeader header() {
        return new ReportHeader(KIND, FORMAT_VERSION, createdAt, fingerprint);
    }

    /** @return true if no finding has {@link Severity#ERROR} */
    public boolean passed() {
        return findings(Severity.ERROR).isEmpty();
    }

    /**
     * Enforces the report, for a pipeline or a test that must stop on leakage.
     *
     * @return this report, when it {@link #passed()}
     * @throws LeakageException if a finding has {@link Severity#ERROR}; the message lists each
     *     such finding's check and message and up to three of its examples
     */
    public LeakageReport requirePassed() {
        List<Finding> errors = findings(Severity.ERROR);
        if (errors.isEmpty()) {
            return this;
        }
        StringBuilder message = new StringBuilder("leakage between the sets of table " + fingerprint + ":");
        for (Finding error : errors) {
            message.append("\n  ").append(error.check()).append(": ").append(error.message());
            for (Example example : error.examples().subList(0, Math.min(3, error.examples().size()))) {
                message.append("\n    ").append(example.rows()).append(": ").append(example.detail());
            }
        }
        throw new LeakageException(message.toString());
    }

    /**
     * Returns the findings of one severity.
     *
     * @param severity the severity
     * @return its findings in report order, unmodifiable
     */
    public List<Finding> findings(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        return findings.stream().filter(finding -> finding.severity() == severity).toList();
    }

    /**
     * Returns the report as a JSON document for people and diffs (the shared
     * {@link dev.mlops.core.json.Json#prettyWriter()}: two-space indentation, keys sorted): {@code kind}
     * ({@code "leakage-report"}), {@code formatVersion} ({@code 1}), {@code createdAt} (ISO-8601),
     * {@code fingerprint}, {@code passed}, and {@code findings}, each with {@code check},
     * {@code severity} ({@code "error"}, {@code "warning"} or {@code "info"}), {@code message},
     * {@code measured}, {@code threshold} (non-finite numbers as the strings {@code "NaN"},
     * {@code "Infinity"}, {@code "-Infinity"}) and {@code examples} (each with {@code detail},
     * {@code rows} of {@code set} and {@code row}, and {@code totalRows}).
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode document = header().toDocument();
        document.put("passed", passed());
        ArrayNode written = document.putArray("findings");
        for (Finding finding : findings) {
            ObjectNode entry = written.addObject();
            entry.put("check", finding.check());
            entry.put("severity", finding.severity().label());
            entry.put("message", finding.message());
            entry.put("measured", finding.measured());
            entry.put("threshold", finding.threshold());
            ArrayNode examples = entry.putArray("examples");
            for (Example example : finding.examples()) {
                ObjectNode node = examples.addObject();
                node.put("detail", example.detail());
                ArrayNode rows = node.putArray("rows");
                for (SetRow row : example.rows()) {
                    rows.addObject().put("set", row.set()).put("row", row.row());
                }
                node.put("totalRows", example.totalRows());
            }
        }
        return Documents.write(document);
    }

    /**
     * Reads a report written by {@link #toJson()} (format version 1); {@code passed} is
     * recomputed from the findings.
     *
     * @param json the JSON text
     * @param source names the text in messages, such as its file
     * @return the report
     * @throws dev.mlops.core.DataFormatException if the text is not JSON; the message names the
     *     source, the line and the character
     * @throws dev.mlops.core.json.DocumentException if it is not such a report; the message names
     *     the source and the field's path, such as {@code findings[1].examples[0]}
     */
    public static LeakageReport fromJson(String json, String source) {
        DocumentReader root = Documents.parse(json, source);
        ReportHeader header = ReportHeader.read(root, KIND, FORMAT_VERSION);
        root.bool("passed", true);
        List<Finding> findings = new ArrayList<>();
        for (DocumentReader finding : root.objects("findings")) {
            findings.add(readFinding(finding));
        }
        root.requireNoOthers();
        return new LeakageReport(header.createdAt(), header.fingerprint(), findings);
    }

    private static Finding readFinding(DocumentReader node) {
        String label = node.text("severity");
        Severity severity;
        try {
            severity = Severity.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        List<Example> examples = new ArrayList<>();
        for (DocumentReader example : node.objects("examples")) {
            List<SetRow> rows = new ArrayList<>();
            for (DocumentReader row : example.objects("rows")) {
                try {
                    rows.add(new SetRow(row.text("set"), row.intValue("row")));
                } catch (IllegalArgumentException e) {
                    throw row.error(e.getMessage());
                }
                row.requireNoOthers();
            }
            try {
                examples.add(new Example(example.text("detail"), rows, example.intValue("totalRows")));
            } catch (IllegalArgumentException e) {
                throw example.error(e.getMessage());
            }
            example.requireNoOthers();
        }
        Finding finding = new Finding(node.text("check"), severity, node.text("message"), node.number("measured"),
                node.number("threshold"), examples);
        node.requireNoOthers();
        return finding;
    }

    /**
     * Returns the report as text: a verdict line, the fingerprint and time, then one line per
     * finding (severity, check, message, measured and threshold) and an indented line per example.
     *
     * @return the text, lines ending in {@code '\n'}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "leakage report: %s (%d error%s, %d warning%s, %d info)\n",
                passed() ? "passed" : "FAILED", findings(Severity.ERROR).size(),
                DuplicateChecks.plural(findings(Severity.ERROR).size()), findings(Severity.WARNING).size(),
                DuplicateChecks.plural(findings(Severity.WARNING).size()), findings(Severity.INFO).size()));
        text.append("table ").append(fingerprint).append(", created ").append(createdAt).append('\n');
        for (Finding finding : findings) {
            text.append(String.format(Locale.ROOT, "%-7s %s: %s (measured %s, threshold %s)\n", finding.severity(),
                    finding.check(), finding.message(), ReadableText.number(finding.measured()), ReadableText.number(finding.threshold())));
            for (Example example : finding.examples()) {
                StringBuilder rows = new StringBuilder();
                for (SetRow row : example.rows()) {
                    rows.append(rows.length() == 0 ? "" : ", ").append(row);
                }
                if (example.totalRows() > example.rows().size()) {
                    rows.append(" and ").append(example.totalRows() - example.rows().size()).append(" more");
                }
                text.append("        ").append(rows).append(": ").append(example.detail()).append('\n');
            }
        }
        return text.toString();
    }
}
