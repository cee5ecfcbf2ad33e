package dev.mlops.data.check;

import dev.mlops.core.table.Table;
import java.util.Objects;

/**
 * How a check of a suite runs over a table that is not held whole, so that its result is the one
 * {@link CheckSuite#run(Table, CheckContext)} gives for the whole table: over pieces of rows
 * ({@link CheckSuite#run(dev.mlops.data.io.TableSource, CheckContext)}) or over the partitions of a
 * Spark Dataset (mlops-spark's {@code SparkChecks}, which counts some checks with Spark's own
 * expressions). {@link #of} chooses from the check and its result on an empty table of the
 * whole table's schema (the probe).
 */
public enum CheckRoute {
    /**
     * A {@link SchemaCheck}: judged from the schema, the row count and the missing values of its
     * non-nullable columns ({@link SchemaCheck#run(dev.mlops.core.table.Schema, long, java.util.Map,
     * CheckContext)}).
     */
    SCHEMA,
    /**
     * Decided by the schema alone: a built-in check, or a row check counted by
     * {@link RowCheck#run}, whose probe failed (a column missing or of a type the check cannot
     * judge; on no rows, only the schema can fail such a check). The probe is its result.
     */
    DECIDED,
    /**
     * A row check whose rule is row-local ({@link RowCheck#rowLocal()}) and whose class keeps
     * {@link RowCheck#run}: bound to each part of the rows apart, the parts' {@link RowCounts} added
     * in order ({@link RowCounts#followedBy}) and made a result ({@link RowCounts#result}).
     */
    COUNTED,
    /**
     * Every other check — uniqueness and primary keys, cardinality, the distribution checks, a
     * user's plain {@link Check}, and a user's row check that is not row-local or overrides
     * {@link RowCheck#run} — sees whole columns: its {@link Check#columns()} that the table has
     * (every column when it names none) gathered into one table, which must fit in memory.
     */
    GATHERED;

    /**
     * Chooses a check's route.
     *
     * @param check the check
     * @param probe its result on an empty table of the whole table's schema
     * @return the route
     */
    public static CheckRoute of(Check check, CheckResult probe) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(probe, "probe");
        if (check instanceof SchemaCheck) {
            return SCHEMA;
        }
        boolean ownRun = check instanceof RowCheck && runs(check.getClass());
        boolean builtIn = check.getClass().getPackageName().equals(Check.class.getPackageName());
        // a built-in check, or a row check counted by RowCheck.run, fails on no rows only for its schema
        if (probe.verdict() == Verdict.FAILED && (builtIn || check instanceof RowCheck && !ownRun)) {
            return DECIDED;
        }
        // a rule that is not row-local may prepare table-wide state in bind: it must see every row at once
        if (!(check instanceof RowCheck rowCheck) || !rowCheck.rowLocal() || ownRun) {
            return GATHERED;
        }
        return COUNTED;
    }

    /** @return true if a row check's class overrides {@link RowCheck#run} */
    private static boolean runs(Class<?> type) {
        try {
            return type.getMethod("run", Table.class, CheckContext.class).getDeclaringClass() != RowCheck.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("every check has run(Table, CheckContext)", e);
        }
    }
}
