package dev.mlops.data.split;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.component.ComponentSpec;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Fingerprint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes and reads a {@link Split} as the JSON document that {@link Split#toJson()} describes,
 * through {@link Documents} and {@link DocumentReader}: every error names the source and the
 * field's path, and an unknown field is refused.
 */
final class SplitJson {
    static final String KIND = "split";
    static final int FORMAT_VERSION = 2;

    private SplitJson() {
    }

    static ObjectNode document(Split split) {
        ObjectNode root = Documents.create(KIND, FORMAT_VERSION);
        root.set("splitter", split.splitter().toJson());
        root.put("fingerprint", split.fingerprint().sha256());
        root.put("rowCount", split.rowCount());
        ArrayNode sets = root.putArray("sets");
        for (int s = 0; s < split.setNames().size(); s++) {
            String name = split.setNames().get(s);
            ObjectNode set = sets.addObject();
            set.put("name", name);
            set.put("fraction", split.sets().fractions().get(s));
            rows(set.putArray("rows"), split.rows(name));
        }
        rows(root.putArray("excludedRows"), split.excludedRows());
        GuaranteeReport report = split.report();
        ObjectNode reportNode = root.putObject("report");
        ArrayNode held = reportNode.putArray("held");
        report.held().forEach(guarantee -> held.add(guarantee.name()));
        ObjectNode classCounts = reportNode.putObject("classCounts");
        report.classCounts().forEach((level, perSet) -> {
            ObjectNode counts = classCounts.putObject(level);
            perSet.forEach(counts::put);
        });
        ArrayNode small = reportNode.putArray("classesNotInEverySet");
        report.classesNotInEverySet().forEach(small::add);
        reportNode.put("removedByGap", report.removedByGap());
        ArrayNode notes = reportNode.putArray("notes");
        report.notes().forEach(notes::add);
        return root;
    }

    private static void rows(ArrayNode array, int[] rows) {
        for (int row : rows) {
            array.add(row);
        }
    }

    static Split read(DocumentReader root) {
        if (root.requireKind(KIND, FORMAT_VERSION) < FORMAT_VERSION) {
            throw root.error(Documents.FORMAT_VERSION, "is 1: a split of format version 1 does not record a splitter"
                    + " that can be rebuilt; split the table again (Splitter.split, or mlops split with the same options"
                    + " and --seed) to write format version 2");
        }
        ComponentSpec splitter = ComponentSpec.read(root.object("splitter"));
        Fingerprint fingerprint;
        try {
            fingerprint = new Fingerprint(root.text("fingerprint"));
        } catch (IllegalArgumentException e) {
            throw root.error("fingerprint", e.getMessage());
        }
        int rowCount = root.intValue("rowCount");
        List<String> names = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        for (DocumentReader set : root.objects("sets")) {
            names.add(set.text("name"));
            fractions.add(set.number("fraction"));
            rows.add(set.ints("rows"));
            set.requireNoOthers();
        }
        int[] excluded = root.ints("excludedRows");
        GuaranteeReport report = report(root.object("report"), names);
        root.requireNoOthers();
        try {
            Split.Builder builder = Split.builder(splitter, new SplitSets(names, fractions), fingerprint, rowCount)
                    .excluded(excluded).report(report);
            for (int s = 0; s < names.size(); s++) {
                builder.set(names.get(s), rows.get(s));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw root.error("not a valid split: " + e.getMessage());
        }
    }

    private static GuaranteeReport report(DocumentReader report, List<String> names) {
        Set<Guarantee> held = EnumSet.noneOf(Guarantee.class);
        List<String> heldNames = report.texts("held");
        for (int i = 0; i < heldNames.size(); i++) {
            try {
                held.add(Guarantee.valueOf(heldNames.get(i)));
            } catch (IllegalArgumentException e) {
                throw report.error("held[" + i + "]", "names an unknown guarantee '" + heldNames.get(i) + "'; known are "
                        + List.of(Guarantee.values()));
            }
        }
        Map<String, Map<String, Integer>> classCounts = new TreeMap<>();
        DocumentReader counts = report.object("classCounts");
        for (String level : counts.fieldNames()) {
            DocumentReader perSetReader = counts.object(level);
            Map<String, Integer> perSet = new LinkedHashMap<>();
            for (String name : names) {
                perSet.put(name, perSetReader.intValue(name));
            }
            perSetReader.requireNoOthers();
            classCounts.put(level, perSet);
        }
        List<String> small = report.texts("classesNotInEverySet");
        int removedByGap = report.intValue("removedByGap");
        List<String> notes = report.texts("notes");
        report.requireNoOthers();
        try {
            return new GuaranteeReport(held, classCounts, small, removedByGap, notes);
        } catch (IllegalArgumentException e) {
            throw report.error(e.getMessage());
        }
    }

}
