package dev.mlops.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

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
 * <p><b>The key.</b> Random and stratified splits assign record ids (the id column), grouped
 * splits groups (the group column). A key is read as a canonical string, the same on every JVM
 * and in every session: integral, string and date values as Spark casts them to a string (so an
 * id read once as int and once as long, or as the string {@code "17"}, is one key); a timestamp
 * as its microseconds since the epoch (not a string in the session's time zone); a timestamp
 * without time zone as its local date-time text; a float or double with {@code -0.0} read as
 * {@code 0.0} and every NaN as {@code NaN}, the values Spark groups as one. A key's hash is
 * {@code h = top 53 bits of xxhash64(seed, key)}.
 *
 * <p><b>Random and stratified splits: exact sizes.</b> Each set gets exactly the count the
 * in-memory splitter gives for the same count and fractions (the largest-remainder rule: within
 * one of its exact share), counted in distinct record ids: for a random split over all ids, for
 * a stratified split within each class. The ids are sorted by {@code (class, h, id)} (Spark's
 * range-partitioned sort, no single task), numbered with {@code zipWithIndex} (whose partition
 * counts give each partition's first global index), each id's rank within its class is its index
 * less the class's first index (from the class counts), and the ranks are cut at the cumulative
 * counts. Ties in {@code h} go by the id, so the assignment is a function of the seed and the set
 * of ids (with their classes), never of the partitioning, the order of rows or a task's retry;
 * the rows then get their id's set by a join. The cost: a shuffle of the distinct ids, a sort of
 * them, and a join of the rows with them, where a hash assignment needs none. <b>Duplicate ids:
 * ranked once.</b> The distinct ids are ranked, not rows, so an id on several rows has one set
 * and sizes are exact in ids; they are exact in rows too when every id is on one row, and only
 * then does the report list {@link Guarantee#SET_SIZES_WITHIN_ONE_ROW} (random) or
 * {@link Guarantee#CLASS_COUNTS_WITHIN_ONE_ROW} (stratified). A stratified split refuses an id
 * whose rows carry two labels (it cannot be in one set and in each class's share). Not
 * row-for-row equal to the in-memory splitter of the same settings: that one draws from a
 * seeded random stream in row order; this one ranks by hash.
 *
 * <p><b>Grouped splits: a stated bound.</b> A group goes, with all its rows, to the first set
 * whose cumulative fraction exceeds {@code u = h / 2^53}: a Spark column expression, no shuffle,
 * so no group is ever cut. Exact counts would need each group's size before placing it, which
 * cannot be cut exactly in general; so each distinct group falls in a set of fraction {@code f}
 * with probability {@code f}, independently of the others as far as the hash mixes them, and a
 * set's count of {@code n} distinct groups is binomial: by Hoeffding's inequality it is within
 * {@link SparkSplitReport#bound(long)} {@code = ceil(sqrt(n ln(2/δ) / 2))} groups of {@code n f}
 * except with probability {@code δ = 1e-9} for that one count: 3,273 groups for a million groups
 * (0.33 %), 103,481 for a billion (0.010 %). The bound is on each set's count of groups, not of
 * rows (rows also depend on how large the groups are; the report gives the rows measured), and it
 * holds per count: that all {@code S} sets are within it at once fails with probability at most
 * {@code S δ} (the union bound).
 *
 * <p><b>The summary</b> ({@link SparkSplitReport}) comes from the class counts of the ids (random,
 * stratified; one more aggregate, over the ids, when some id is on several rows) or one aggregate
 * over the assigned rows (grouped); a size policy other than fixed
 * {@link SplitSets} (such as {@link SizePolicy#guide()}) counts the rows first, one more job.
 * {@link #split} refuses, with a {@link SplitException}, a Dataset with a null key or label, an id
 * with two labels, a set left empty, and (unless {@link SmallClasses#ALLOW}) a class whose count
 * leaves a set without one of its ids; with a {@link SchemaException} a key or label column the
 * Dataset lacks, or a label of the wrong type. Immutable and thread-safe.
 */
public final class SparkSplits {
    /** The name of the set column unless {@link #withSetColumn} names another. */
    public static final String DEFAULT_SET_COLUMN = "set";
    /** The numbers {@code u} in [0, 1) the hash gives have 53 bits, as a double's fraction. */
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;
    private static final int HASH_SHIFT = 11;
    /** Working columns of a ranked split. */
    private static final String KEY = "mlops:key";
    private static final String ID_KEY = "mlops:id";
    private static final String CLASS = "mlops:class";
    private static final String OTHER_CLASS = "mlops:other-class";
    private static final String ROWS = "mlops:rows";
    private static final String NULL_LABELS = "mlops:null-labels";
    private static final String HASH = "mlops:hash";
    private static final String SET = "mlops:set";

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
     * Assigns each row of a Dataset to a set and measures the split.
     *
     * @param dataset the rows to split
     * @return the rows with their set column, the sets and the report
     * @throws SchemaException if the key or label column is absent, the label is not a string
     *     column under {@link LabelType#INFERRED} (or is a timestamp or date), or the set column
     *     already exists
     * @throws SplitException if a key or label is null, a record id has rows under two labels, a
     *     set is left empty, or a class cannot reach every set and small classes are refused
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
        Column classes = label == null ? lit("") : classes(struct, label);
        Column keyText = keyText(struct, key);
        SplitSets sets = sizes instanceof SplitSets fixed ? fixed
                : sizes.setsFor((int) Math.min(Integer.MAX_VALUE, SparkFailures.run(dataset::count)));
        return kind == Kind.GROUPED ? hashed(dataset, sets, keyText) : ranked(dataset, names, sets, keyText, classes);
    }

    /**
     * A key as a canonical string: the same on every JVM and in every session time zone, one
     * string for the values Spark groups as one.
     */
    static Column keyText(StructType struct, String name) {
        DataType type = struct.apply(name).dataType();
        Column column = SparkTables.column(name);
        if (type instanceof TimestampType) {
            return unix_micros(column).cast(DataTypes.StringType);
        }
        if (type instanceof DoubleType || type instanceof FloatType) {
            return when(isnan(column), lit("NaN")).when(column.equalTo(0), lit("0.0"))
                    .otherwise(column.cast(DataTypes.StringType));
        }
        return column.cast(DataTypes.StringType);
    }

    /** The top 53 bits of {@code xxhash64(seed, key text)}, a long in [0, 2^53). */
    private Column hash(Column keyText) {
        return shiftrightunsigned(xxhash64(lit(seed), keyText), HASH_SHIFT);
    }

    /** A grouped split: each group to the set its hash draws; the report from one aggregate. */
    private SparkSplit hashed(Dataset<Row> dataset, SplitSets sets, Column keyText) {
        Column u = hash(keyText).cast(DataTypes.DoubleType).multiply(TWO_TO_MINUS_53);
        List<String> setNames = sets.names();
        int last = setNames.size() - 1;
        Column set = lit(setNames.get(last));
        double total = sets.fractions().stream().mapToDouble(Double::doubleValue).sum();
        double cumulative = total;
        for (int s = last - 1; s >= 0; s--) {
            cumulative -= sets.fractions().get(s + 1);
            set = when(u.lt(cumulative / total), setNames.get(s)).otherwise(set);
        }
        Dataset<Row> assigned = dataset.withColumn(setColumn, set);
        List<Row> counts = SparkFailures.run(() -> assigned
                .groupBy(SparkTables.column(setColumn).as("s"), keyText.isNull().as("k"))
                .agg(count(lit(1)), countDistinct(keyText))
                .collectAsList());
        Map<String, Long> rowsPerSet = zeros(sets);
        Map<String, Long> groupsPerSet = zeros(sets);
        for (Row row : counts) {
            if (row.getBoolean(1)) {
                throw nullKeys(row.getLong(2));
            }
            rowsPerSet.put(row.getString(0), row.getLong(2));
            groupsPerSet.put(row.getString(0), row.getLong(3));
        }
        requireNoEmptySet(sets, groupsPerSet, "groups");
        return new SparkSplit(assigned, setColumn, sets, new SparkSplitReport(sets, rowsPerSet, groupsPerSet, Map.of(),
                EnumSet.of(Guarantee.GROUPS_INTACT), List.of()));
    }

    /**
     * A random or stratified split: the distinct ids ranked within their class by
     * {@code (class, hash, id)} and cut at the class's allocated counts; the rows joined to their
     * id's set.
     */
    private SparkSplit ranked(Dataset<Row> dataset, List<String> names, SplitSets sets, Column keyText,
            Column classes) {
        Dataset<Row> ids = dataset.select(keyText.as(KEY), classes.as(CLASS))
                .groupBy(SparkTables.column(KEY))
                .agg(min(SparkTables.column(CLASS)).as(CLASS), max(SparkTables.column(CLASS)).as(OTHER_CLASS),
                        count(lit(1)).as(ROWS), count_if(SparkTables.column(CLASS).isNull()).as(NULL_LABELS));
        Column twoLabels = SparkTables.column(CLASS).notEqual(SparkTables.column(OTHER_CLASS));
        // Spark's order of the classes, which the sort below follows: each class's first index.
        List<Row> perClass = SparkFailures.run(() -> ids
                .groupBy(SparkTables.column(KEY).isNull().as("k"), SparkTables.column(CLASS).as("c"))
                .agg(count(lit(1)), sum(ROWS), sum(NULL_LABELS), count_if(twoLabels),
                        max(when(twoLabels, SparkTables.column(KEY))))
                .orderBy("k", "c")
                .collectAsList());
        long nullLabels = 0;
        long twoLabelIds = 0;
        @Nullable String example = null;
        long rows = 0;
        Map<String, Long> keysPerClass = new LinkedHashMap<>();
        for (Row row : perClass) {
            if (row.getBoolean(0)) {
                throw nullKeys(row.getLong(3));
            }
            rows += row.getLong(3);
            nullLabels += row.getLong(4);
            twoLabelIds += row.getLong(5);
            example = row.isNullAt(6) ? example : row.getString(6);
            if (!row.isNullAt(1)) {
                keysPerClass.put(row.getString(1), row.getLong(2));
            }
        }
        if (nullLabels > 0) {
            throw new SplitException("label column '" + label + "' is null in " + nullLabels
                    + " rows; stratification needs a label on every row");
        }
        if (twoLabelIds > 0) {
            throw new SplitException(twoLabelIds + " record ids of column '" + key + "' have rows under more than one"
                    + " label of column '" + label + "', for example '" + example + "'; a record id is assigned whole,"
                    + " so its rows must share one label");
        }
        Map<String, long[]> allocation = new LinkedHashMap<>();
        List<String> small = new ArrayList<>();
        Map<String, Long> keysPerSet = zeros(sets);
        keysPerClass.forEach((c, n) -> {
            long[] counts = sets.sizes(n);
            allocation.put(c, counts);
            for (int s = 0; s < counts.length; s++) {
                keysPerSet.merge(sets.names().get(s), counts[s], Long::sum);
            }
            if (Arrays.stream(counts).anyMatch(count -> count == 0)) {
                small.add(c + " (" + n + " record ids)");
            }
        });
        if (label != null && !small.isEmpty() && smallClasses == SmallClasses.REFUSE) {
            throw new SplitException("cannot stratify over the " + sets.size() + " sets (" + sets + "): "
                    + (small.size() == 1 ? "class " : "classes ") + String.join(", ", small) + " cannot put one record"
                    + " id in every set within one of its share; merge or drop the class, or pass SmallClasses.ALLOW"
                    + " (the setting smallClasses=allow) to keep the split and have the report list it");
        }
        requireNoEmptySet(sets, keysPerSet, "record ids");

        HashMap<String, long[]> cuts = new HashMap<>();
        long first = 0;
        for (Map.Entry<String, long[]> entry : allocation.entrySet()) {
            long[] cut = new long[entry.getValue().length + 1];
            cut[0] = first;
            for (int s = 0; s < entry.getValue().length; s++) {
                cut[s + 1] = cut[s] + entry.getValue()[s];
            }
            cuts.put(entry.getKey(), cut);
            first = cut[cut.length - 1];
        }
        Dataset<Row> sorted = ids.select(SparkTables.column(KEY), SparkTables.column(CLASS), SparkTables.column(ROWS),
                hash(SparkTables.column(KEY)).as(HASH)).orderBy(SparkTables.column(CLASS), SparkTables.column(HASH), SparkTables.column(KEY));
        JavaRDD<Row> assignedIds = SparkFailures.run(() -> sorted.javaRDD().zipWithIndex())
                .map(setOfRank(cuts, new ArrayList<>(sets.names())));
        Dataset<Row> idSets = dataset.sparkSession().createDataFrame(assignedIds, new StructType()
                .add(ID_KEY, DataTypes.StringType).add(SET, DataTypes.StringType).add(CLASS, DataTypes.StringType)
                .add(ROWS, DataTypes.LongType));

        List<Column> columns = new ArrayList<>();
        names.forEach(name -> columns.add(SparkTables.column(name)));
        columns.add(SparkTables.column(SET).as(setColumn));
        Dataset<Row> assigned = dataset.withColumn(KEY, keyText)
                .join(idSets.select(ID_KEY, SET), SparkTables.column(KEY).equalTo(SparkTables.column(ID_KEY)))
                .select(columns.toArray(Column[]::new));

        long keys = keysPerSet.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> rowsPerSet = zeros(sets);
        Map<String, Map<String, Long>> classCounts = new TreeMap<>();
        if (keys == rows) {
            // every id on one row: the rows are the allocated counts
            rowsPerSet.putAll(keysPerSet);
            allocation.forEach((c, counts) -> {
                Map<String, Long> perSet = zeros(sets);
                for (int s = 0; s < counts.length; s++) {
                    perSet.put(sets.names().get(s), counts[s]);
                }
                classCounts.put(c, perSet);
            });
        } else {
            List<Row> measured = SparkFailures.run(() -> idSets.groupBy(SET, CLASS).agg(sum(ROWS)).collectAsList());
            for (Row row : measured) {
                rowsPerSet.merge(row.getString(0), row.getLong(2), Long::sum);
                classCounts.computeIfAbsent(row.getString(1), c -> zeros(sets)).put(row.getString(0), row.getLong(2));
            }
        }
        Set<Guarantee> held = EnumSet.noneOf(Guarantee.class);
        List<String> notes = new ArrayList<>();
        if (keys == rows) {
            held.add(label == null ? Guarantee.SET_SIZES_WITHIN_ONE_ROW : Guarantee.CLASS_COUNTS_WITHIN_ONE_ROW);
        } else {
            notes.add((rows - keys) + " rows share a record id with another row: each id has one set, and the counts"
                    + " are within one of their share in record ids (keysPerSet), not in rows");
        }
        if (label != null) {
            if (small.isEmpty()) {
                held.add(Guarantee.EVERY_CLASS_IN_EVERY_SET);
            } else {
                notes.add(small.size() + " classes without a record id in every set: " + small);
            }
        }
        return new SparkSplit(assigned, setColumn, sets,
                new SparkSplitReport(sets, rowsPerSet, keysPerSet, label == null ? Map.of() : classCounts, held, notes));
    }

    /** On the executors: an id numbered in {@code (class, hash, id)} order to its row {@code [id, set, class, rows]}. */
    private static Function<Tuple2<Row, Long>, Row> setOfRank(HashMap<String, long[]> cuts, ArrayList<String> sets) {
        return numbered -> {
            Row id = numbered._1();
            long[] cut = cuts.get(id.getString(1));
            long index = numbered._2();
            int set = 0;
            while (index >= cut[set + 1]) {
                set++;
            }
            return RowFactory.create(id.getString(0), sets.get(set), id.getString(1), id.getLong(2));
        };
    }

    private SplitException nullKeys(long rows) {
        return new SplitException("the " + (kind == Kind.GROUPED ? "group" : "record id") + " column '" + key
                + "' is null in " + rows + " rows; a " + kind.text + " split on Spark needs a key on every row"
                + " (filter or fill them first)");
    }

    private void requireNoEmptySet(SplitSets sets, Map<String, Long> perSet, String what) {
        List<String> empty = new ArrayList<>();
        perSet.forEach((set, count) -> {
            if (count == 0) {
                empty.add(set);
            }
        });
        if (!empty.isEmpty()) {
            long total = perSet.values().stream().mapToLong(Long::longValue).sum();
            throw new SplitException("a " + kind.text + " split would leave the sets " + empty + " empty (" + sets
                    + ") with " + total + " " + what + "; use more rows, fewer sets or larger fractions");
        }
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
