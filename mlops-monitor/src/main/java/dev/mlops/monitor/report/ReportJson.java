package dev.mlops.monitor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Supplier;

/** Writes a {@link MonitoringReport} as its JSON document and reads it back. */
final class ReportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportJson() {
        throw new AssertionError("no instances");
    }

    static ObjectNode write(MonitoringReport report) {
        ObjectNode root = Documents.create(MonitoringReport.KIND, MonitoringReport.FORMAT_VERSION);
        root.put("createdAt", report.createdAt().toString());
        root.put("title", report.title());
        root.put("subject", report.subject());
        root.set("findings", array(report.findings(), ReportJson::finding));
        root.set("features", array(report.features(), ReportJson::feature));
        root.set("timelines", array(report.timelines(), ReportJson::timeline));
        root.set("quality", array(report.quality(), ReportJson::quality));
        return root;
    }

    private static <T> ArrayNode array(List<T> items, Function<T, ObjectNode> writer) {
        ArrayNode array = NODES.arrayNode(items.size());
        for (T item : items) {
            array.add(writer.apply(item));
        }
        return array;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("severity", finding.severity().label());
        node.put("scope", finding.scope());
        node.put("message", finding.message());
        optional(node, "measured", finding.measured());
        optional(node, "threshold", finding.threshold());
        return node;
    }

    private static ObjectNode feature(FeatureDrift feature) {
        ObjectNode node = NODES.objectNode();
        node.put("feature", feature.feature());
        node.put("statistic", feature.statistic());
        node.set("value", ReportNumbers.node(feature.value()));
        optional(node, "pValue", feature.pValue());
        node.set("threshold", ReportNumbers.node(feature.threshold()));
        node.put("verdict", feature.verdict().label());
        node.put("referenceSize", feature.referenceSize());
        node.put("currentSize", feature.currentSize());
        node.set("bins", array(feature.bins(), bin -> {
            ObjectNode entry = NODES.objectNode();
            entry.put("label", bin.label());
            entry.set("referenceShare", ReportNumbers.node(bin.referenceShare()));
            entry.set("currentShare", ReportNumbers.node(bin.currentShare()));
            return entry;
        }));
        return node;
    }

    private static ObjectNode timeline(Timeline timeline) {
        ObjectNode node = NODES.objectNode();
        node.put("feature", timeline.feature());
        node.put("statistic", timeline.statistic());
        node.set("threshold", ReportNumbers.node(timeline.threshold()));
        node.set("points", array(timeline.points(), point -> {
            ObjectNode entry = NODES.objectNode();
            entry.put("time", point.time().toString());
            entry.set("value", ReportNumbers.node(point.value()));
            entry.put("verdict", point.verdict().label());
            return entry;
        }));
        return node;
    }

    private static ObjectNode quality(QualitySeries series) {
        ObjectNode node = NODES.objectNode();
        node.put("metric", series.metric());
        optional(node, "baseline", series.baseline());
        node.set("points", array(series.points(), point -> {
            ObjectNode entry = NODES.objectNode();
            entry.put("time", point.time().toString());
            entry.set("value", ReportNumbers.node(point.value()));
            return entry;
        }));
        return node;
    }

    private static void optional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.set(field, ReportNumbers.node(value.getAsDouble()));
        }
    }

    static MonitoringReport read(DocumentReader document) {
        document.requireKind(MonitoringReport.KIND, MonitoringReport.FORMAT_VERSION);
        MonitoringReport report = build(document, () -> new MonitoringReport(document.text("title"),
                document.instant("createdAt"), document.text("subject"),
                list(document, "findings", ReportJson::finding),
                list(document, "features", ReportJson::feature),
                list(document, "timelines", ReportJson::timeline),
                list(document, "quality", ReportJson::quality)));
        document.requireNoOthers();
        return report;
    }

    private static <T> List<T> list(DocumentReader document, String field, Function<DocumentReader, T> reader) {
        List<T> items = new ArrayList<>();
        for (DocumentReader item : document.objects(field)) {
            items.add(reader.apply(item));
            item.requireNoOthers();
        }
        return items;
    }

    private static Finding finding(DocumentReader node) {
        return build(node, () -> new Finding(Severity.fromLabel(node.text("severity")), node.text("scope"),
                node.text("message"), node.optionalNumber("measured"), node.optionalNumber("threshold")));
    }

    private static FeatureDrift feature(DocumentReader node) {
        return build(node, () -> new FeatureDrift(node.text("feature"), node.text("statistic"), node.number("value"),
                node.optionalNumber("pValue"), node.number("threshold"), Verdict.fromLabel(node.text("verdict")),
                node.longValue("referenceSize"), node.longValue("currentSize"),
                list(node, "bins", bin -> build(bin, () -> new Bin(bin.text("label"), bin.number("referenceShare"),
                        bin.number("currentShare"))))));
    }

    private static Timeline timeline(DocumentReader node) {
        return build(node, () -> new Timeline(node.text("feature"), node.text("statistic"), node.number("threshold"),
                list(node, "points", point -> build(point, () -> new Timeline.Point(point.instant("time"),
                        point.number("value"), Verdict.fromLabel(point.text("verdict")))))));
    }

    private static QualitySeries quality(DocumentReader node) {
        return build(node, () -> new QualitySeries(node.text("metric"), node.optionalNumber("baseline"),
                list(node, "points", point -> build(point, () -> new QualitySeries.Point(point.instant("time"),
                        point.number("value"))))));
    }

    /** Builds a record from an object's fields; a value the record refuses becomes an error at the object's path. */
    private static <T> T build(DocumentReader node, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
