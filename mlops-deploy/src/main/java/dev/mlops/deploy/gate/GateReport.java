package dev.mlops.deploy.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.train.significance.BootstrapInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link QualityGate} found, in the report envelope every mlops-java report shares
 * ({@link ReportHeader}; the fingerprint is the validation set's): each rule's finding on each
 * scope with both models' values, the difference, its bootstrap interval where one exists, and
 * the verdict. The gate passes when no finding failed. Immutable.
 *
 * @param header kind {@value #KIND}, format version, creation time, the validation set's fingerprint
 * @param candidate the candidate model's name
 * @param reference the name of the model compared with
 * @param referenceRole {@value #PRODUCTION}, or {@value #BASELINE} for a first model
 * @param validation the validation set: name, rows and fingerprint
 * @param recent the recent set, if one was given
 * @param rules the gate's rules in words, in order
 * @param results every finding, rule by rule, in order
 */
public record GateReport(ReportHeader header, String candidate, String reference, String referenceRole,
        String validation, Optional<String> recent, List<String> rules, List<RuleResult> results) {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "gate-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;
    /** The reference role of a production model. */
    public static final String PRODUCTION = "production";
    /** The reference role of a baseline, when there is no production model. */
    public static final String BASELINE = "baseline";

    /**
     * Keeps unmodifiable copies.
     *
     * @param header the envelope
     * @param candidate the candidate's name
     * @param reference the reference's name
     * @param referenceRole production or baseline
     * @param validation the validation set
     * @param recent the recent set, if any
     * @param rules the rules in words
     * @param results the findings
     */
    public GateReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(referenceRole, "referenceRole");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(recent, "recent");
        rules = List.copyOf(rules);
        results = List.copyOf(results);
    }

    /** @return true if no finding failed */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** @return the failed findings, in order */
    public List<RuleResult> failures() {
        return results.stream().filter(RuleResult::failed).toList();
    }

    /**
     * Writes the report as a JSON document: the envelope's fields first, then the models, the
     * sets, {@code passed}, the rules and the findings; non-finite numbers as strings.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("candidate", candidate);
        document.put("reference", reference);
        document.put("referenceRole", referenceRole);
        document.put("validation", validation);
        recent.ifPresent(set -> document.put("recent", set));
        document.put("passed", passed());
        document.put("rules", rules);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (RuleResult result : results) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", result.rule());
            entry.put("scope", result.scope());
            entry.put("verdict", result.verdict().label());
            entry.put("candidate", result.candidate());
            entry.put("reference", result.reference());
            entry.put("difference", result.difference());
            BootstrapInterval interval = result.interval();
            if (interval != null) {
                Map<String, Object> written = new LinkedHashMap<>();
                written.put("lower", interval.lower());
                written.put("upper", interval.upper());
                written.put("level", interval.level());
                written.put("resamples", interval.resamples());
                entry.put("interval", written);
            }
            result.pValue().ifPresent(p -> entry.put("pValue", p));
            entry.put("threshold", result.threshold());
            entry.put("message", result.message());
            findings.add(entry);
        }
        document.put("results", findings);
        ObjectNode root = header.toDocument();
        root.setAll((ObjectNode) Json.toTree(document));
        return Documents.write(root);
    }

    /**
     * Writes the report for people: the verdict, the models and sets, then one line per finding.
     *
     * @return the text, lines ending in {@code \n}
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("quality gate ").append(passed() ? "PASSED" : "FAILED").append(": candidate '").append(candidate)
                .append("' against ").append(referenceRole).append(" '").append(reference).append("'\n");
        text.append("validation: ").append(validation).append('\n');
        recent.ifPresent(set -> text.append("recent: ").append(set).append('\n'));
        for (RuleResult result : results) {
            text.append('[').append(result.verdict().label()).append("] ").append(result.rule()).append(" -- ")
                    .append(result.message()).append('\n');
        }
        return text.toString();
    }

    /**
     * Describes the failed findings, one per line, as a test's failure message shows them.
     *
     * @return the failures in words, or {@code "no rule failed"}
     */
    public String describeFailures() {
        List<RuleResult> failed = failures();
        if (failed.isEmpty()) {
            return "no rule failed";
        }
        StringBuilder text = new StringBuilder();
        text.append(failed.size()).append(failed.size() == 1 ? " finding" : " findings").append(" failed:\n");
        for (RuleResult result : failed) {
            text.append("  - ").append(result.rule()).append(": ").append(result.message()).append('\n');
        }
        return text.toString();
    }
}
