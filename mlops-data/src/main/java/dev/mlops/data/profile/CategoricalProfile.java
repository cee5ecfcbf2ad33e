package dev.mlops.data.profile;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.jspecify.annotations.Nullable;

/**
 * The profile of a categorical, text or boolean column: counts, the number of distinct values and
 * the most frequent values. Boolean values count as the strings {@code true} and {@code false}, so
 * {@link #frequency(String)} gives a boolean column's true and false counts.
 *
 * <p>While a column has at most {@link ProfileOptions#exactDistinctLimit()} distinct values, every
 * value is counted exactly ({@link Method#EXACT}). Above it ({@link Method#SKETCH}):
 * <ul>
 *   <li>the distinct count is a HyperLogLog estimate (DataSketches {@code HllSketch}, lgK =
 *       {@value #HLL_LG_K}, HLL_4), with a relative standard error of about
 *       {@code 1.04 / sqrt(2^12) ≈ 1.6%}; {@link #distinctLowerBound()} and
 *       {@link #distinctUpperBound()} give its two-standard-deviation (≈ 95.4%) bounds;
 *   <li>the top values come from a frequent-items sketch (DataSketches {@code ItemsSketch}, map
 *       size {@link ProfileOptions#frequentItemsMapSize()}), which lists only values guaranteed
 *       frequent (its {@code NO_FALSE_POSITIVES} mode): those whose lower bound exceeds the
 *       sketch's maximum error {@link #frequencyError()}. Each count is an estimate and the true
 *       count lies within {@code [lowerBound, upperBound]}. When no value qualifies — say, many
 *       evenly used categories, each within the error — {@link #topK()} is empty and
 *       {@link #noFrequentValue()} says so.
 * </ul>
 * Ties in the top values are broken by the value's text, ascending. {@link #typeShares()} tells
 * how many values would read as numbers, booleans or timestamps, counted exactly either way.
 */
public final class CategoricalProfile implements ColumnProfile {
    /** The HyperLogLog sketch's log2 of the number of buckets. */
    public static final int HLL_LG_K = 12;

    private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

    private final String name;
    private final ColumnType type;
    private final long count;
    private final long missing;
    private final @Nullable SortedMap<String, Long> counts;
    private final byte @Nullable [] hll;
    private final byte @Nullable [] items;
    private final ProfileOptions options;
    private final List<ItemCount> top;
    private final long distinct;
    private final long distinctLower;
    private final long distinctUpper;
    private final long frequencyError;
    private final TypeShares typeShares;

