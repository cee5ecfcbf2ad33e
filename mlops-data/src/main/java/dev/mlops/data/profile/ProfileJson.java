package dev.mlops.data.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Fingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.datasketches.common.SketchesException;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads {@link DatasetProfile}s as versioned documents through core's
 * {@link Documents}: the envelope, the options the profile was made with, and one object per
 * column; reading names the source and the field's path (such as {@code columns[2].kll}) of
 * anything amiss.
 */
final class ProfileJson {
    private static final String KIND = "dataset-profile";

    private ProfileJson() {
    }

    static String write(DatasetProfile inMemory) {
        DatasetProfile profile = inMemory.forExport();
        ObjectNode root = Documents.create(KIND, DatasetProfile.FORMAT_VERSION);
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
        opts.put("frequentItemsMapSize", options.frequentItemsMapSize());
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile column : profile.columns()) {
            boolean sensitive = profile.sensitiveColumns().contains(column.name());
            ObjectNode node = columns.addObject();
            if (sensitive) {
                node.put("sensitive", true);
            }
            node.put("name", column.name());
            node.put("type", column.type().name());
            node.put("count", column.count());
            node.put("missing", column.missing());
            if (column instanceof NumericProfile numeric) {
                writeNumeric(numeric, node);
            } else if (column instanceof CategoricalProfile categorical) {
                writeCategorical(categorical, node, !sensitive);
            } else {
                TimestampProfile timestamps = (TimestampProfile) column;
                putInstant(node, "min", timestamps.min());
                putInstant(node, "max", timestamps.max());
            }
        }
        return Documents.write(root);
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

