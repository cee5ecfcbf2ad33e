package dev.mlops.data.slice;

import dev.mlops.core.json.Json;
import dev.mlops.core.table.Table;
import dev.mlops.data.split.Split;
import java.io.UncheckedIOException;
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
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Copies the sizes.
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
            text.append(String.format(Locale.ROOT, "  %-20s %-16s %9d of %9d rows (%6.2f%%)%s%n", size.slice(),
                    size.set(), size.rows(), size.setRows(), 100 * size.share(),
                    size.tooSmall() ? "  WARNING: too small for a meaningful metric" : ""));
        }
        return text.toString();
    }

    /** @return the report as JSON: kind, formatVersion, the rule and the sizes */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "slice-report");
        document.put("formatVersion", FORMAT_VERSION);
        document.put("minRows", rule.minRows());
        document.put("sizes", sizes);
        try {
            return Json.prettyWriter().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the slice report as JSON", e);
        }
    }
}
