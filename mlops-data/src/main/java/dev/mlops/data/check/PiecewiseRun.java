package dev.mlops.data.check;

import dev.mlops.core.MlopsException;
import dev.mlops.core.SchemaException;
import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.TableChunks;
import dev.mlops.data.io.TableSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link CheckSuite} over a table read in pieces: see
 * {@link CheckSuite#run(TableSource, CheckContext)}. One run; not thread-safe.
 */
final class PiecewiseRun {
    private final CheckSuite suite;
    private final TableSource source;
    private final CheckContext context;
    private final Schema schema;
    private final List<Check> checks;
    private final List<CheckRoute> routes = new ArrayList<>();
    private final List<CheckResult> probes;
    /** The counts of each counted check, by its index in the suite. */
    private final Map<Integer, RowCounts> counts = new HashMap<>();
    /** The result of a counted check whose rule could not be bound to a piece, by its index. */
    private final Map<Integer, CheckResult> unbound = new HashMap<>();
    /** The missing values of each column a schema check expects not to be null. */
    private final Map<String, Long> missing = new HashMap<>();
    private final @Nullable StackedColumns gathered;
    private long rows;

    private PiecewiseRun(CheckSuite suite, TableSource source, CheckContext context) {
        this.suite = suite;
        this.source = source;
        this.context = context;
        this.schema = source.schema();
        this.checks = suite.checks();
        // the results on no rows tell which checks the schema alone decides
        this.probes = suite.run(Table.empty(schema), context).results();
        Set<String> gatheredNames = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            CheckRoute route = CheckRoute.of(checks.get(i), probes.get(i));
            routes.add(route);
            if (route == CheckRoute.GATHERED) {
                gatheredNames.addAll(seen(checks.get(i)));
            } else if (route == CheckRoute.SCHEMA) {
                for (ExpectedColumn column : ((SchemaCheck) checks.get(i)).expected()) {
                    if (!column.nullable() && schema.contains(column.name())) {
                        missing.put(column.name(), 0L);
                    }
                }
            }
        }
        this.gathered = gatheredNames.isEmpty() ? null : new StackedColumns(inOrder(gatheredNames));
    }

    /**
     * Runs the suite.
     *
     * @return the report that {@link CheckSuite#run(Table, CheckContext)} gives for the whole table
     */
    static CheckReport run(CheckSuite suite, TableSource source, CheckContext context) {
        return new PiecewiseRun(suite, source, context).run();
    }

    private CheckReport run() {
        Schema read = inOrder(needed());
        @Nullable Table only = null;
        int pieces = 0;
        try (TableChunks chunks = source.open(read.names())) {
            while (chunks.hasNext()) {
                Table piece = chunks.next();
                add(piece);
                // the first piece is kept only when it is the whole table
                only = ++pieces == 1 && !chunks.hasNext() ? piece : null;
            }
        }
        List<CheckResult> results = new ArrayList<>(checks.size());
        Table stacked = gathered == null ? Table.empty(Schema.of(List.of())) : gathered.table();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            CheckResult result = switch (routes.get(i)) {
                case SCHEMA -> ((SchemaCheck) check).run(schema, rows, missing, context);
                case DECIDED -> probes.get(i);
                case COUNTED -> unbound.containsKey(i) ? unbound.get(i)
                        : counts.getOrDefault(i, new RowCounts(0, 0, 0, List.of())).result((RowCheck) check);
                case GATHERED -> check.run(stacked.select(seen(check).toArray(String[]::new)), context);
            };
            results.add(Objects.requireNonNull(result, () -> check.name() + " returned null"));
        }
        ReportHeader header = new ReportHeader(CheckReport.KIND, CheckReport.FORMAT_VERSION, suite.clock().instant(),
                fingerprint(only, read));
        return new CheckReport(header, suite.name(), rows, results);
    }

    /** Counts, gathers and measures one piece. */
    private void add(Table piece) {
        rows += piece.rowCount();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            if (routes.get(i) == CheckRoute.SCHEMA) {
                for (ExpectedColumn column : ((SchemaCheck) check).expected()) {
                    if (missing.containsKey(column.name())) {
                        missing.merge(column.name(), (long) piece.column(column.name()).missingCount(), Long::sum);
                    }
                }
            } else if (routes.get(i) == CheckRoute.COUNTED && !unbound.containsKey(i)) {
                count(i, (RowCheck) check, piece);
            }
        }
        if (gathered != null) {
            requireGatherable(rows, checks.get(routes.indexOf(CheckRoute.GATHERED)), source.name());
            gathered.add(piece);
        }
    }

    /**
     * @param rows the rows gathered with the next piece
     * @param check the first check that gathers its columns
     * @param source the input's name
     * @throws MlopsException if there are more rows than a table holds
     */
    static void requireGatherable(long rows, Check check, String source) {
        if (rows > Integer.MAX_VALUE) {
            throw new MlopsException(source + ": check '" + check.name() + "' (" + check.type() + ") needs its columns"
                    + " whole, but the table has more than " + Integer.MAX_VALUE + " rows, the most a table holds; run"
                    + " the suite without it");
        }
    }

    private void count(int index, RowCheck check, Table piece) {
        RowRule rule;
        try {
            rule = check.bind(piece);
        } catch (SchemaException e) {
            unbound.put(index, Results.cannotRun(check, Threshold.atLeast(check.mostly()), e.getMessage()));
            return;
        }
        RowCounts part = RowCounts.of(rule, piece.rowCount(), context.sampleSize());
        counts.merge(index, part, (before, next) -> before.followedBy(next, context.sampleSize()));
    }

    /**
     * @return the fingerprint of the whole table: of the only piece when it came whole, else fed
     *     column by column ({@link TableSource#fingerprint(int)})
     * @throws MlopsException if the table has more rows than a fingerprint's encoding counts
     */
    private Fingerprint fingerprint(@Nullable Table only, Schema read) {
        if (only != null && read.equals(schema)) {
            return Fingerprint.of(only);
        }
        return source.fingerprint(countable(rows, source.name()));
    }

    /**
     * @param rows the table's rows
     * @param source the input's name
     * @return the rows, which a fingerprint's encoding counts
     * @throws MlopsException if there are more rows than the encoding counts
     */
    static int countable(long rows, String source) {
        if (rows > Integer.MAX_VALUE) {
            throw new MlopsException(source + ": the table has " + rows + " rows, more than the " + Integer.MAX_VALUE
                    + " a fingerprint counts, so a report cannot name it");
        }
        return (int) rows;
    }

    /** @return the columns the pass reads: each check's that it does not decide from the schema; at least one */
    private Set<String> needed() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            switch (routes.get(i)) {
                case SCHEMA -> ((SchemaCheck) check).expected().stream().filter(column -> !column.nullable())
                        .forEach(column -> names.add(column.name()));
                case COUNTED, GATHERED -> names.addAll(seen(check));
                case DECIDED -> {
                    // decided by the schema: reads nothing
                }
            }
        }
        if (names.isEmpty() && schema.size() > 0) {
            // a table of no columns has no rows: the first column counts them
            names.add(schema.field(0).name());
        }
        return names;
    }

    /** @return the columns a check sees that the table has: those it names, or all when it names none */
    private List<String> seen(Check check) {
        return schema.names().stream().filter(name -> check.columns().isEmpty() || check.columns().contains(name))
                .toList();
    }

    /** @return the table's fields of those names, in its order */
    private Schema inOrder(Set<String> names) {
        List<Field> fields = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (names.contains(field.name())) {
                fields.add(field);
            }
        }
        return Schema.of(fields);
    }
}
