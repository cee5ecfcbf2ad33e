package dev.mlops.spark;

import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.check.Check;
import dev.mlops.data.check.CheckContext;
import dev.mlops.data.check.CheckReport;
import dev.mlops.data.check.CheckResult;
import dev.mlops.data.check.CheckRoute;
import dev.mlops.data.check.CheckSuite;
import dev.mlops.data.check.ExpectedColumn;
import dev.mlops.data.check.Quarantine;
import dev.mlops.data.check.RowCheck;
import dev.mlops.data.check.RowCounts;
import dev.mlops.data.check.SchemaCheck;
import dev.mlops.data.check.UniquenessCheck;
import dev.mlops.data.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a {@link CheckSuite} on a Spark {@code Dataset<Row>} with the same {@link CheckReport} as
 * {@link CheckSuite#run(Table, CheckContext)} gives for the same rows in one JVM (every result's
 * verdict, measured value, statistic, failing-row count, sample and message), and splits a Dataset
 * into passing and quarantined rows as {@link CheckSuite#quarantine(Table)} splits a table:
 * <pre>{@code
 * SparkChecks checks = SparkChecks.defaults().withGatherLimit(2_000_000);
 * CheckReport report = checks.run(suite, dataset, baselineProfile);
 * SparkQuarantine split = checks.quarantine(suite, dataset);
 * split.quarantined().write().parquet("s3://bucket/quarantine/");   // with the column quarantine_reasons
 * }</pre>
 *
 * <p>The Dataset's columns read as {@link SparkSchema#of} maps them (or as a given
 * {@link SparkSchema} says), each column a schema check of the suite expects taking the expected
 * type where its Spark type can be read so (a string column expected as text, say), and a bigint
 * column that no check names read as categorical (only the fingerprint sees it, so an id beyond
 * ±2^53 cannot fail the run); every column must be of a Spark type mlops reads. Row {@code i} is the
 * {@code i}-th row of the Dataset in its partition order, so the Dataset's order must be the same
 * in every action (a file scan's is; a Dataset whose order may change between actions, such as the
 * output of a shuffle without a sort, should be cached or sorted first). Each check takes one of
 * four paths ({@link #route}):
 * <ol>
 *   <li><b>schema</b>: a {@link SchemaCheck} is judged from the Dataset's schema, its row count, and
 *       the null counts of its non-nullable columns, counted in one Spark aggregate;</li>
 *   <li><b>translated</b>: completeness, range, and allowed values and pattern checks of a string
 *       column of the default (binary) collation are Spark column predicates ({@code SparkRule}):
 *       their rows are counted by that aggregate, in a plan Spark's optimiser sees; their first
 *       failing rows are found by the check's own rule in the pass that counts the rows, so that
 *       their numbers are that pass's (another query could order a shuffle's output otherwise);</li>
 *   <li><b>executors</b>: every other {@link RowCheck} whose rule is row-local
 *       ({@link RowCheck#rowLocal()}: predicate checks, allowed values or pattern of a column of
 *       another type or collation, and a user's own that declares it) is rebuilt on each executor
 *       from the suite's JSON and bound to the partition's rows read as tables of at most
 *       {@link #chunkRows()} rows; each partition yields its counts and first failing rows, which the
 *       driver adds up in partition order ({@link RowCounts}). A check of your own gets there through
 *       its {@link dev.mlops.core.component.ComponentType} listed in its jar's
 *       {@code META-INF/services/dev.mlops.core.component.ComponentType}: a check whose type the
 *       default registry does not know fails at once, on the driver;</li>
 *   <li><b>gathered</b>: uniqueness and primary keys, cardinality, the distribution checks against
 *       a reference (mean shift, KS, chi-square, PSI), a user's plain {@link Check}, and a user's
 *       row check that does not declare its rule row-local (it may prepare table-wide state in
 *       {@link RowCheck#bind}) or that overrides {@link RowCheck#run} see whole columns: only their
 *       {@link Check#columns()} (every column when a check names none) are gathered to the driver as one table and the check
 *       runs there. That is exact but bounded by the driver's memory: a Dataset of more rows than
 *       {@link #gatherLimit()} is refused, right after the counting pass, with an error naming the check.</li>
 * </ol>
 * A report's failing-row counts are exact at any size, but a sample holds only rows whose number
 * fits an {@code int}: a failing row past row 2,147,483,647 is counted, not sampled.
 * A check whose columns are missing or of a type it cannot judge is decided on the driver from
 * the schema alone, with the message it gives in one JVM. The report's fingerprint is the
 * Dataset's {@code DatasetFingerprint}, the one its Spark profile states: a hash of its rows as a
 * multiset, the same for any partitioning and row order (a single-JVM report's fingerprint hashes
 * a table's rows in order, so the two differ). Immutable and thread-safe.
 */
public final class SparkChecks {
    /** The default {@link #gatherLimit()}: 10,000,000 rows. */
    public static final long DEFAULT_GATHER_LIMIT = 10_000_000L;
    /** The start of the names of the columns SparkChecks adds while it works; a Dataset may have none. */
    static final String RESERVED_PREFIX = "__mlops_";
    /** The column that numbers the rows while a quarantine puts them back in order after a window. */
    static final String ROW_ID = RESERVED_PREFIX + "row_id";
    /** The default {@link #chunkRows()}: 65,536 rows. */
    public static final int DEFAULT_CHUNK_ROWS = 1 << 16;

    /** The paths a check takes, as the class javadoc describes them. */
    enum Route {
        /** Judged from the schema, the row count and null counts. */
        SCHEMA,
        /** Decided on the driver from the schema alone: a column missing or of the wrong type. */
        DECIDED,
        /** Counted by Spark column expressions. */
        TRANSLATED,
        /** Counted on the executors by the check's own rule. */
        EXECUTORS,
        /** Run on the driver over its gathered columns. */
        GATHERED
    }

    private final long gatherLimit;
    private final boolean translate;
    private final int chunkRows;

    private SparkChecks(long gatherLimit, boolean translate, int chunkRows) {
        this.gatherLimit = gatherLimit;
        this.translate = translate;
        this.chunkRows = chunkRows;
    }

    /**
     * @return checks with the default gather limit, {@value #DEFAULT_GATHER_LIMIT} rows, and chunk
     *     size, {@value #DEFAULT_CHUNK_ROWS} rows
     */
    public static SparkChecks defaults() {
        return new SparkChecks(DEFAULT_GATHER_LIMIT, true, DEFAULT_CHUNK_ROWS);
    }

    /**
     * @param rows the most rows a Dataset may have for a check that gathers its columns on the
     *     driver, 0 or more
     * @return these checks with that limit
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public SparkChecks withGatherLimit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("the gather limit must not be negative but was " + rows);
        }
        return new SparkChecks(rows, translate, chunkRows);
    }

    /** @return the most rows a Dataset may have for a check that gathers its columns on the driver */
    public long gatherLimit() {
        return gatherLimit;
    }

    /**
     * Sets how many rows an executor reads into one table at once, where row checks run by their own
     * rule there: it bounds a task's memory. Counting ({@link #run}) holds that many rows of every
     * column as columnar arrays (8 bytes a number, 4 a category code, plus the categories' text);
     * {@link #quarantine} holds that many of Spark's rows (every column, as Spark stores them) and
     * a table of the executor checks' columns. Results do not depend on it.
     *
     * @param rows the most rows a chunk holds, at least 1; default {@value #DEFAULT_CHUNK_ROWS}
     * @return these checks with that chunk size
     * @throws IllegalArgumentException if {@code rows} is below 1
     */
    public SparkChecks withChunkRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the chunk size must be at least 1 row but was " + rows);
        }
        return new SparkChecks(gatherLimit, translate, rows);
    }

    /** @return the most rows an executor reads into one table at once */
    public int chunkRows() {
        return chunkRows;
    }

    /** @return these checks with every row check run by its own rule on the executors, none translated */
    SparkChecks withoutTranslation() {
        return new SparkChecks(gatherLimit, false, chunkRows);
    }

    /**
     * Runs a suite without a reference.
     *
     * @param suite the suite
     * @param dataset the rows
     * @return the report
     * @throws MlopsException as {@link #run(CheckSuite, Dataset, CheckContext)}
     */
    public CheckReport run(CheckSuite suite, Dataset<Row> dataset) {
        return run(suite, dataset, CheckContext.defaults());
    }

    /**
     * Runs a suite against a reference profile (the training data's, say).
     *
     * @param suite the suite
     * @param dataset the rows
     * @param reference the reference profile for distribution checks
     * @return the report
     * @throws MlopsException as {@link #run(CheckSuite, Dataset, CheckContext)}
     */
    public CheckReport run(CheckSuite suite, Dataset<Row> dataset, DatasetProfile reference) {
        return run(suite, dataset, CheckContext.defaults().withReference(reference));
    }

    /**
     * Runs a suite in a context, each check on its path (see the class javadoc).
     *
     * @param suite the suite
     * @param dataset the rows
     * @param context the reference and the failing-row sample size
     * @return the report, stamped by the suite's clock
     * @throws MlopsException if a check needs a reference and the context has none (the message of
     *     {@link CheckSuite#run(Table, CheckContext)}); if a check that runs on the executors has a
     *     type the default component registry does not know; if a check that gathers its columns
     *     meets a Dataset of more rows than {@link #gatherLimit()}; or as a check fails on an executor
     * @throws SchemaException naming a column of a Spark type mlops cannot read, or one whose name
     *     starts with {@code __mlops_} (kept for the columns this class adds while it works)
     */
    public CheckReport run(CheckSuite suite, Dataset<Row> dataset, CheckContext context) {
        Objects.requireNonNull(dataset, "dataset");
        return run(suite, dataset, SparkSchema.of(dataset.schema()), context);
    }

    /**
     * Runs a suite in a context, the Dataset's columns read as a given schema says (a bigint id
     * beyond ±2^53 read as categorical, say), each check on its path (see the class javadoc). A
     * column that a schema check of the suite expects takes the expected type where its Spark type
     * can be read so. A bigint column that no check names is read as categorical whatever the
     * schema says: only the fingerprint sees it, and so no value of it can fail the run.
     *
     * @param suite the suite
     * @param dataset the rows
     * @param schema how the Dataset's columns read: {@link SparkSchema#of} of its schema, with
     *     types and sensitive marks changed as needed
     * @param context the reference and the failing-row sample size
     * @return the report, stamped by the suite's clock
     * @throws MlopsException as {@link #run(CheckSuite, Dataset, CheckContext)}
     * @throws SchemaException as {@link #run(CheckSuite, Dataset, CheckContext)}, or if the schema
     *     does not map the Dataset's columns, in order
     */
    public CheckReport run(CheckSuite suite, Dataset<Row> dataset, SparkSchema schema, CheckContext context) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(context, "context");
        SparkSchema readAs = prepared(suite, dataset, schema);
        // the same checks of the context as in one JVM, and the results decided by the schema alone
        CheckReport probe = suite.run(Table.empty(readAs.schema()), context);
        StructType struct = dataset.schema();
        List<Check> checks = suite.checks();
        List<Route> routes = new ArrayList<>(checks.size());
        List<Check> onExecutors = new ArrayList<>();
        List<Check> sampledThere = new ArrayList<>();
        int sampleSize = context.sampleSize();
        for (int i = 0; i < checks.size(); i++) {
            Route route = route(checks.get(i), probe.results().get(i), readAs, struct);
            routes.add(route);
            if (route == Route.EXECUTORS) {
                onExecutors.add(checks.get(i));
            } else if (route == Route.TRANSLATED && sampleSize > 0) {
                sampledThere.add(checks.get(i));
            }
        }
        int counted = onExecutors.size();
        List<Check> travelling = new ArrayList<>(onExecutors);
        travelling.addAll(sampledThere);
        String executorSuite = travelling(suite.name(), travelling);
        int chunk = chunkRows;
        // one pass counts the rows, the executor checks and the translated checks' samples, so that
        // the samples' row numbers are this pass's; collect keeps the partitions' order
        List<PartitionCounts> partitions = new ArrayList<>(SparkFailures.run(() -> SparkTables.mapTables(dataset,
                readAs, chunk, (partition, tables) -> List.of(
                        PartitionCounts.count(partition, tables, executorSuite, counted, sampleSize)).iterator())
                .collect()));
        long rows = partitions.stream().mapToLong(PartitionCounts::rows).sum();
        requireGatherable(checks, routes, rows);
        Map<Integer, Long> aggregates = aggregate(dataset, checks, routes, readAs, struct);

        Table gathered = gather(dataset, checks, routes, readAs);
        List<CheckResult> results = new ArrayList<>(checks.size());
        int executorIndex = 0;
        int sampledIndex = counted;
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            CheckResult result = switch (routes.get(i)) {
                case SCHEMA -> ((SchemaCheck) check).run(readAs.schema(), rows,
                        missingCounts((SchemaCheck) check, readAs, aggregates), context);
                case DECIDED -> probe.results().get(i);
                case TRANSLATED -> new RowCounts(rows, aggregates.get(2 * i), aggregates.get(2 * i + 1),
                        sampleSize == 0 ? List.of() : added(partitions, sampledIndex++, sampleSize).sample())
                        .result((RowCheck) check);
                case EXECUTORS -> added(partitions, executorIndex++, sampleSize).result((RowCheck) check);
                case GATHERED -> Objects.requireNonNull(check.run(gathered.select(columns(check, readAs)), context),
                        () -> check.name() + " returned null");
            };
            results.add(result);
        }
        ReportHeader header = new ReportHeader(CheckReport.KIND, CheckReport.FORMAT_VERSION, suite.clock().instant(),
                fingerprint(partitions, readAs.schema()));
        return new CheckReport(header, suite.name(), rows, results);
    }

    /**
     * Splits a Dataset into the rows that pass every error-severity {@link RowCheck} of a suite and
     * the rows that fail one or more, as {@link CheckSuite#quarantine(Table)} splits a table: a
     * row check whose column is missing or of the wrong type quarantines nothing, and other checks
     * quarantine nothing. Nothing runs until an action on a returned Dataset: translated checks
     * (those of the class javadoc, and uniqueness and primary keys as a window count over the key)
     * are column predicates in its plan; the other row checks are rebuilt on the executors and bound
     * to each partition's rows, {@link #chunkRows()} at a time, read as a table of the columns they
     * name (then those columns must be of a type mlops reads). An error while the rows are judged
     * (a bigint value beyond ±2^53 in a column such a check reads as numeric, say) comes at that
     * action, as Spark's {@code SparkException} with the mlops exception as its cause.
     *
     * @param suite the suite
     * @param dataset the rows
     * @return the passing rows and the quarantined rows with their reasons
     * @throws SchemaException if the Dataset already has a column named
     *     {@value Quarantine#REASONS_COLUMN} or one whose name starts with {@code __mlops_}, or a column
     *     of a Spark type mlops cannot read
     * @throws MlopsException if a row check that runs on the executors has a type the default
     *     component registry does not know, or if an error-severity row check that is not a
     *     uniqueness check does not declare its rule row-local ({@link RowCheck#rowLocal()}): it
     *     cannot be bound to each part of the rows apart, and a quarantine gathers nothing
     */
    public SparkQuarantine quarantine(CheckSuite suite, Dataset<Row> dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return quarantine(suite, dataset, SparkSchema.of(dataset.schema()));
    }

    /**
     * Splits a Dataset as {@link #quarantine(CheckSuite, Dataset)} does, its columns read as a given
     * schema says (a bigint column a check reads, holding ids beyond ±2^53, read as categorical, say).
     *
     * @param suite the suite
     * @param dataset the rows
     * @param schema how the Dataset's columns read: {@link SparkSchema#of} of its schema, with
     *     types and sensitive marks changed as needed
     * @return the passing rows and the quarantined rows with their reasons
     * @throws SchemaException as {@link #quarantine(CheckSuite, Dataset)}, or if the schema does not
     *     map the Dataset's columns, in order
     * @throws MlopsException as {@link #quarantine(CheckSuite, Dataset)}
     */
    public SparkQuarantine quarantine(CheckSuite suite, Dataset<Row> dataset, SparkSchema schema) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(dataset, "dataset");
        List<String> names = List.of(dataset.schema().fieldNames());
        if (names.contains(Quarantine.REASONS_COLUMN)) {
            throw new SchemaException("the Dataset already has a column '" + Quarantine.REASONS_COLUMN
                    + "', which the quarantine adds; rename it first");
        }
        SparkSchema readAs = prepared(suite, dataset, schema);
        StructType struct = dataset.schema();
        Table empty = Table.empty(readAs.schema());
        List<RowCheck> judging = new ArrayList<>();
        List<Optional<SparkRule>> rules = new ArrayList<>();
        List<Check> onExecutors = new ArrayList<>();
        for (Check check : suite.checks()) {
            if (check instanceof RowCheck rowCheck && check.severity() == Severity.ERROR && binds(rowCheck, empty)) {
                if (!(check instanceof UniquenessCheck) && !rowCheck.rowLocal()) {
                    throw new MlopsException("check '" + check.name() + "' (" + check.type() + ") is a row check"
                            + " whose rule is not declared row-local (RowCheck.rowLocal() is false), so it cannot be"
                            + " bound to each part of the Dataset apart, and a quarantine gathers nothing; return"
                            + " true from rowLocal() if the rule judges each row by its own values alone, else"
                            + " quarantine in one JVM (CheckSuite.quarantine) or leave the check out of this suite");
                }
                Optional<SparkRule> rule = check instanceof UniquenessCheck unique
                        ? Optional.of(SparkRule.unique(unique, readAs, struct)) : translation(rowCheck, readAs, struct);
                judging.add(rowCheck);
                rules.add(rule);
                if (rule.isEmpty()) {
                    onExecutors.add(check);
                }
            }
        }
        Dataset<Row> flagged = onExecutors.isEmpty() ? dataset
                : FlaggedRows.of(dataset, readAs, named(onExecutors, readAs),
                        travelling(suite.name(), onExecutors), onExecutors.size(), chunkRows);
        // a window over a key moves the rows: number them first, to put them back in order after
        boolean windowed = judging.stream().anyMatch(UniquenessCheck.class::isInstance);
        if (windowed) {
            flagged = flagged.withColumn(ROW_ID, monotonically_increasing_id());
        }
        List<Column> failed = new ArrayList<>();
        int flag = 0;
        for (int i = 0; i < judging.size(); i++) {
            String column = RESERVED_PREFIX + "failed_" + i;
            Column failing = rules.get(i).isPresent() ? rules.get(i).get().failing()
                    : flagged.col(FlaggedRows.flag(flag++));
            flagged = flagged.withColumn(column, failing);
            failed.add(when(SparkTables.column(column), lit(judging.get(i).name())));
        }
        Column any = failed.isEmpty() ? lit(false)
                : failed.stream().map(Column::isNotNull).reduce(Column::or).orElseThrow();
        Column reasons = failed.isEmpty() ? lit(null).cast("string")
                : concat_ws("; ", failed.toArray(Column[]::new));
        Column[] input = names.stream().map(SparkTables::column).toArray(Column[]::new);
        Column[] withReasons = new Column[input.length + 1];
        System.arraycopy(input, 0, withReasons, 0, input.length);
        withReasons[input.length] = reasons.as(Quarantine.REASONS_COLUMN);
        Dataset<Row> passing = flagged.filter(not(any));
        Dataset<Row> quarantined = flagged.filter(any);
        if (windowed) {
            passing = passing.orderBy(SparkTables.column(ROW_ID));
            quarantined = quarantined.orderBy(SparkTables.column(ROW_ID));
        }
        return new SparkQuarantine(passing.select(input), quarantined.select(withReasons));
    }

    /**
     * @return how the Dataset's columns read: the given schema, each column a schema check of the
     *     suite expects taking the expected type where it can, and a bigint column no check names
     *     read as categorical
     * @throws SchemaException if the Dataset has a column of the reserved prefix, or the schema
     *     does not map its columns
     */
    private static SparkSchema prepared(CheckSuite suite, Dataset<Row> dataset, SparkSchema given) {
        Objects.requireNonNull(given, "schema");
        StructType struct = dataset.schema();
        requireUnreserved(struct);
        SparkSchema of = SparkSchema.of(struct);
        boolean same = of.names().equals(given.names());
        for (int c = 0; same && c < of.size(); c++) {
            same = of.source(c) == given.source(c);
        }
        if (!same) {
            throw new SchemaException("the SparkSchema " + given + " does not map the Dataset's columns " + of.names()
                    + " in order, with their Spark types; make it with SparkSchema.of(dataset.schema())");
        }
        SparkSchema schema = readAs(given, suite.schema());
        List<String> named = new ArrayList<>();
        for (Check check : suite.checks()) {
            if (check.columns().isEmpty()) {
                // the check sees every column as it reads
                return schema;
            }
            named.addAll(check.columns());
        }
        for (int c = 0; c < schema.size(); c++) {
            if (schema.source(c) == SourceType.LONG && !named.contains(schema.name(c))) {
                schema = schema.withType(schema.name(c), ColumnType.CATEGORICAL);
            }
        }
        return schema;
    }

    /** @return the columns the checks name, in the schema's order; every column if one names none */
    private static List<String> named(List<Check> checks, SparkSchema schema) {
        return schema.names().stream().filter(name -> checks.stream()
                .anyMatch(check -> check.columns().isEmpty() || check.columns().contains(name))).toList();
    }

    private static void requireUnreserved(StructType struct) {
        for (String name : struct.fieldNames()) {
            if (name.startsWith(RESERVED_PREFIX)) {
                throw new SchemaException("column '" + name + "' of the Dataset starts with '" + RESERVED_PREFIX
                        + "', which SparkChecks keeps for the columns it adds while it works; rename it first");
            }
        }
    }

    /**
     * Chooses a check's path: its {@link CheckRoute}, a counted check translated into Spark's
     * expressions where it can be, else counted on the executors.
     *
     * @param check the check
     * @param probe its result on an empty table of the Dataset's schema
     * @param schema how the Dataset's columns read
     * @param struct the Dataset's Spark schema
     * @return the path
     */
    Route route(Check check, CheckResult probe, SparkSchema schema, StructType struct) {
        return switch (CheckRoute.of(check, probe)) {
            case SCHEMA -> Route.SCHEMA;
            case DECIDED -> Route.DECIDED;
            case GATHERED -> Route.GATHERED;
            case COUNTED -> translation((RowCheck) check, schema, struct).isPresent() ? Route.TRANSLATED
                    : Route.EXECUTORS;
        };
    }

    private Optional<SparkRule> translation(RowCheck check, SparkSchema schema, StructType struct) {
        return translate ? SparkRule.of(check, schema, struct) : Optional.empty();
    }

    private static boolean binds(RowCheck check, Table empty) {
        try {
            check.bind(empty);
            return true;
        } catch (SchemaException e) {
            return false;
        }
    }

    /**
     * The Dataset's columns as {@link SparkSchema#of} maps them, each column the suite expects
     * taking the expected type when its Spark type can be read so (else the schema check reports
     * the difference), and its sensitive mark.
     */
    static SparkSchema readAs(StructType struct, Schema expected) {
        return readAs(SparkSchema.of(struct), expected);
    }

    private static SparkSchema readAs(SparkSchema given, Schema expected) {
        SparkSchema schema = given;
        for (Field field : expected.fields()) {
            try {
                schema = schema.matching(Schema.of(field));
            } catch (SchemaException e) {
                // the type the Spark column has stays; the schema check names the difference
            }
        }
        return schema;
    }

    /**
     * @return the suite of the checks that travel to the executors, as JSON
     * @throws MlopsException naming a check whose type the default registry does not know
     */
    private static String travelling(String name, List<Check> checks) {
        ComponentRegistry registry = ComponentRegistry.defaults();
        for (Check check : checks) {
            if (registry.find(Check.class, check.type()).isEmpty()) {
                throw new MlopsException("check '" + check.name() + "' is of type '" + check.type() + "', which the"
                        + " default component registry does not know, so Spark's executors cannot rebuild it from the"
                        + " suite's JSON; list its ComponentType (a class extending dev.mlops.core.component"
                        + ".ComponentType) in META-INF/services/dev.mlops.core.component.ComponentType of the jar that"
                        + " holds the check, and put that jar on the executors' class path");
            }
        }
        String json = CheckSuite.builder(name).addAll(checks).build().toJson();
        // fails here, on the driver, if a check's settings do not rebuild it
        CheckSuite.fromJson(json);
        return json;
    }

    /**
     * Counts, in one aggregate, the judged and failing rows of each translated check and the nulls
     * of each non-nullable column of a schema check.
     *
     * @return the counts by key: {@code 2 * check} judged and {@code 2 * check + 1} failing rows of a
     *     translated check; {@code -(1 + column index)} a column's nulls (counted once per schema check
     *     that expects it not null)
     */
    private static Map<Integer, Long> aggregate(Dataset<Row> dataset, List<Check> checks, List<Route> routes,
            SparkSchema schema, StructType struct) {
        List<Integer> keys = new ArrayList<>();
        List<Column> counts = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (routes.get(i) == Route.TRANSLATED) {
                SparkRule rule = SparkRule.of((RowCheck) checks.get(i), schema, struct).orElseThrow();
                keys.add(2 * i);
                counts.add(count(when(rule.applies(), lit(1))));
                keys.add(2 * i + 1);
                counts.add(count(when(rule.failing(), lit(1))));
            } else if (routes.get(i) == Route.SCHEMA) {
                for (ExpectedColumn expected : ((SchemaCheck) checks.get(i)).expected()) {
                    int index = schema.names().indexOf(expected.name());
                    if (!expected.nullable() && index >= 0) {
                        keys.add(-1 - index);
                        counts.add(count(when(SparkTables.column(expected.name()).isNull(), lit(1))));
                    }
                }
            }
        }
        Map<Integer, Long> byKey = new HashMap<>();
        if (counts.isEmpty()) {
            return byKey;
        }
        Row row = SparkFailures.run(() -> dataset.agg(counts.get(0), counts.subList(1, counts.size())
                .toArray(Column[]::new)).first());
        for (int k = 0; k < keys.size(); k++) {
            byKey.put(keys.get(k), row.getLong(k));
        }
        return byKey;
    }

    private static Map<String, Long> missingCounts(SchemaCheck check, SparkSchema schema,
            Map<Integer, Long> aggregates) {
        Map<String, Long> missing = new HashMap<>();
        for (ExpectedColumn expected : check.expected()) {
            int column = schema.names().indexOf(expected.name());
            if (!expected.nullable() && column >= 0) {
                missing.put(expected.name(), aggregates.get(-1 - column));
            }
        }
        return missing;
    }

    /**
     * @return the counts of the {@code index}-th check the executors ran, the partitions' counts
     *     added up in partition order
     */
    private static RowCounts added(List<PartitionCounts> partitions, int index, int sampleSize) {
        RowCounts total = new RowCounts(0, 0, 0, List.of());
        for (PartitionCounts partition : partitions) {
            total = total.followedBy(partition.counts(index), sampleSize);
        }
        return total;
    }

    /**
     * Refuses, right after the counting pass, a Dataset too large for a check that gathers its
     * columns.
     *
     * @throws MlopsException naming the first such check if the Dataset has more rows than the limit
     */
    private void requireGatherable(List<Check> checks, List<Route> routes, long rows) {
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            if (routes.get(i) == Route.GATHERED && rows > gatherLimit) {
                throw new MlopsException("check '" + check.name() + "' (" + check.type() + ") runs on the driver over"
                        + " its columns gathered there, but the Dataset has " + rows + " rows, more than the gather"
                        + " limit of " + gatherLimit + "; raise the limit (SparkChecks.withGatherLimit) if the driver"
                        + " has the memory, or run the suite without this check");
            }
        }
    }

    /**
     * Gathers the columns of every check that runs on the driver, in one job.
     *
     * @return a table of those columns, in the Dataset's order; empty of columns when no check gathers
     */
    private static Table gather(Dataset<Row> dataset, List<Check> checks, List<Route> routes, SparkSchema schema) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (routes.get(i) == Route.GATHERED) {
                columns.addAll(List.of(columns(checks.get(i), schema)));
            }
        }
        List<String> ordered = schema.names().stream().filter(columns::contains).toList();
        return columns.isEmpty() ? Table.empty(Schema.of(List.of()))
                : SparkTables.toTable(dataset, schema.select(ordered.toArray(String[]::new)));
    }

    /**
     * @return the columns a gathered check sees, in the Dataset's order: those it names that the
     *     Dataset has, or all when it names none
     */
    private static String[] columns(Check check, SparkSchema schema) {
        return schema.names().stream().filter(name -> check.columns().isEmpty() || check.columns().contains(name))
                .toArray(String[]::new);
    }

    /** @return the fingerprint of the Dataset's rows as a multiset ({@link DatasetFingerprint}) */
    private static Fingerprint fingerprint(List<PartitionCounts> partitions, Schema schema) {
        DatasetFingerprint all = new DatasetFingerprint();
        partitions.forEach(partition -> all.merge(partition.fingerprint()));
        return all.finish(schema);
    }
}
