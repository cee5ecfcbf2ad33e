package dev.mlops.data.split;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.DataFormatException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.Fingerprint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/** Writes and reads a {@link Split} as the JSON document that {@link Split#toJson()} describes. */
final class SplitJson {
    static final String KIND = "split";
    static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SplitJson() {
    }

    static String write(Split split) {
        ObjectNode root = NODES.objectNode();
        root.put("kind", KIND);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("splitter", split.splitter());
        ObjectNode settings = root.putObject("settings");
        split.settings().forEach(settings::put);
        if (split.seed().isPresent()) {
            root.put("seed", split.seed().getAsLong());
        } else {
            root.putNull("seed");
        }
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
        try {
            return Json.prettyWriter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers could not be written", e);
        }
    }

    private static void rows(ArrayNode array, int[] rows) {
        for (int row : rows) {
            array.add(row);
        }
    }

    static Split read(String json, String source) {
        JsonNode root;
        try {
            root = Json.reader().readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null ? 1 : Math.max(1, location.getLineNr());
            throw new DataFormatException(source, line, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SplitException(source + ": a split document must be a JSON object");
        }
        String kind = text(root, "kind", source);
        if (!KIND.equals(kind)) {
            throw new SplitException(source + ": field 'kind' must be \"" + KIND + "\" but was \"" + kind + "\"");
        }
        int version = integer(root, "formatVersion", source);
        if (version != FORMAT_VERSION) {
            throw new SplitException(source + ": field 'formatVersion' is " + version + " but this version of mlops-java"
                    + " reads split documents of formatVersion " + FORMAT_VERSION);
        }
        Map<String, String> settings = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : object(root, "settings", source).properties()) {
            settings.put(field.getKey(), requireText(field.getValue(), "settings." + field.getKey(), source));
        }
        JsonNode seedNode = root.path("seed");
        OptionalLong seed;
        if (seedNode.isNull() || seedNode.isMissingNode()) {
            seed = OptionalLong.empty();
        } else if (seedNode.canConvertToExactIntegral() && seedNode.canConvertToLong()) {
            seed = OptionalLong.of(seedNode.longValue());
        } else {
            throw new SplitException(source + ": field 'seed' must be an integer or null but was " + seedNode);
        }
        Fingerprint fingerprint;
        try {
            fingerprint = new Fingerprint(text(root, "fingerprint", source));
        } catch (IllegalArgumentException e) {
            throw new SplitException(source + ": field 'fingerprint': " + e.getMessage());
        }
        int rowCount = integer(root, "rowCount", source);
        List<String> names = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        JsonNode sets = array(root, "sets", source);
        for (int s = 0; s < sets.size(); s++) {
            JsonNode set = sets.get(s);
            String where = "sets[" + s + "]";
            names.add(requireText(set.path("name"), where + ".name", source));
            JsonNode fraction = set.path("fraction");
            if (!fraction.isNumber()) {
                throw new SplitException(source + ": field '" + where + ".fraction' must be a number but was " + fraction);
            }
            fractions.add(fraction.doubleValue());
            rows.add(rowArray(set.path("rows"), where + ".rows", source));
        }
        int[] excluded = rowArray(root.path("excludedRows"), "excludedRows", source);
        JsonNode report = object(root, "report", source);
        Set<Guarantee> held = EnumSet.noneOf(Guarantee.class);
        for (JsonNode guarantee : array(report, "held", source)) {
            try {
                held.add(Guarantee.valueOf(requireText(guarantee, "report.held", source)));
            } catch (IllegalArgumentException e) {
                throw new SplitException(source + ": field 'report.held' names an unknown guarantee " + guarantee
                        + "; known are " + List.of(Guarantee.values()));
            }
        }
        Map<String, Map<String, Integer>> classCounts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> level : object(report, "classCounts", source).properties()) {
            Map<String, Integer> perSet = new LinkedHashMap<>();
            JsonNode counts = level.getValue();
            for (String name : names) {
                JsonNode count = counts.path(name);
                if (!count.canConvertToExactIntegral() || !count.canConvertToInt()) {
                    throw new SplitException(source + ": field 'report.classCounts." + level.getKey() + "." + name
                            + "' must be an integer but was " + count);
                }
                perSet.put(name, count.intValue());
            }
            classCounts.put(level.getKey(), perSet);
        }
        List<String> small = texts(array(report, "classesNotInEverySet", source), "report.classesNotInEverySet", source);
        int removedByGap = integer(report, "removedByGap", source);
        List<String> notes = texts(array(report, "notes", source), "report.notes", source);
        try {
            return Split.of(text(root, "splitter", source), settings, seed, new SplitSets(names, fractions), fingerprint,
                    rowCount, rows, excluded, new GuaranteeReport(held, classCounts, small, removedByGap, notes));
        } catch (IllegalArgumentException e) {
            throw new SplitException(source + ": not a valid split: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String source) {
        return requireText(node.path(field), field, source);
    }

    private static String requireText(JsonNode node, String field, String source) {
        if (!node.isTextual()) {
            throw new SplitException(source + ": field '" + field + "' must be a string but was "
                    + (node.isMissingNode() ? "absent" : node.toString()));
        }
        return node.textValue();
    }

    private static int integer(JsonNode node, String field, String source) {
        JsonNode value = node.path(field);
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || !value.isNumber()) {
            throw new SplitException(source + ": field '" + field + "' must be an integer but was "
                    + (value.isMissingNode() ? "absent" : value.toString()));
        }
        return value.intValue();
    }

    private static JsonNode object(JsonNode node, String field, String source) {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw new SplitException(source + ": field '" + field + "' must be an object but was "
                    + (value.isMissingNode() ? "absent" : value.toString()));
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field, String source) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new SplitException(source + ": field '" + field + "' must be an array but was "
                    + (value.isMissingNode() ? "absent" : value.toString()));
        }
        return value;
    }

    private static List<String> texts(JsonNode array, String field, String source) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            texts.add(requireText(element, field, source));
        }
        return texts;
    }

    private static int[] rowArray(JsonNode array, String field, String source) {
        if (!array.isArray()) {
            throw new SplitException(source + ": field '" + field + "' must be an array of rows but was "
                    + (array.isMissingNode() ? "absent" : array.toString()));
        }
        int[] rows = new int[array.size()];
        for (int i = 0; i < rows.length; i++) {
            JsonNode row = array.get(i);
            if (!row.isIntegralNumber() || !row.canConvertToInt()) {
                throw new SplitException(source + ": field '" + field + "[" + i + "]' must be a row number but was " + row);
            }
            rows[i] = row.intValue();
        }
        return rows;
    }
}
