package dev.mlops.data.slice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.table.Table;
import dev.mlops.core.text.ReadableText;
import dev.mlops.data.split.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How large each slice is in each set (train, validation, test, ...), and which slices are too
 * small there for a meaningful metric under a {@link SliceSizeRule}.
 *
 * @param rule the rule the sizes were judged by
 * @param sizes one entry per slice and set, slices in the given order, sets in the given order
 */
public record SliceReport(SliceSizeRule rule, List<SliceSize> sizes) {
    /** The kind of {@link #toJson()}'s document. */
    public static final String KIND = "slice-report";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Copies the sizes.
     *
     * @param rule the rule the sizes were judged by
     * @param sizes one entry per slice and set, slices in the given order, sets in the given order
     */
    public SliceReport {
        Objects.requireNonNull(rule, "rule");
        sizes = List.copyOf(sizes);
    }

    /**
     * Measures slices over named sets.
     *
     * @param sets the sets by name, in order (a {@link LinkedHashMap} keeps it), such as a split's sets
     * @param slices the slices
     * @param rule when a slice is too small
     * @return the report
     * @throws dev.mlops.core.SchemaException if a slice reads a column a set lacks
     * @throws IllegalArgumentException if two slices share a name
     */
    public static SliceReport of(Map<String, Table> sets, List<Slice> slices, SliceSizeRule rule) {
        Objects.requireNonNull(sets, "sets");
        Objects.requireNonNull(slices, "slices");
        Objects.requireNonNull(rule, "rule");
        Map<String, Slice> byName = new LinkedHashMap<>();
        for (Slice slice : slices) {
            if (byName.put(slice.name(), slice) != null) {
                throw new IllegalArgumentException("slice name '" + slice.name() + "' appears twice");
            }
        }
        List<SliceSize> sizes = new ArrayList<>(slices.size() * sets.size());
        for (Slice slice : slices) {
            for (Map.Entry<String, Table> set : sets.entrySet()) {
                int setRows = set.getValue().rowCount();
                int rows = slice.count(set.getValue());
                sizes.add(new SliceSize(slice.name(), set.getKey(), rows, setRows,
                        setRows == 0 ? 0.0 : (double) rows / setRows, rule.tooSmall(rows)));
            }
        }
        return new SliceReport(rule, sizes);
    }

    /**
     * Measures slices over the sets of a split.
     *
     * @param split the split
     * @param table the table the split was made of
     * @param slices the slices
     * @param rule when a slice is too small
     * @return the report, sets in the split's order
     * @throws IllegalArgumentException if the table's row count differs from the split's
     */
    public static SliceReport of(Split split, Table table, List<Slice> slices, SliceSizeRule rule) {
        Objects.requireNonNull(split, "split");
        Map<String, Table> sets = new LinkedHashMap<>();
        for (String set : split.setNames()) {
            sets.put(set, split.set(table, set));
        }
        return of(sets, slices, rule);
    }

    /** @return the sizes of slices too small in their set, in report order */
    public List<SliceSize> tooSmall() {
        return sizes.stream().filter(SliceSize::tooSmall).toList();
    }

    /** @return one line per slice and set, with a warning on each slice too small */
    public String toText() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "slices (a slice needs at least %d rows in a set: worst-case 95%% margin ±%.3f)%n",
                rule.minRows(), SliceSizeRule.margin(rule.minRows())));
        for (SliceSize size : sizes) {
            text.append(String.format(Locale.ROOT, "  %-20s %-16s %9d of %9d rows (%6.2f%%)%s%n",
                    ReadableText.name(size.slice()), ReadableText.name(size.set()), size.rows(), size.setRows(), 100 * size.share(),
                    size.tooSmall() ? "  WARNING: too small for a meaningful metric" : ""));
        }
        return text.toString();
    }

    /**
     * @return the report as a document of kind {@value #KIND}: the envelope, the rule's
     *     {@code minRows} and the sizes
     */
    public String toJson() {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        document.put("minRows", rule.minRows());
        ArrayNode array = document.putArray("sizes");
        for (SliceSize size : sizes) {
            ObjectNode node = array.addObject();
            node.put("slice", size.slice());
            node.put("set", size.set());
            node.put("rows", size.rows());
            node.put("setRows", size.setRows());
            node.put("share", size.share());
            node.put("tooSmall", size.tooSmall());
        }
        return Documents.write(document);
    }

    /**
     * Reads a report written by {@link #toJson()} (format version 1).
     *
     * @param json the JSON text
     * @param source names the text in messages, such as its file
     * @return the report
     * @throws dev.mlops.core.DataFormatException if the text is not JSON; the message names the
     *     source, the line and the character
     * @throws dev.mlops.core.json.DocumentException if it is not such a report; the message names
     *     the source and the field's path, such as {@code sizes[2]}
     */
    public static SliceReport fromJson(String json, String source) {
        DocumentReader root = Documents.parse(json, source);
        root.requireKind(KIND, FORMAT_VERSION);
        int minRows = root.intValue("minRows");
        SliceSizeRule rule;
        try {
            rule = new SliceSizeRule(minRows);
        } catch (IllegalArgumentException e) {
            throw root.error("minRows", "is not a valid rule: " + e.getMessage());
        }
        List<SliceSize> sizes = new ArrayList<>();
        for (DocumentReader size : root.objects("sizes")) {
            int rows = size.intValue("rows");
            sizes.add(new SliceSize(size.text("slice"), size.text("set"), rows, size.intValue("setRows"),
                    size.number("share"), size.bool("tooSmall", rule.tooSmall(rows))));
            size.requireNoOthers();
        }
        root.requireNoOthers();
        return new SliceReport(rule, sizes);
    }
}