    private static void writeCategorical(CategoricalProfile p, ObjectNode node, boolean withTopValues) {
        node.put("distinct", p.distinct());
        node.put("distinctLowerBound", p.distinctLowerBound());
        node.put("distinctUpperBound", p.distinctUpperBound());
        node.put("distinctMethod", p.distinctMethod().name());
        node.put("frequencyError", p.frequencyError());
        // derived from the counts or the sketch, written for readers of the document; not read back
        node.put("topKMethod", p.topKMethod().name());
        node.put("noFrequentValue", p.noFrequentValue());
        TypeShares shares = p.typeShares();
        ObjectNode sharesNode = node.putObject("typeShares");
        sharesNode.put("numeric", shares.numeric());
        sharesNode.put("boolean", shares.booleans());
        sharesNode.put("timestamp", shares.timestamps());
        sharesNode.put("text", shares.text());
        if (withTopValues) {
            writeTopValues(p, node);
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

    /** The plain list of the top values; reading derives them again from the counts or the sketch. */
    private static void writeTopValues(CategoricalProfile p, ObjectNode node) {
        ArrayNode top = node.putArray("topK");
        for (ItemCount item : p.topK()) {
            ObjectNode in = top.addObject();
            in.put("value", item.value());
            in.put("count", item.count());
            in.put("lowerBound", item.lowerBound());
            in.put("upperBound", item.upperBound());
        }
    }

    static DatasetProfile read(String json, String source) {
        DocumentReader root = Documents.parse(json, source);
        root.requireKind(KIND, DatasetProfile.FORMAT_VERSION);
        ProfileOptions options = readOptions(root.object("options"));
        List<Fingerprint> prints = new ArrayList<>();
        for (String sha256 : root.texts("fingerprints")) {
            prints.add(new Fingerprint(sha256));
        }
        List<ColumnProfile> columns = new ArrayList<>();
        Set<String> sensitive = new TreeSet<>();
        for (DocumentReader column : root.objects("columns")) {
            ColumnProfile read = readColumn(column, options);
            columns.add(read);
            if (column.bool("sensitive", false)) {
                sensitive.add(read.name());
            }
        }
        // absent in version 1, and null after merging profiles that have none
        Instant createdAt = root.optionalInstant("createdAt").orElse(null);
        long rowCount = root.longValue("rowCount");
        root.requireNoOthers();
        try {
            return new DatasetProfile(rowCount, prints, columns, options, createdAt, sensitive);
        } catch (IllegalArgumentException e) {
            throw root.error("is not a valid profile: " + e.getMessage());
        }
    }

    private static ProfileOptions readOptions(DocumentReader node) {
        double[] probabilities = node.doubles("probabilities");
        List<Double> ps = new ArrayList<>(probabilities.length);
        for (double p : probabilities) {
            ps.add(p);
        }
        ProfileOptions options;
        try {
            options = new ProfileOptions(node.intValue("exactQuantileLimit"), node.intValue("exactDistinctLimit"),
                    node.intValue("topK"), node.intValue("kllK"), ps,
                    // absent before it was an option: the sketches were made with the default size
                    node.has("frequentItemsMapSize") ? node.intValue("frequentItemsMapSize")
                            : ProfileOptions.DEFAULT_FREQUENT_ITEMS_MAP_SIZE);
        } catch (IllegalArgumentException e) {
            throw node.error("are not valid profile options: " + e.getMessage());
        }
        node.requireNoOthers();
        return options;
    }

    private static ColumnProfile readColumn(DocumentReader node, ProfileOptions options) {
        String name = node.text("name");
        String typeName = node.text("type");
        ColumnType type;
        try {
            type = ColumnType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw node.error("type", "must be one of " + java.util.Arrays.toString(ColumnType.values()) + " but was '"
                    + typeName + "'");
        }
        long count = node.longValue("count");
        long missing = node.longValue("missing");
        try {
            return switch (type) {
                case NUMERIC -> readNumeric(node, name, count, missing, options);
                case TIMESTAMP -> new TimestampProfile(name, count, missing, node.optionalInstant("min").orElse(null),
                        node.optionalInstant("max").orElse(null));
                default -> readCategorical(node, name, type, count, missing, options);
            };
        } catch (IllegalArgumentException | SketchesException | IndexOutOfBoundsException e) {
            throw node.error("is not a valid profile of column '" + name + "': " + e.getMessage());
        }
    }

    private static NumericProfile readNumeric(DocumentReader node, String name, long count, long missing,
            ProfileOptions options) {
        long finite = node.longValue("finite");
        double[] parts = node.doubles("sumParts");
        if (parts.length != 2) {
            throw node.error("sumParts", "must hold 2 numbers but holds " + parts.length);
        }
        double[] values = optionalDoubles(node, "exactValues");
        double[] distinct = optionalDoubles(node, "distinctValues");
        byte[] kll = optionalBytes(node, "kll");
        byte[] hll = optionalBytes(node, "hll");
        if (values == null && distinct == null && hll == null) {
            throw node.error("column '" + name + "' keeps a KLL sketch but neither 'distinctValues' nor 'hll'; a"
                    + " document of format version 1 written before numeric distinct counts cannot be read for such"
                    + " a column: profile the data again");
        }
        return new NumericProfile(name, count, missing, node.longValue("nan"), node.longValue("positiveInfinity"),
                node.longValue("negativeInfinity"), node.longValue("zeros"), node.longValue("negatives"),
                node.optionalNumber("min").orElse(Double.NaN), node.optionalNumber("max").orElse(Double.NaN),
                parts[0], parts[1], finite, finite == 0 ? 0.0 : node.optionalNumber("mean").orElse(Double.NaN),
                node.number("m2"), values, kll, distinct, hll, options);
    }

    private static CategoricalProfile readCategorical(DocumentReader node, String name, ColumnType type, long count,
            long missing, ProfileOptions options) {
        TypeShares shares = null;
        if (node.has("typeShares") && !node.value("typeShares").isNull()) {
            DocumentReader at = node.object("typeShares");
            shares = new TypeShares(at.longValue("numeric"), at.longValue("boolean"), at.longValue("timestamp"),
                    at.longValue("text"));
            at.requireNoOthers();
        }
        if (node.has("counts") && !node.value("counts").isNull()) {
            DocumentReader counts = node.object("counts");
            Map<String, Long> map = new TreeMap<>();
            for (String value : counts.fieldNames()) {
                map.put(value, counts.longValue(value));
            }
            return new CategoricalProfile(name, type, count, missing, map, null, null, shares, options);
        }
        if (shares == null) {
            throw node.error("column '" + name + "' keeps sketches but no 'typeShares'; a document of format version 1"
                    + " written before type shares cannot be read for such a column: profile the data again");
        }
        return new CategoricalProfile(name, type, count, missing, null, bytes(node, "hll"), bytes(node, "items"),
                shares, options);
    }

    private static double @Nullable [] optionalDoubles(DocumentReader node, String field) {
        return node.has(field) && !node.value(field).isNull() ? node.doubles(field) : null;
    }

    private static byte @Nullable [] optionalBytes(DocumentReader node, String field) {
        return node.optionalText(field).isPresent() ? bytes(node, field) : null;
    }

    private static byte[] bytes(DocumentReader node, String field) {
        String text = node.text(field);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw node.error(field, "must be Base64 but is not: " + e.getMessage());
        }
    }
}