    CategoricalProfile(String name, ColumnType type, long count, long missing, @Nullable Map<String, Long> counts,
            byte @Nullable [] hll, byte @Nullable [] items, @Nullable TypeShares typeShares, ProfileOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        if (type != ColumnType.CATEGORICAL && type != ColumnType.TEXT && type != ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type + " has no categorical profile");
        }
        this.type = type;
        this.count = count;
        this.missing = missing;
        this.options = options;
        if (counts != null) {
            if (hll != null || items != null) {
                throw new IllegalArgumentException("column '" + name + "' needs exact counts or sketches, not both");
            }
            this.counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
            this.hll = null;
            this.items = null;
            long total = 0;
            for (long c : this.counts.values()) {
                total += c;
            }
            if (total != count - missing) {
                throw new IllegalArgumentException("column '" + name + "': counts add up to " + total + " but "
                        + (count - missing) + " values are present");
            }
            List<Map.Entry<String, Long>> entries = new ArrayList<>(this.counts.entrySet());
            entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<ItemCount> list = new ArrayList<>();
            for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(options.topK(), entries.size()))) {
                list.add(new ItemCount(entry.getKey(), entry.getValue(), entry.getValue(), entry.getValue()));
            }
            this.top = List.copyOf(list);
            this.typeShares = typeShares != null ? typeShares : TypeShares.of(this.counts);
            this.distinct = this.counts.size();
            this.distinctLower = distinct;
            this.distinctUpper = distinct;
            this.frequencyError = 0;
        } else {
            this.counts = null;
            if (typeShares == null) {
                throw new IllegalArgumentException("column '" + name + "' has sketches but no type shares");
            }
            this.typeShares = typeShares;
            this.hll = Objects.requireNonNull(hll, "hll").clone();
            this.items = Objects.requireNonNull(items, "items").clone();
            HllSketch sketch = HllSketch.heapify(this.hll);
            this.distinct = Math.round(sketch.getEstimate());
            this.distinctLower = (long) Math.floor(sketch.getLowerBound(2));
            this.distinctUpper = (long) Math.ceil(sketch.getUpperBound(2));
            ItemsSketch<String> frequent = ItemsSketch.getInstance(Memory.wrap(this.items), SERDE);
            this.frequencyError = frequent.getMaximumError();
            List<ItemsSketch.Row<String>> rows = new ArrayList<>(Arrays.asList(
                    frequent.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)));
            rows.sort(Comparator.comparingLong((ItemsSketch.Row<String> r) -> r.getEstimate()).reversed()
                    .thenComparing(ItemsSketch.Row::getItem));
            List<ItemCount> list = new ArrayList<>();
            for (ItemsSketch.Row<String> row : rows.subList(0, Math.min(options.topK(), rows.size()))) {
                list.add(new ItemCount(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound()));
            }
            this.top = List.copyOf(list);
        }
        if (this.typeShares.total() != count - missing) {
            throw new IllegalArgumentException("column '" + name + "': type shares count " + this.typeShares.total()
                    + " values but " + (count - missing) + " are present");
        }
    }

    static CategoricalProfile of(CategoricalColumn column, ProfileOptions options) {
        List<String> levels = column.levels();
        long[] byCode = new long[levels.size()];
        int rows = column.size();
        long missing = 0;
        for (int row = 0; row < rows; row++) {
            int code = column.code(row);
            if (code == CategoricalColumn.MISSING_CODE) {
                missing++;
            } else {
                byCode[code]++;
            }
        }
        Map<String, Long> counts = new HashMap<>();
        for (int code = 0; code < byCode.length; code++) {
            if (byCode[code] > 0) {
                counts.merge(levels.get(code), byCode[code], Long::sum);
            }
        }
        return fromCounts(column.name(), ColumnType.CATEGORICAL, rows, missing, counts, options);
    }

    static CategoricalProfile of(TextColumn column, ProfileOptions options) {
        Map<String, Long> counts = new HashMap<>();
        int rows = column.size();
        long missing = 0;
        for (int row = 0; row < rows; row++) {
            if (column.isMissing(row)) {
                missing++;
            } else {
                counts.merge(column.get(row), 1L, Long::sum);
            }
        }
        return fromCounts(column.name(), ColumnType.TEXT, rows, missing, counts, options);
    }

    static CategoricalProfile of(BooleanColumn column, ProfileOptions options) {
        long trues = 0;
        long falses = 0;
        int rows = column.size();
        for (int row = 0; row < rows; row++) {
            if (!column.isMissing(row)) {
                if (column.get(row)) {
                    trues++;
                } else {
                    falses++;
                }
            }
        }
        Map<String, Long> counts = new HashMap<>();
        if (trues > 0) {
            counts.put("true", trues);
        }
        if (falses > 0) {
            counts.put("false", falses);
        }
        return fromCounts(column.name(), ColumnType.BOOLEAN, rows, rows - trues - falses, counts, options);
    }

    private static CategoricalProfile fromCounts(String name, ColumnType type, long count, long missing,
            Map<String, Long> counts, ProfileOptions options) {
        return fromCounts(name, type, count, missing, counts, TypeShares.of(counts), options);
    }

    private static CategoricalProfile fromCounts(String name, ColumnType type, long count, long missing,
            Map<String, Long> counts, TypeShares shares, ProfileOptions options) {
        if (counts.size() <= options.exactDistinctLimit()) {
            return new CategoricalProfile(name, type, count, missing, counts, null, null, shares, options);
        }
        HllSketch hll = new HllSketch(HLL_LG_K, TgtHllType.HLL_4);
        ItemsSketch<String> items = new ItemsSketch<>(options.frequentItemsMapSize());
        addCounts(counts, hll, items);
        return new CategoricalProfile(name, type, count, missing, null, hll.toCompactByteArray(),
                items.toByteArray(SERDE), shares, options);
    }

    private static void addCounts(Map<String, Long> counts, HllSketch hll, ItemsSketch<String> items) {
        // sorted order, so that the sketches do not depend on a hash map's iteration order
        for (Map.Entry<String, Long> entry : new TreeMap<>(counts).entrySet()) {
            hll.update(entry.getKey());
            items.update(entry.getKey(), entry.getValue());
        }
    }

    /** Merges two profiles of the same column; see {@link DatasetProfile#merge}. */
    CategoricalProfile merge(CategoricalProfile other) {
        if (counts != null && other.counts != null) {
            Map<String, Long> merged = new HashMap<>(counts);
            other.counts.forEach((value, c) -> merged.merge(value, c, Long::sum));
            return fromCounts(name, type, count + other.count, missing + other.missing, merged,
                    typeShares.plus(other.typeShares), options);
        }
        Union union = new Union(HLL_LG_K);
        union.update(hllSketch());
        union.update(other.hllSketch());
        ItemsSketch<String> frequent = itemsSketch();
        frequent.merge(other.itemsSketch());
        return new CategoricalProfile(name, type, count + other.count, missing + other.missing, null,
                union.getResult(TgtHllType.HLL_4).toCompactByteArray(), frequent.toByteArray(SERDE),
                typeShares.plus(other.typeShares), options);
    }

    /**
     * Returns this column with sketches in place of its exact counts, as a profile written out
     * keeps a sensitive column; this profile when it holds only sketches.
     */
    CategoricalProfile sketchOnly() {
        if (counts == null) {
            return this;
        }
        return new CategoricalProfile(name, type, count, missing, null, hllSketch().toCompactByteArray(),
                itemsSketch().toByteArray(SERDE), typeShares, options);
    }

    private HllSketch hllSketch() {
        if (hll != null) {
            return HllSketch.heapify(hll);
        }
        HllSketch sketch = new HllSketch(HLL_LG_K, TgtHllType.HLL_4);
        for (String value : Objects.requireNonNull(counts).keySet()) {
            sketch.update(value);
        }
        return sketch;
    }

    private ItemsSketch<String> itemsSketch() {
        if (items != null) {
            return ItemsSketch.getInstance(Memory.wrap(items), SERDE);
        }
        ItemsSketch<String> sketch = new ItemsSketch<>(options.frequentItemsMapSize());
        Objects.requireNonNull(counts).forEach(sketch::update);
        return sketch;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long missing() {
        return missing;
    }

    /** @return the number of distinct present values, exact or estimated (see {@link #distinctMethod()}) */
    public long distinct() {
        return distinct;
    }

    /** @return a lower bound on the distinct count: the count itself when exact, else HLL's ≈95.4% bound */
    public long distinctLowerBound() {
        return distinctLower;
    }

    /** @return an upper bound on the distinct count: the count itself when exact, else HLL's ≈95.4% bound */
    public long distinctUpperBound() {
        return distinctUpper;
    }

    /** @return {@link Method#EXACT} when every value was counted, {@link Method#SKETCH} otherwise */
    public Method distinctMethod() {
        return counts != null ? Method.EXACT : Method.SKETCH;
    }

    /**
     * Returns the most frequent values: while counted exactly, the {@link ProfileOptions#topK()}
     * most frequent whatever their counts; from the sketch, only values guaranteed frequent (see
     * {@link #noFrequentValue()}), at most {@link ProfileOptions#topK()} of them.
     *
     * @return the values, most frequent first
     */
    public List<ItemCount> topK() {
        return top;
    }

    /** @return {@link Method#EXACT} when {@link #topK()} holds exact counts, {@link Method#SKETCH} when estimates */
    public Method topKMethod() {
        return distinctMethod();
    }

    /**
     * Tells whether the sketch found no value guaranteed frequent: every value's count is within
     * the sketch's error {@link #frequencyError()}, so listing any would present noise as a finding.
     *
     * @return true when the values are sketched, some are present and none is guaranteed frequent;
     *     false while counted exactly
     */
    public boolean noFrequentValue() {
        return counts == null && top.isEmpty() && count > missing && options.topK() > 0;
    }

    /**
     * Returns how the present values would read as numbers, booleans, timestamps or text under the
     * readers' syntax: exact counts, whether or not the distinct values are sketched.
     *
     * @return the counts per kind, adding up to {@code count() - missing()}
     */
    public TypeShares typeShares() {
        return typeShares;
    }

    /** @return the largest possible error of a sketched frequency; 0 when exact */
    public long frequencyError() {
        return frequencyError;
    }

    /**
     * Returns how often a value occurs: exact while counted exactly, otherwise the frequent-items
     * sketch's estimate (within {@link #frequencyError()}).
     *
     * @param value the value as text
     * @return its count, 0 when absent
     */
    public long frequency(String value) {
        Objects.requireNonNull(value, "value");
        if (counts != null) {
            return counts.getOrDefault(value, 0L);
        }
        return itemsSketch().getEstimate(value);
    }

    /**
     * Returns every present value with its exact count, while the column is counted exactly
     * ({@link #distinctMethod()} {@link Method#EXACT}, at most
     * {@link ProfileOptions#exactDistinctLimit()} distinct values).
     *
     * @return an unmodifiable map from each value's text to its count, keys in ascending
     *     {@link String#compareTo} order, counts adding up to {@code count() - missing()}; empty
     *     when the profile holds sketches instead (then use {@link #topK()} and
     *     {@link #frequency(String)})
     */
    public Optional<SortedMap<String, Long>> exactCounts() {
        return Optional.ofNullable(counts);
    }

    @Nullable SortedMap<String, Long> counts() {
        return counts;
    }

    byte @Nullable [] hll() {
        return hll == null ? null : hll.clone();
    }

    byte @Nullable [] items() {
        return items == null ? null : items.clone();
    }

    ProfileOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "CategoricalProfile[" + name + ", " + type + ", count=" + count + ", missing=" + missing + ", distinct="
                + distinct + " (" + distinctMethod() + ")]";
    }
}
