package dev.mlops.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.mlops.core.SchemaException;
import dev.mlops.data.split.GroupedSplitterSettings;
import dev.mlops.data.split.Guarantee;
import dev.mlops.data.split.LabelType;
import dev.mlops.data.split.RandomSplitterSettings;
import dev.mlops.data.split.SizePolicy;
import dev.mlops.data.split.SmallClasses;
import dev.mlops.data.split.SplitException;
import dev.mlops.data.split.SplitSets;
import dev.mlops.data.split.StratifiedSplitterSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.DateType;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic splits of a Spark {@code Dataset<Row>} into named sets (random, stratified,
 * grouped), configured with the same settings records as the in-memory splitters of
 * {@link dev.mlops.data.split.Splitters}, so that a set of settings means the same in both: the
 * same set names, fractions or {@link SizePolicy}, seed, label column, {@link SmallClasses} and
 * {@link LabelType}.
 *
 * <pre>{@code
 * SparkSplit split = SparkSplits.random(new RandomSplitterSettings(SplitSets.trainTest(0.8, 0.2), 42), "id")
 *         .split(dataset);
 * Dataset<Row> train = split.set("train");
 * }</pre>
 *
 * <p><b>Assignment.</b> A row's set is a function of the seed and the row's key alone: the
 * record-id column for random and stratified splits, the group column for grouped splits. The
 * key is cast to a string (so an id read once as int and once as long, or as the string
 * {@code "17"}, lands in the same set), hashed with Spark's {@code xxhash64(seed, key)}, the top
 * 53 bits of the hash read as a number {@code u} in [0, 1), and the row goes to the first set
 * whose cumulative fraction exceeds {@code u}. It is a Spark column expression, so the optimiser
 * sees it, and it never depends on the partitioning, the order of rows or a task's retry. Rows
 * that share a key share a set: a key (a duplicated record id, a group) is never in two sets.
 *
 * <p><b>Set sizes: a stated bound, not exact.</b> Exact sizes, as the in-memory splitters give
 * (each set within one row of its share), would need a global rank of every row (a sort of the
 * whole Dataset and a second pass), and would make a row's set depend on the other rows. Here
 * each distinct key falls in a set of fraction {@code f} with probability {@code f}, independently
 * of the others as far as the hash mixes them, so a set's count of {@code n} distinct keys is
 * binomial: by Hoeffding's inequality it is within {@link SparkSplitReport#bound(long)}
 * {@code = ceil(sqrt(n ln(2/δ) / 2))} keys of {@code n f} except with probability
 * {@code δ = 1e-9}: 3,273 rows for a million rows (0.33 %), 103,481 for a billion (0.010 %). A
 * stratified split applies the bound to each class's count in each set ({@code n} the class's
 * rows); a grouped split to each set's count of groups. Set sizes in rows under a grouped split
 * also depend on how large the groups are (the report gives the counts measured).
 *
 * <p><b>The summary</b> ({@link SparkSplitReport}) is measured with one aggregate over the
 * assigned rows (counts per set, per class for a stratified split, distinct groups per set for a
 * grouped one) when {@link #split} runs; a size policy other than fixed {@link SplitSets} (such as
 * {@link SizePolicy#guide()}) counts the rows first, one more job. {@link #split} refuses, with a
 * {@link SplitException}, a Dataset with a null key or label, a set left empty, and (unless
 * {@link SmallClasses#ALLOW}) a class absent from a set; with a {@link SchemaException} a key or
 * label column the Dataset lacks, or a label of the wrong type.
 *
 * <p>Not row-for-row equal to the in-memory splitter of the same settings: that one shuffles the
 * rows of a table with a seeded random stream; this one hashes keys. Immutable and thread-safe.
 */
public final class SparkSplits {
    /** The name of the set column unless {@link #withSetColumn} names another. */
    public static final String DEFAULT_SET_COLUMN = "set";
    /** The numbers {@code u} in [0, 1) the hash gives have 53 bits, as a double's fraction. */
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;
    private static final int HASH_SHIFT = 11;

    private enum Kind {
        RANDOM("random"), STRATIFIED("stratified"), GROUPED("grouped");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private final Kind kind;
    private final SizePolicy sizes;
    private final long seed;
    private final String key;
    private final @Nullable String label;
    private final SmallClasses smallClasses;
    private final LabelType labelType;
    private final String setColumn;

    private SparkSplits(Kind kind, SizePolicy sizes, long seed, String key, @Nullable String label,
            SmallClasses smallClasses, LabelType labelType, String setColumn) {
        this.kind = kind;
        this.sizes = sizes;
        this.seed = seed;
        this.key = key;
        this.label = label;
        this.smallClasses = smallClasses;
        this.labelType = labelType;
        this.setColumn = setColumn;
    }

    /**
     * A random split keyed by a record id: each id's set drawn from the seed by hashing.
     *
     * @param settings the sets (or a size policy) and the seed, as {@code Splitters.random} takes them
     * @param idColumn the record-id column whose value decides each row's set
     * @return the splitter
     * @throws IllegalArgumentException if the id column's name is blank
     */
    public static SparkSplits random(RandomSplitterSettings settings, String idColumn) {
        Objects.requireNonNull(settings, "settings");
        return new SparkSplits(Kind.RANDOM, settings.sizes(), settings.seed(), requireName(idColumn, "idColumn"),
                null, SmallClasses.REFUSE, LabelType.INFERRED, DEFAULT_SET_COLUMN);
    }

    /**
     * A stratified split keyed by a record id: each id's set drawn as for {@link #random}, each
     * class's count in each set checked and reported, every class required in every set unless
     * the settings allow small classes.
     *
     * @param settings the sets, label, seed, small-class policy and label type, as
     *     {@code Splitters.stratified} takes them
     * @param idColumn the record-id column whose value decides each row's set
     * @return the splitter
     * @throws IllegalArgumentException if the id column's name is blank
     */
    public static SparkSplits stratified(StratifiedSplitterSettings settings, String idColumn) {
        Objects.requireNonNull(settings, "settings");
        return new SparkSplits(Kind.STRATIFIED, settings.sizes(), settings.seed(), requireName(idColumn, "idColumn"),
                settings.label(), settings.smallClasses(), settings.labelType(), DEFAULT_SET_COLUMN);
    }

    /**
     * A grouped split: each value of the group column goes, with all its rows, to the set its
     * hash draws, so that no group has rows in two sets.
     *
     * @param settings the sets, group column and seed, as {@code Splitters.grouped} takes them
     * @return the splitter
     */
    public static SparkSplits grouped(GroupedSplitterSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new SparkSplits(Kind.GROUPED, settings.sizes(), settings.seed(), settings.group(), null,
                SmallClasses.REFUSE, LabelType.INFERRED, DEFAULT_SET_COLUMN);
    }

    /**
     * Names the column that holds each row's set.
     *
     * @param name the column's name; not blank, and not a column of the Datasets to split
     * @return a splitter like this one writing that column
     * @throws IllegalArgumentException if the name is blank
     */
    public SparkSplits withSetColumn(String name) {
        return new SparkSplits(kind, sizes, seed, key, label, smallClasses, labelType, requireName(name, "setColumn"));
    }

    /**
     * Assigns each row of a Dataset to a set and measures the split with one aggregate.
     *
     * @param dataset the rows to split
     * @return the rows with their set column, the sets and the report
     * @throws SchemaException if the key or label column is absent, the label is not a string
     *     column under {@link LabelType#INFERRED} (or is a timestamp or date), or the set column
     *     already exists
     * @throws SplitException if a key or label is null, a set is left empty, or a class is absent
     *     from a set and small classes are refused
     */
    public SparkSplit split(Dataset<Row> dataset) {
        Objects.requireNonNull(dataset, "dataset");
        StructType struct = dataset.schema();
        List<String> names = Arrays.asList(struct.fieldNames());
        requireColumn(names, key, kind == Kind.GROUPED ? "group" : "record id");
        if (names.contains(setColumn)) {
            throw new SchemaException("the set column '" + setColumn + "' is already a column of the Dataset " + names
                    + "; name another with withSetColumn");
        }
        if (label != null) {
            requireColumn(names, label, "label");
        }
        Column classes = label == null ? lit(null).cast(DataTypes.StringType) : classes(struct, label);
        SplitSets sets = sizes instanceof SplitSets fixed ? fixed
                : sizes.setsFor((int) Math.min(Integer.MAX_VALUE, SparkFailures.run(dataset::count)));
        Dataset<Row> assigned = dataset.withColumn(setColumn, assignment(sets));

        Column keyIsNull = SparkTables.column(key).isNull();
        List<Row> groups = SparkFailures.run(() -> assigned
                .groupBy(SparkTables.column(setColumn).as("s"), classes.as("c"), keyIsNull.as("k"))
                .agg(count(lit(1)), countDistinct(SparkTables.column(key).cast(DataTypes.StringType)))
                .collectAsList());
        return new SparkSplit(assigned, setColumn, sets, report(sets, groups));
    }

    /** The set of each row: {@code u = top 53 bits of xxhash64(seed, string key) / 2^53} cut at the cumulative fractions. */
    private Column assignment(SplitSets sets) {
        Column hash = xxhash64(lit(seed), SparkTables.column(key).cast(DataTypes.StringType));
        Column u = shiftrightunsigned(hash, HASH_SHIFT).cast(DataTypes.DoubleType).multiply(TWO_TO_MINUS_53);
        List<String> setNames = sets.names();
        int last = setNames.size() - 1;
        Column set = lit(setNames.get(last));
        double total = 0;
        for (double fraction : sets.fractions()) {
            total += fraction;
        }
        double cumulative = total;
        for (int s = last - 1; s >= 0; s--) {
            cumulative -= sets.fractions().get(s + 1);
            set = when(u.lt(cumulative / total), setNames.get(s)).otherwise(set);
        }
        return set;
    }

    private Column classes(StructType struct, String labelColumn) {
        var type = struct.apply(labelColumn).dataType();
        if (labelType == LabelType.INFERRED && !(type instanceof StringType)) {
            throw new SchemaException("label column '" + labelColumn + "' has the Spark type " + type.simpleString()
                    + ", not string (categorical); the setting labelType=categorical treats each of its distinct"
                    + " values as a class");
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType || type instanceof DateType) {
            throw new SchemaException("label column '" + labelColumn + "' has the Spark type " + type.simpleString()
                    + "; labelType=categorical reads numbers, booleans and text as classes, not times");
        }
        return SparkTables.column(labelColumn).cast(DataTypes.StringType);
    }

    private SparkSplitReport report(SplitSets sets, List<Row> groups) {
        Map<String, Long> rowsPerSet = new LinkedHashMap<>();
        Map<String, Long> keysPerSet = new LinkedHashMap<>();
        for (String name : sets.names()) {
            rowsPerSet.put(name, 0L);
            keysPerSet.put(name, 0L);
        }
        Map<String, Map<String, Long>> classCounts = new TreeMap<>();
        long nullKeys = 0;
        long nullLabels = 0;
        for (Row row : groups) {
            long rows = row.getLong(3);
            if (row.getBoolean(2)) {
                nullKeys += rows;
                continue;
            }
            String set = row.getString(0);
            rowsPerSet.merge(set, rows, Long::sum);
            keysPerSet.merge(set, row.getLong(4), Long::sum);
            if (label != null) {
                if (row.isNullAt(1)) {
                    nullLabels += rows;
                    continue;
                }
                classCounts.computeIfAbsent(row.getString(1), c -> zeros(sets)).merge(set, rows, Long::sum);
            }
        }
        if (nullKeys > 0) {
            throw new SplitException("the " + (kind == Kind.GROUPED ? "group" : "record id") + " column '" + key
                    + "' is null in " + nullKeys + " rows; a " + kind.text + " split on Spark needs a key on every row"
                    + " (filter or fill them first)");
        }
        if (nullLabels > 0) {
            throw new SplitException("label column '" + label + "' is null in " + nullLabels
                    + " rows; stratification needs a label on every row");
        }
        List<String> empty = new ArrayList<>();
        rowsPerSet.forEach((set, rows) -> {
            if (rows == 0) {
                empty.add(set);
            }
        });
        if (!empty.isEmpty()) {
            long total = rowsPerSet.values().stream().mapToLong(Long::longValue).sum();
            throw new SplitException("a " + kind.text + " split would leave the sets " + empty + " empty (" + sets
                    + ") with " + total + " rows; use more rows, fewer sets or larger fractions");
        }
        Set<Guarantee> held = EnumSet.noneOf(Guarantee.class);
        List<String> notes = new ArrayList<>();
        if (kind == Kind.GROUPED) {
            held.add(Guarantee.GROUPS_INTACT);
        }
        List<String> small = new ArrayList<>();
        classCounts.forEach((c, perSet) -> {
            if (perSet.containsValue(0L)) {
                small.add(c + " (" + perSet.values().stream().mapToLong(Long::longValue).sum() + " rows)");
            }
        });
        if (label != null) {
            if (small.isEmpty()) {
                held.add(Guarantee.EVERY_CLASS_IN_EVERY_SET);
            } else if (smallClasses == SmallClasses.REFUSE) {
                throw new SplitException("cannot stratify over the " + sets.size() + " sets (" + sets + "): "
                        + (small.size() == 1 ? "class " : "classes ") + String.join(", ", small) + " did not reach"
                        + " every set; merge or drop the class, or pass SmallClasses.ALLOW (the setting"
                        + " smallClasses=allow) to keep the split and have the report list it");
            } else {
                notes.add(small.size() + " classes without a row in every set: " + small);
            }
        }
        return new SparkSplitReport(sets, rowsPerSet, keysPerSet, classCounts, held, notes);
    }

    private static Map<String, Long> zeros(SplitSets sets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : sets.names()) {
            counts.put(name, 0L);
        }
        return counts;
    }

    private static void requireColumn(List<String> names, String column, String role) {
        if (!names.contains(column)) {
            throw new SchemaException("the " + role + " column '" + column + "' is not in the Dataset; its columns are "
                    + names);
        }
    }

    private static String requireName(String name, String argument) {
        Objects.requireNonNull(name, argument);
        if (name.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be blank but was '" + name + "'");
        }
        return name;
    }
}
