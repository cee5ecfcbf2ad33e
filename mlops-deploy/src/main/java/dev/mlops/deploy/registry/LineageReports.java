package dev.mlops.deploy.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.json.Json;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.train.tracking.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a {@link ModelLineage} as JSON and text, and reads the verdict and rules of a stored gate report. */
final class LineageReports {
    private LineageReports() {
    }

    /**
     * Reads what lineage shows of a registered gate report.
     *
     * @param json the report's JSON, as {@link dev.mlops.deploy.gate.GateReport#toJson()} wrote it
     * @param version the version it belongs to, for messages
     * @return the verdict, reference, rules and failed findings
     */
    static GateSummary gate(String json, String version) {
        DocumentReader report = Documents.parse(json, "the gate report of " + version);
        List<String> failures = new ArrayList<>();
        for (DocumentReader finding : report.objects("results")) {
            if (finding.text("verdict").equals("fail")) {
                failures.add(finding.text("rule") + " [" + finding.text("scope") + "]: " + finding.text("message"));
            }
        }
        return new GateSummary(report.bool("passed", false), report.text("reference"), report.text("referenceRole"),
                report.text("validation"), report.texts("rules"), failures);
    }

    static String json(ModelLineage lineage) {
        ModelVersion version = lineage.version();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("model", version.model());
        document.put("version", version.version());
        document.put("stage", version.stage().label());
        document.put("format", version.format());
        document.put("sha256", version.sha256());
        document.put("size", version.size());
        document.put("author", version.author());
        document.put("registeredAt", version.createdAt().toString());
        document.put("description", version.description());
        document.put("provenance", version.provenance());
        document.put("metrics", version.metrics());
        document.put("lineage", tags(version.lineage()));
        lineage.run().ifPresent(run -> document.put("run", run(run)));
        lineage.gate().ifPresent(gate -> {
            Map<String, Object> written = new LinkedHashMap<>();
            written.put("passed", gate.passed());
            written.put("reference", gate.reference());
            written.put("referenceRole", gate.referenceRole());
            written.put("validation", gate.validation());
            written.put("rules", gate.rules());
            written.put("failures", gate.failures());
            document.put("gate", written);
        });
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (Approval approval : version.approvals()) {
            Map<String, Object> written = new LinkedHashMap<>();
            written.put("principal", approval.principal());
            written.put("at", approval.at().toString());
            written.put("comment", approval.comment());
            written.put("byAuthor", approval.byAuthor());
            approvals.add(written);
        }
        document.put("approvals", approvals);
        List<Map<String, Object>> transitions = new ArrayList<>();
        for (Transition move : lineage.transitions()) {
            Map<String, Object> written = new LinkedHashMap<>();
            move.from().ifPresent(from -> written.put("from", from.label()));
            written.put("to", move.to().label());
            written.put("principal", move.principal());
            written.put("at", move.at().toString());
            written.put("reason", move.reason());
            transitions.add(written);
        }
        document.put("transitions", transitions);
        ObjectNode root = lineage.header().toDocument();
        root.setAll((ObjectNode) Json.toTree(document));
        return Documents.write(root);
    }

