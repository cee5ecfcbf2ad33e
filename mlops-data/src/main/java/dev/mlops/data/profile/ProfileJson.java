package dev.mlops.data.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.json.Json;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.datasketches.common.SketchesException;
import org.jspecify.annotations.Nullable;

/** Writes and reads {@link DatasetProfile}s as versioned JSON through core's {@link Json}. */
final class ProfileJson {
    private static final String KIND = "dataset-profile";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProfileJson() {
    }

    static String write(DatasetProfile profile) {
        ObjectNode root = NODES.objectNode();
        root.put("kind", KIND);
        root.put("formatVersion", DatasetProfile.FORMAT_VERSION);
        putInstant(root, "createdAt", profile.createdAt().orElse(null));
        root.put("rowCount", profile.rowCount());
        ArrayNode prints = root.putArray("fingerprints");
        profile.fingerprints().forEach(f -> prints.add(f.sha256()));
        ProfileOptions options = profile.options();
        ObjectNode opts = root.putObject("options");
        opts.put("exactQuantileLimit", options.exactQuantileLimit());
        opts.put("exactDistinctLimit", options.exactDistinctLimit());
        opts.put("topK", options.topK());
        opts.put("kllK", options.kllK());
        ArrayNode ps = opts.putArray("probabilities");
        options.probabilities().forEach(ps::add);
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile column : profile.columns()) {
            ObjectNode node = columns.addObject();
            node.put("name", column.name());
            node.put("type", column.type().name());
            node.put("count", column.count());
            node.put("missing", column.missing());
            if (column instanceof NumericProfile numeric) {
                writeNumeric(numeric, node);
            } else if (column instanceof CategoricalProfile categorical) {
                writeCategorical(categorical, node);
            } else {
                TimestampProfile timestamps = (TimestampProfile) column;
                putInstant(node, "min", timestamps.min());
                putInstant(node, "max", timestamps.max());
            }
        }
        try {
            return Json.prettyWriter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a dataset profile as JSON", e);
        }
    }

    private static void putInstant(ObjectNode node, String key, @Nullable Instant instant) {
        if (instant == null) {
            node.putNull(key);
        } else {
            node.put(key, instant.toString());
        }
    }

    private static void writeNumeric(NumericProfile p, ObjectNode node) {
        node.put("nan", p.nan());
        node.put("positiveInfinity", p.positiveInfinity());
        node.put("negativeInfinity", p.negativeInfinity());
        node.put("finite", p.finite());
        node.put("zeros", p.zeros());
        node.put("negatives", p.negatives());
        putOptional(node, "min", p.finite() == 0 ? null : p.rawMin());
        putOptional(node, "max", p.finite() == 0 ? null : p.rawMax());
        node.put("sum", p.sum());
        ArrayNode parts = node.putArray("sumParts");
        parts.add(p.sumHigh());
        parts.add(p.sumLow());
        putOptional(node, "mean", p.finite() == 0 ? null : p.rawMean());
        node.put("m2", p.m2());
        putOptional(node, "standardDeviation", p.standardDeviation().isPresent()
                ? p.standardDeviation().getAsDouble() : null);
        node.put("quantileMethod", p.quantileMethod().name());
        node.put("rankError", p.rankError());
        ArrayNode quantiles = node.putArray("quantiles");
        for (Quantile q : p.quantiles()) {
            ObjectNode qn = quantiles.addObject();
            qn.put("probability", q.probability());
            qn.put("value", q.value());
        }
        double[] values = p.sortedValues();
        if (values != null) {
            ArrayNode exact = node.putArray("exactValues");
            for (double v : values) {
                exact.add(v);
            }
        }
        byte[] kll = p.kll();
        if (kll != null) {
            node.put("kll", Base64.getEncoder().encodeToString(kll));
        }
        node.put("distinct", p.distinct());
        node.put("distinctLowerBound", p.distinctLowerBound());
        node.put("distinctUpperBound", p.distinctUpperBound());
        node.put("distinctMethod", p.distinctMethod().name());
        byte[] hll = p.hll();
        if (hll != null) {
            node.put("hll", Base64.getEncoder().encodeToString(hll));
        } else if (values == null) {
            // with exact values kept, the distinct values follow from them
            ArrayNode distinct = node.putArray("distinctValues");
            for (double v : Objects.requireNonNull(p.distinctValues())) {
                distinct.add(v);
            }
        }
    }

    private static void putOptional(ObjectNode node, String key, @Nullable Double value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value.doubleValue());
        }
    }

    private static void writeCategorical(CategoricalProfile p, ObjectNode node) {
        node.put("distinct", p.distinct());
        node.put("distinctLowerBound", p.distinctLowerBound());
        node.put("distinctUpperBound", p.distinctUpperBound());
        node.put("distinctMethod", p.distinctMethod().name());
        node.put("frequencyError", p.frequencyError());
        TypeShares shares = p.typeShares();
        ObjectNode sharesNode = node.putObject("typeShares");
        sharesNode.put("numeric", shares.numeric());
        sharesNode.put("boolean", shares.booleans());
        sharesNode.put("timestamp", shares.timestamps());
        sharesNode.put("text", shares.text());
        ArrayNode top = node.putArray("topK");
        for (ItemCount item : p.topK()) {
            ObjectNode in = top.addObject();
            in.put("value", item.value());
            in.put("count", item.count());
            in.put("lowerBound", item.lowerBound());
            in.put("upperBound", item.upperBound());
        }
        SortedMap<String, Long> counts = p.counts();
        if (counts != null) {
            ObjectNode cn = node.putObject("counts");
            counts.forEach(cn::put);
        } else {
            node.put("hll", Base64.getEncoder().encodeToString(p.hll()));
            node.put("items", Base64.getEncoder().encodeToString(p.items()));
        }
    }

    static DatasetProfile read(String json) {
        JsonNode root;
        try {
            root = Json.reader().readTree(json);
        } catch (IOException e) {
            throw new MlopsException("dataset profile JSON does not parse: " + e.getMessage(), e);
        }
        try {
            if (root == null || !root.isObject()) {
                throw new MlopsException("dataset profile JSON must be an object");
            }
            String kind = text(root, "kind", "the document");
            if (!KIND.equals(kind)) {
                throw new MlopsException("dataset profile JSON has kind '" + kind + "' but expected '" + KIND + "'");
            }
            long version = number(root, "formatVersion", "the document");
            if (version != 1 && version != DatasetProfile.FORMAT_VERSION) {
                throw new MlopsException("dataset profile JSON has formatVersion " + version + " but this version reads "
                        + "1 and " + DatasetProfile.FORMAT_VERSION);
            }
            JsonNode opts = field(root, "options", "the document");
            List<Double> ps = new ArrayList<>();
            for (JsonNode p : field(opts, "probabilities", "options")) {
                ps.add(doubleOf(p, "options"));
            }
            ProfileOptions options = new ProfileOptions((int) number(opts, "exactQuantileLimit", "options"),
                    (int) number(opts, "exactDistinctLimit", "options"), (int) number(opts, "topK", "options"),
                    (int) number(opts, "kllK", "options"), ps);
            List<Fingerprint> prints = new ArrayList<>();
            for (JsonNode f : field(root, "fingerprints", "the document")) {
                prints.add(new Fingerprint(f.asText()));
            }
            List<ColumnProfile> columns = new ArrayList<>();
            for (JsonNode node : field(root, "columns", "the document")) {
                columns.add(readColumn(node, options));
            }
            // absent in version 1, and null after merging profiles that have none
            Instant createdAt = optionalInstant(root, "createdAt");
            return new DatasetProfile(number(root, "rowCount", "the document"), prints, columns, options, createdAt);
        } catch (IllegalArgumentException | SketchesException | IndexOutOfBoundsException | DateTimeParseException e) {
            throw new MlopsException("dataset profile JSON is not a valid profile: " + e.getMessage(), e);
        }
    }

    private static ColumnProfile readColumn(JsonNode node, ProfileOptions options) {
        String name = text(node, "name", "a column");
        String where = "column '" + name + "'";
        ColumnType type = ColumnType.valueOf(text(node, "type", where));
        long count = number(node, "count", where);
        long missing = number(node, "missing", where);
        switch (type) {
            case NUMERIC -> {
                long finite = number(node, "finite", where);
                JsonNode parts = field(node, "sumParts", where);
                double[] values = null;
                JsonNode exact = node.get("exactValues");
                if (exact != null && !exact.isNull()) {
                    values = new double[exact.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = doubleOf(exact.get(i), where);
                    }
                }
                JsonNode kll = node.get("kll");
                double[] distinct = null;
                JsonNode distinctNode = node.get("distinctValues");
                if (distinctNode != null && !distinctNode.isNull()) {
                    distinct = new double[distinctNode.size()];
                    for (int i = 0; i < distinct.length; i++) {
                        distinct[i] = doubleOf(distinctNode.get(i), where);
                    }
                }
                JsonNode hll = node.get("hll");
                if (values == null && distinct == null && (hll == null || hll.isNull())) {
                    throw new MlopsException("dataset profile JSON: " + where + " keeps a KLL sketch but neither"
                            + " 'distinctValues' nor 'hll'; a document of format version 1 written before numeric"
                            + " distinct counts cannot be read for such a column: profile the data again");
                }
                return new NumericProfile(name, count, missing, number(node, "nan", where),
                        number(node, "positiveInfinity", where), number(node, "negativeInfinity", where),
                        number(node, "zeros", where), number(node, "negatives", where),
                        optionalDouble(node, "min", where), optionalDouble(node, "max", where),
                        doubleOf(parts.get(0), where), doubleOf(parts.get(1), where), finite,
                        finite == 0 ? 0.0 : optionalDouble(node, "mean", where), doubleOf(field(node, "m2", where), where),
                        values, kll == null || kll.isNull() ? null : Base64.getDecoder().decode(kll.asText()),
                        distinct, hll == null || hll.isNull() ? null : Base64.getDecoder().decode(hll.asText()), options);
            }
            case TIMESTAMP -> {
                return new TimestampProfile(name, count, missing, optionalInstant(node, "min"),
                        optionalInstant(node, "max"));
            }
            default -> {
                TypeShares shares = null;
                JsonNode sharesNode = node.get("typeShares");
                if (sharesNode != null && !sharesNode.isNull()) {
                    String at = where + " typeShares";
                    shares = new TypeShares(number(sharesNode, "numeric", at), number(sharesNode, "boolean", at),
                            number(sharesNode, "timestamp", at), number(sharesNode, "text", at));
                }
                JsonNode counts = node.get("counts");
                if (counts != null && !counts.isNull()) {
                    Map<String, Long> map = new TreeMap<>();
                    for (Map.Entry<String, JsonNode> entry : counts.properties()) {
                        map.put(entry.getKey(), entry.getValue().longValue());
                    }
                    return new CategoricalProfile(name, type, count, missing, map, null, null, shares, options);
                }
                if (shares == null) {
                    throw new MlopsException("dataset profile JSON: " + where + " keeps sketches but no"
                            + " 'typeShares'; a document of format version 1 written before type shares cannot be"
                            + " read for such a column: profile the data again");
                }
                return new CategoricalProfile(name, type, count, missing, null,
                        Base64.getDecoder().decode(text(node, "hll", where)),
                        Base64.getDecoder().decode(text(node, "items", where)), shares, options);
            }
        }
    }

    private static JsonNode field(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new MlopsException("dataset profile JSON: " + where + " has no '" + key + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String where) {
        return field(node, key, where).asText();
    }

    private static long number(JsonNode node, String key, String where) {
        JsonNode value = field(node, key, where);
        if (!value.canConvertToLong()) {
            throw new MlopsException("dataset profile JSON: " + where + " has '" + key + "' = " + value
                    + " but expected an integer");
        }
        return value.longValue();
    }

    private static double optionalDouble(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Double.NaN;
        }
        return doubleOf(value, where);
    }

    /** Reads a number, or one of the strings "NaN", "Infinity" and "-Infinity" that core's Json writes. */
    private static double doubleOf(@Nullable JsonNode value, String where) {
        if (value != null && value.isNumber()) {
            return value.doubleValue();
        }
        if (value != null && value.isTextual()) {
            switch (value.asText()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                }
            }
        }
        throw new MlopsException("dataset profile JSON: " + where + " has " + value + " where a number was expected");
    }

    private static @Nullable Instant optionalInstant(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }
}
