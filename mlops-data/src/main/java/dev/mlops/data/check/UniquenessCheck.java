package dev.mlops.data.check;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Each row's key (its values in the given columns) must occur in no other row, for at least a
 * share {@code mostly} of the judged rows. A uniqueness check judges only rows whose key columns
 * are all present, as SQL's {@code UNIQUE} does; a primary-key check judges every row, and a row
 * with a missing key value fails. Values compare as {@link Column#valueEquals} does (NaN equals
 * NaN). Every row of a repeated key fails, so two rows with the same id are two failing rows.
 *
 * @param columns the key's columns, in order, unmodifiable
 * @param primaryKey true for a primary key: unique and complete
 * @param mostly the smallest passing share of judged rows, in {@code [0, 1]}
 * @param severity how serious a failure is
 */
public record UniquenessCheck(List<String> columns, boolean primaryKey, double mostly, Severity severity)
        implements RowCheck {
    static final String TYPE = "uniqueness";
    static final String PRIMARY_KEY_TYPE = "primary-key";

    /**
     * Copies the columns.
     *
     * @param columns the key's columns, in order, unmodifiable
     * @param primaryKey true for a primary key: unique and complete
     * @param mostly the smallest passing share of judged rows, in {@code [0, 1]}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if there are no columns, one is blank or repeated, or
     *     {@code mostly} is not in {@code [0, 1]}
     */
    public UniquenessCheck {
        columns = Columns.names(columns);
        Columns.share("mostly", mostly);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param share the smallest passing share of judged rows, in {@code [0, 1]}
     * @return this check with that share
     */
    public UniquenessCheck withMostly(double share) {
        return new UniquenessCheck(columns, primaryKey, share, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public UniquenessCheck withSeverity(Severity newSeverity) {
        return new UniquenessCheck(columns, primaryKey, mostly, newSeverity);
    }

    @Override
    public String type() {
        return primaryKey ? PRIMARY_KEY_TYPE : TYPE;
    }

    @Override
    public String name() {
        return type() + "(" + String.join(", ", columns) + ")";
    }

    @Override
    public RowRule bind(Table table) {
        List<Column> key = new ArrayList<>(columns.size());
        for (String column : columns) {
            key.add(Columns.of(table, column, this));
        }
        KeyCounts counts = KeyCounts.of(key, table.rowCount());
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return primaryKey || complete(key, row);
            }

            @Override
            public boolean passes(int row) {
                return counts.count(row) == 1;
            }

            @Override
            public String describe(int row) {
                int count = counts.count(row);
                String text = KeyText.of(key, row);
                return count > 1 ? text + " (" + count + " rows)" : text;
            }
        };
    }

    private static boolean complete(List<Column> key, int row) {
        for (Column column : key) {
            if (column.isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    /** @return the settings that rebuild this check (its type says whether it is a primary key) */
    @Override
    public Settings settings() {
        return new Settings(columns, mostly, severity);
    }

    /**
     * The settings of a {@code "uniqueness"} or {@code "primary-key"} check, as a suite's JSON
     * object and a spec string name them; an absent optional setting takes its default. The check
     * validates them when it is built.
     *
     * @param columns the key's columns, in order
     * @param mostly the smallest passing share of judged rows, in [0, 1]; default 1
     * @param severity how serious a failure is; default error
     */
    public record Settings(List<String> columns, @Nullable Double mostly, @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param columns the key's columns, in order
        * @param mostly the smallest passing share of judged rows, in [0, 1]; default 1
        * @param severity how serious a failure is; default error
        */
        public Settings {
            mostly = mostly == null ? 1.0 : mostly;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of uniqueness checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "no two rows with a complete key share it");
        }

        @Override
        public UniquenessCheck create(Settings settings) {
            return new UniquenessCheck(settings.columns(), false, settings.mostly(), settings.severity());
        }
    }

    /** The component type of primary-key checks, registered for {@link java.util.ServiceLoader}. */
    public static final class PrimaryKeyType extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public PrimaryKeyType() {
            super(Check.class, PRIMARY_KEY_TYPE, Settings.class, "every row has a complete key that no other row has");
        }

        @Override
        public UniquenessCheck create(Settings settings) {
            return new UniquenessCheck(settings.columns(), true, settings.mostly(), settings.severity());
        }
    }
}