    static String text(ModelLineage lineage) {
        ModelVersion version = lineage.version();
        LineageTags tags = version.lineage();
        StringBuilder text = new StringBuilder();
        text.append("model ").append(version).append(" (").append(version.stage().label()).append("), format ")
                .append(version.format()).append(", artifact sha256:").append(version.sha256()).append(", ")
                .append(version.size()).append(" bytes\n");
        text.append("registered ").append(version.createdAt()).append(" by ").append(version.author());
        if (!version.description().isEmpty()) {
            text.append(": ").append(version.description());
        }
        text.append('\n');
        line(text, "build", tags.buildId());
        line(text, "commit", tags.commit());
        line(text, "data", tags.dataFingerprint().map(Fingerprint::sha256));
        line(text, "split", tags.split().map(split -> split
                + tags.splitFingerprint().map(print -> " (held out " + print.sha256() + ")").orElse("")));
        line(text, "run", tags.runId());
        for (LineageInput input : tags.inputs()) {
            text.append("input: ").append(input).append('\n');
        }
        version.provenance().forEach((key, value) -> text.append("provenance: ").append(key).append(" = ").append(value)
                .append('\n'));
        version.metrics().forEach((key, value) -> text.append("metric: ").append(key).append(" = ")
                .append(Double.toString(value)).append('\n'));
        lineage.run().ifPresent(run -> {
            text.append("run ").append(run.id()).append(": experiment ").append(run.info().experiment().name())
                    .append(", name ").append(run.info().name()).append(", ").append(run.info().status().label());
            if (run.info().seed().isPresent()) {
                text.append(", seed ").append(run.info().seed().getAsLong());
            }
            run.info().codeVersion().ifPresent(code -> text.append(", code ").append(code));
            text.append('\n');
            run.params().forEach((key, value) -> text.append("  param ").append(key).append(" = ").append(value)
                    .append('\n'));
            for (LineageInput input : run.inputs()) {
                text.append("  input ").append(input).append('\n');
            }
        });
        lineage.gate().ifPresentOrElse(gate -> {
            text.append("gate ").append(gate.passed() ? "PASSED" : "FAILED").append(" against ")
                    .append(gate.referenceRole()).append(" '").append(gate.reference()).append("' on ")
                    .append(gate.validation()).append('\n');
            for (String rule : gate.rules()) {
                text.append("  rule: ").append(rule).append('\n');
            }
            for (String failure : gate.failures()) {
                text.append("  failed: ").append(failure).append('\n');
            }
        }, () -> text.append("gate: none registered\n"));
        if (version.approvals().isEmpty()) {
            text.append("approvals: none\n");
        }
        for (Approval approval : version.approvals()) {
            text.append("approved ").append(approval.at()).append(" by ").append(approval.principal())
                    .append(approval.byAuthor() ? " (the author)" : "")
                    .append(approval.comment().isEmpty() ? "" : ": " + approval.comment()).append('\n');
        }
        for (Transition move : lineage.transitions()) {
            text.append("moved ").append(move.at()).append(" by ").append(move.principal()).append(": ")
                    .append(move.from().map(Stage::label).orElse("(registered)")).append(" -> ")
                    .append(move.to().label()).append(move.reason().isEmpty() ? "" : " (" + move.reason() + ")")
                    .append('\n');
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, Optional<String> value) {
        value.ifPresent(present -> text.append(label).append(": ").append(present).append('\n'));
    }

    private static Map<String, Object> tags(LineageTags tags) {
        Map<String, Object> written = new LinkedHashMap<>();
        tags.buildId().ifPresent(value -> written.put("buildId", value));
        tags.commit().ifPresent(value -> written.put("commit", value));
        tags.dataFingerprint().ifPresent(value -> written.put("dataFingerprint", value.sha256()));
        tags.runId().ifPresent(value -> written.put("runId", value));
        tags.split().ifPresent(value -> written.put("split", value));
        tags.splitFingerprint().ifPresent(value -> written.put("splitFingerprint", value.sha256()));
        written.put("inputs", inputs(tags.inputs()));
        return written;
    }

    private static List<Map<String, Object>> inputs(List<LineageInput> inputs) {
        List<Map<String, Object>> written = new ArrayList<>();
        for (LineageInput input : inputs) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", input.name());
            entry.put("kind", input.kind());
            input.version().ifPresent(value -> entry.put("version", value));
            input.fingerprint().ifPresent(value -> entry.put("fingerprint", value.sha256()));
            input.from().ifPresent(value -> entry.put("from", value.toString()));
            input.until().ifPresent(value -> entry.put("until", value.toString()));
            written.add(entry);
        }
        return written;
    }

    private static Map<String, Object> run(RunRecord run) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("id", run.id());
        written.put("experiment", run.info().experiment().name());
        written.put("name", run.info().name());
        written.put("status", run.info().status().label());
        run.info().seed().ifPresent(seed -> written.put("seed", seed));
        run.info().codeVersion().ifPresent(code -> written.put("codeVersion", code));
        written.put("user", run.info().user());
        written.put("startTime", run.info().startTime().toString());
        written.put("params", run.params());
        written.put("inputs", inputs(run.inputs()));
        return written;
    }
}
