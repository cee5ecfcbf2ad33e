package dev.mlops.data.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.json.DocumentReader;
import dev.mlops.core.json.Documents;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.TableSource;
import dev.mlops.data.profile.DatasetProfile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * A named list of {@link Check}s run together over a table: the unit tests of a data set.
 *
 * <p>{@link #run(Table)} runs every check in order and returns a {@link CheckReport}; it never
 * throws for what it finds ({@link CheckReport#requirePassed()} enforces).
 * {@link #quarantine(Table)} sets apart the rows that fail an error-severity {@link RowCheck}.
 * A file is best checked as a {@link Batch} read against what the suite expects, so that a bad
 * cell is a finding for its row alone, named by its line, and the quarantine copies each row's
 * original bytes:
 * <pre>{@code
 * Batch batch = CsvFormat.defaults().readBatch(file, suite.schema());
 * CheckReport report = suite.run(batch);           // "abc" in a numeric column: schema fails naming its line
 * Quarantine split = suite.quarantine(batch);      // that row set apart, every other row checked as usual
 * split.copyQuarantined(file, out);                // the rows set apart, byte for byte, header first
 * }</pre>
 * A suite is written to and read from JSON ({@link #toJson()}, {@link #fromJson(String)},
 * {@link #save(Path)}, {@link #load(Path)}), a document people edit, each check as its component
 * spec: its {@code type} and its settings side by side:
 * <pre>{@code
 * {
 *   "kind": "check-suite",
 *   "formatVersion": 1,
 *   "name": "credit-g",
 *   "checks": [
 *     { "type": "completeness", "column": "age", "min": 1.0, "severity": "error" },
 *     { "type": "range", "column": "age", "min": 18, "max": 100, "mostly": 0.99 }
 *   ]
 * }
 * }</pre>
 * A check's {@code severity} defaults to {@code "error"} and each optional threshold to its
 * strictest value ({@code mostly} 1, no unseen share); a cardinality's {@code min} and
 * {@code max} are required. A check of a user's own type is written and read the same way when
 * its {@link dev.mlops.core.component.ComponentType} is on the class path, or in the registry given
 * to {@link #fromJson(String, ComponentRegistry)} or {@link #load(Path, ComponentRegistry)}. An
 * unknown type, an unknown or misspelt field (with the closest known name) and a value of the
 * wrong type are errors that name the file, the check as {@code checks[i]} and the field; a JSON
 * syntax error names the line and character. Immutable and thread-safe.
 */
public final class CheckSuite {
    /** The {@code kind} of the JSON document. */
    public static final String KIND = "check-suite";
    /** The version of {@link #toJson()}'s format. */
    public static final int FORMAT_VERSION = 1;

    private final String name;
    private final List<Check> checks;
    private final Clock clock;

    private CheckSuite(String name, List<Check> checks, Clock clock) {
        this.name = name;
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    /**
     * @param name the suite's name in reports, such as the data set's
     * @return a builder of an empty suite with the system UTC clock
     * @throws IllegalArgumentException if the name is blank
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the suite's name */
    public String name() {
        return name;
    }

    /** @return the checks in order, unmodifiable */
    public List<Check> checks() {
        return checks;
    }

    /** @return the clock that stamps the reports' creation time */
    public Clock clock() {
        return clock;
    }

    /**
     * @param newClock the clock that stamps the reports' creation time
     * @return this suite with that clock
     */
    public CheckSuite withClock(Clock newClock) {
        return new CheckSuite(name, checks, Objects.requireNonNull(newClock, "newClock"));
    }

    /**
     * Says what the suite expects of the columns, to read a batch with
     * ({@link dev.mlops.data.io.TableFormat#readBatch}): each column its schema checks expect, with
     * its type, in their order; a column that two schema checks expect takes the first one's type.
     *
     * @return the expected columns; empty when the suite has no schema check
     */
    public Schema schema() {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Check check : checks) {
            if (check instanceof SchemaCheck schemaCheck) {
                for (ExpectedColumn column : schemaCheck.expected()) {
                    fields.putIfAbsent(column.name(), Field.of(column.name(), column.type()));
                }
            }
        }
        return Schema.of(List.copyOf(fields.values()));
    }

    /** @return true if a check compares against a reference profile */
    public boolean needsReference() {
        return checks.stream().anyMatch(Check::needsReference);
    }

    /**
     * Runs the checks without a reference.
     *
     * @param table the table
     * @return the report
     * @throws MlopsException if a check needs a reference profile; the message names the checks
     */
    public CheckReport run(Table table) {
        return run(table, CheckContext.defaults());
    }

    /**
     * Runs the checks against a reference profile (the training data's, say).
     *
     * @param table the table
     * @param reference the reference profile for distribution checks
     * @return the report
     */
    public CheckReport run(Table table, DatasetProfile reference) {
        return run(table, CheckContext.defaults().withReference(reference));
    }

    /**
     * Runs the checks in a given context, one after another on the calling thread, while a task
     * on the common fork-join pool computes the table's fingerprint (the calling thread computes
     * it itself when the pool has not started it by the time the checks are done).
     *
     * @param table the table
     * @param context the reference and the failing-row sample size
     * @return the report
     * @throws MlopsException if a check needs a reference profile and the context has none
     */
    public CheckReport run(Table table, CheckContext context) {
        return run(Batch.of(table), context);
    }

    /**
     * Runs the checks over a table read in pieces, such as a Parquet file larger than the heap, with
     * the report {@link #run(Table, CheckContext)} gives for the whole table (every result, the
     * row count and the whole table's fingerprint):
     * <pre>{@code
     * TableSource source = TableSource.of(format, Path.of("events.parquet"));
     * CheckReport report = suite.run(source, CheckContext.defaults().withReference(baseline));
     * }</pre>
     * Each check takes a {@link CheckRoute}, chosen from its result on an empty table of the
     * source's schema: a schema check is judged from the schema, the row count and the missing
     * values of its non-nullable columns; a check that the schema alone decides (a column missing)
     * gets that result; a row-local row check is bound to each piece and its counts added up in
     * order, its failing rows numbered from the table's first row; every other check (uniqueness,
     * cardinality, distributions, a user's plain check or a row check that is not row-local) runs
     * once over its columns gathered from the pieces into one table, which must fit in memory
     * (only those columns; all of them for a check that names none).
     *
     * <p>One pass reads only the columns the checks need (a format that stores columns apart, such
     * as Parquet, reads nothing else) and keeps one piece in memory beside the gathered columns.
     * When the table came in more than one piece or the pass left columns out, the fingerprint then
     * reads each column once more, one at a time ({@link TableSource#fingerprint(int)}); a table in
     * one piece of every column is hashed as it is.
     *
     * @param source the table's pieces
     * @param context the reference and the failing-row sample size
     * @return the report
     * @throws MlopsException if a check needs a reference profile and the context has none; if a
     *     check that gathers its columns meets more rows than a table holds (2^31 - 1), or the
     *     table has more rows than its fingerprint can count
     * @throws dev.mlops.core.DataFormatException if a piece is malformed
     * @throws UncheckedIOException if the input cannot be read
     */
    public CheckReport run(TableSource source, CheckContext context) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(context, "context");
        return PiecewiseRun.run(this, source, context);
    }

    /**
     * Runs the checks without a reference over a batch read against this suite's {@link #schema()}.
     *
     * @param batch the batch
     * @return the report
     * @throws MlopsException if a check needs a reference profile; the message names the checks
     * @throws IllegalArgumentException as {@link #run(Batch, CheckContext)}
     */
    public CheckReport run(Batch batch) {
        return run(batch, CheckContext.defaults());
    }

    /**
     * Runs the checks against a reference profile over a batch read against this suite's
     * {@link #schema()}.
     *
     * @param batch the batch
     * @param reference the reference profile for distribution checks
     * @return the report
     * @throws IllegalArgumentException as {@link #run(Batch, CheckContext)}
     */
    public CheckReport run(Batch batch, DatasetProfile reference) {
        return run(batch, CheckContext.defaults().withReference(reference));
    }

    /**
     * Runs the checks in a given context over a batch read against this suite's {@link #schema()}
     * ({@link dev.mlops.data.io.TableFormat#readBatch}). Every check runs over the rows that were
     * read; each row that could not be read (a {@link dev.mlops.data.io.CellProblem}) is a
     * difference of the schema check that expects the bad cell's column, which then fails at its
     * severity and lists those rows as its failing rows, each bad cell named in its message by line,
     * column name and index, and text. When the batch knows its rows' origins, every failing row
     * carries its physical line, and rows are numbered in input order, the unreadable rows
     * counted, so that row {@code i} is the file's {@code i}-th data row; the report's row count
     * is every input row. Such a batch was read with the expected types, so when it has no rows
     * (a header-only file) the schema check finds no data for the types rather than passing.
     *
     * @param batch the batch
     * @param context the reference and the failing-row sample size
     * @return the report
     * @throws MlopsException if a check needs a reference profile and the context has none
     * @throws IllegalArgumentException if the batch has cells that could not be read but no
     *     origins, or no schema check of the suite expects the column of such a cell
     */
    public CheckReport run(Batch batch, CheckContext context) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(context, "context");
        if (context.reference().isEmpty() && needsReference()) {
            throw new MlopsException("suite '" + name + "' compares distributions against a reference ("
                    + String.join(", ", checks.stream().filter(Check::needsReference).map(Check::name).toList())
                    + ") but was run without a reference profile; pass one (DatasetProfile.of(referenceTable))");
        }
        BatchRows rows = BatchRows.of(batch, name, checks);
        Table table = batch.table();
        // the fingerprint, one pass of SHA-256 over every cell, on another core while the checks run
        ForkJoinTask<Fingerprint> fingerprint = ForkJoinPool.commonPool().submit(() -> Fingerprint.of(table));
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (Check check : checks) {
            CheckResult result = check instanceof SchemaCheck schema
                    ? schema.run(table, context, rows.unreadableOf(check), rows.typesRead())
                    : rows.locate(check.run(table, context));
            results.add(Objects.requireNonNull(result, () -> check.name() + " returned null"));
        }
        ReportHeader header = new ReportHeader(CheckReport.KIND, CheckReport.FORMAT_VERSION, clock.instant(),
                fingerprint.join());
        return new CheckReport(header, name, rows.rowCount(), results);
    }

    /**
     * Splits a table into the rows that pass every error-severity {@link RowCheck} of the suite
     * and the rows that fail one or more, with the names of the checks each failed. Other checks
     * (schema, cardinality, distributions) judge the whole table and quarantine nothing; a row
     * check whose column is missing quarantines nothing either (its report says why).
     *
     * @param table the table
     * @return the two views and the reasons
     */
    public Quarantine quarantine(Table table) {
        return quarantine(Batch.of(table));
    }

    /**
     * Splits a batch read against this suite's {@link #schema()} as {@link #quarantine(Table)}
     * splits a table, and sets apart as well each row that could not be read, with the schema
     * check's finding for each bad cell as its reason ({@code schema(age): expected a number but
     * found "abc"}). When the batch knows its rows' origins, rows are numbered in input order as
     * {@link #run(Batch, CheckContext)} numbers them, carry their lines, and both sides can be
     * copied byte for byte from the input ({@link Quarantine#copyPassing},
     * {@link Quarantine#copyQuarantined}).
     *
     * @param batch the batch
     * @return the two views, the unreadable rows and the reasons
     * @throws IllegalArgumentException as {@link #run(Batch, CheckContext)}
     */
    public Quarantine quarantine(Batch batch) {
        BatchRows located = BatchRows.of(batch, name, checks);
        Table table = batch.table();
        int rows = table.rowCount();
        List<List<String>> failed = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            failed.add(null);
        }
        for (Check check : checks) {
            if (!(check instanceof RowCheck rowCheck) || check.severity() != Severity.ERROR) {
                continue;
            }
            RowRule rule;
            try {
                rule = rowCheck.bind(table);
            } catch (SchemaException e) {
                continue;
            }
            for (int row = 0; row < rows; row++) {
                if (rule.applies(row) && !rule.passes(row)) {
                    List<String> names = failed.get(row);
                    if (names == null) {
                        names = new ArrayList<>(2);
                        failed.set(row, names);
                    }
                    names.add(check.name());
                }
            }
        }
        int[] passing = new int[rows];
        int[] quarantined = new int[rows];
        int passingCount = 0;
        int quarantinedCount = 0;
        List<QuarantinedRow> reasons = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<String> names = failed.get(row);
            if (names == null) {
                passing[passingCount++] = row;
            } else {
                quarantined[quarantinedCount++] = row;
                reasons.add(new QuarantinedRow(located.inputRow(row), located.line(row), names));
            }
        }
        int[] passingRows = Arrays.copyOf(passing, passingCount);
        int[] quarantinedRows = Arrays.copyOf(quarantined, quarantinedCount);
        List<BatchRows.Unreadable> unreadable = located.unreadable();
        return new Quarantine(table.rows(passingRows), table.rows(quarantinedRows), reasons,
                unreadable.stream().map(BatchRows.Unreadable::quarantined).toList(),
                located.originsOf(passingRows, List.of()), located.originsOf(quarantinedRows, unreadable));
    }

    /**
     * Writes the suite as JSON, the form described on this class: each check as its component
     * spec ({@link Check#spec()}), {@code type} and settings side by side.
     *
     * @return the JSON text (keys sorted, two-space indentation)
     * @throws dev.mlops.core.component.ComponentException if a check's settings cannot be written as JSON
     */
    public String toJson() {
        ObjectNode document = Documents.create(KIND, FORMAT_VERSION);
        document.put("name", name);
        ArrayNode written = document.putArray("checks");
        for (Check check : checks) {
            written.add(check.spec().toJson());
        }
        return Documents.write(document);
    }

    /**
     * Reads a suite written by {@link #toJson()} or by hand, whose checks are built-in or on the
     * class path ({@link ComponentRegistry#defaults()}).
     *
     * @param json the JSON text
     * @return the suite, with the system UTC clock
     * @throws MlopsException if the text is not a check suite of a known version, or a check is
     *     malformed; the message names the check as {@code checks[i]} and the field
     */
    public static CheckSuite fromJson(String json) {
        return fromJson(json, ComponentRegistry.defaults());
    }

    /**
     * Reads a suite whose check types a given registry knows, such as one over a plugin directory.
     *
     * @param json the JSON text
     * @param registry the registry that builds the checks by their {@code type}
     * @return the suite, with the system UTC clock
     * @throws MlopsException as {@link #fromJson(String)}
     */
    public static CheckSuite fromJson(String json, ComponentRegistry registry) {
        return read(Documents.parse(Objects.requireNonNull(json, "json"), "check suite"), registry);
    }

    /**
     * Writes the suite to a file atomically, as {@link #toJson()} and a final newline, in UTF-8.
     *
     * @param file the file
     */
    public void save(Path file) {
        AtomicFiles.writeString(file, toJson() + "\n");
    }

    /**
     * Reads a suite from a UTF-8 file, its checks built-in or on the class path.
     *
     * @param file the file
     * @return the suite
     * @throws MlopsException as {@link #fromJson(String)}, the message naming the file (and for
     *     a JSON syntax error the line and character)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CheckSuite load(Path file) {
        return load(file, ComponentRegistry.defaults());
    }

    /**
     * Reads a suite from a UTF-8 file with a given registry, such as the CLI's over the jars of
     * {@code --plugins DIR}.
     *
     * @param file the file
     * @param registry the registry that builds the checks by their {@code type}
     * @return the suite
     * @throws MlopsException as {@link #load(Path)}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static CheckSuite load(Path file, ComponentRegistry registry) {
        return read(Documents.load(Objects.requireNonNull(file, "file")), registry);
    }

    private static CheckSuite read(DocumentReader document, ComponentRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        document.requireKind(KIND, FORMAT_VERSION);
        Builder builder;
        try {
            builder = builder(document.text("name"));
        } catch (IllegalArgumentException e) {
            throw document.error(e.getMessage());
        }
        List<DocumentReader> checks = document.objects("checks");
        document.requireNoOthers();
        for (DocumentReader check : checks) {
            builder.add(registry.read(Check.class, check));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "CheckSuite[" + name + ", " + checks.size() + " checks]";
    }

    /** Collects the checks of a {@link CheckSuite}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Check> checks = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a suite's name must not be blank but was '" + name + "'");
            }
            this.name = name;
        }

        /**
         * @param check a check
         * @return this builder
         */
        public Builder add(Check check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * @param more checks
         * @return this builder
         */
        public Builder addAll(List<? extends Check> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * @param newClock the clock that stamps reports
         * @return this builder
         */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "newClock");
            return this;
        }

        /** @return the suite */
        public CheckSuite build() {
            return new CheckSuite(name, checks, clock);
        }
    }
}
