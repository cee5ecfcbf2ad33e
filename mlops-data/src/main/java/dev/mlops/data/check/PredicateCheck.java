package dev.mlops.data.check;

import dev.mlops.core.component.ComponentType;
import dev.mlops.core.predicate.PredicateSyntaxException;
import dev.mlops.core.predicate.RowPredicate;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every row must satisfy a {@link RowPredicate} (the one predicate syntax:
 * {@code age >= 18 and purpose != "other"}), for at least a share {@code mostly} of the rows.
 * Every row is judged; the predicate's own rules decide what a missing value does (a comparison
 * with a missing value is false, so write {@code age >= 18 or age is missing} to let missing
 * values pass).
 *
 * @param label the check's own name, which its result carries as {@code predicate(label)}
 * @param predicate the condition each row must meet
 * @param mostly the smallest passing share of rows, in {@code [0, 1]}
 * @param severity how serious a failure is
 */
public record PredicateCheck(String label, RowPredicate predicate, double mostly, Severity severity)
        implements RowCheck {
    static final String TYPE = "predicate";

    /**
     * Validates the settings.
     *
     * @param label the check's own name, which its result carries as {@code predicate(label)}
     * @param predicate the condition each row must meet
     * @param mostly the smallest passing share of rows, in {@code [0, 1]}
     * @param severity how serious a failure is
     * @throws IllegalArgumentException if the label is blank or {@code mostly} is not in {@code [0, 1]}
     */
    public PredicateCheck {
        Columns.required("label", label);
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank but was '" + label + "'");
        }
        Objects.requireNonNull(predicate, "predicate");
        Columns.share("mostly", mostly);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param share the smallest passing share of rows, in {@code [0, 1]}
     * @return this check with that share
     */
    public PredicateCheck withMostly(double share) {
        return new PredicateCheck(label, predicate, share, severity);
    }

    /**
     * @param newSeverity the severity of a failure
     * @return this check with that severity
     */
    public PredicateCheck withSeverity(Severity newSeverity) {
        return new PredicateCheck(label, predicate, mostly, newSeverity);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String name() {
        return TYPE + "(" + label + ")";
    }

    @Override
    public List<String> columns() {
        return predicate.columns();
    }

    /** @return true: each row is judged by its own values alone */
    @Override
    public boolean rowLocal() {
        return true;
    }

    /**
     * Binds the predicate and evaluates it over the whole table at once, a column at a time
     * ({@link dev.mlops.core.predicate.BoundPredicate#selection()}); the rule then looks each row up in that bitmap.
     */
    @Override
    public RowRule bind(Table table) {
        BitSet passing = predicate.bind(table).selection();
        List<Column> shown = new ArrayList<>();
        for (String name : predicate.columns()) {
            shown.add(table.column(name));
        }
        return new RowRule() {
            @Override
            public boolean applies(int row) {
                return true;
            }

            @Override
            public boolean passes(int row) {
                return passing.get(row);
            }

            @Override
            public String describe(int row) {
                return KeyText.of(shown, row);
            }
        };
    }

    /** @return the settings that rebuild this check, the predicate as text */
    @Override
    public Settings settings() {
        return new Settings(label, predicate.toString(), mostly, severity);
    }

    /**
     * The settings of a {@code "predicate"} check, as a suite's JSON object and a spec string name
     * them; an absent optional setting takes its default. The check validates them when it is built.
     *
     * @param label the check's own name
     * @param predicate the condition each row must meet, in the one predicate syntax
     * @param mostly the smallest passing share of rows, in [0, 1]; default 1
     * @param severity how serious a failure is; default error
     */
    public record Settings(String label, String predicate, @Nullable Double mostly, @Nullable Severity severity) {

        /**
        * Fills in the defaults.
        *
        * @param label the check's own name
        * @param predicate the condition each row must meet, in the one predicate syntax
        * @param mostly the smallest passing share of rows, in [0, 1]; default 1
        * @param severity how serious a failure is; default error
        */
        public Settings {
            mostly = mostly == null ? 1.0 : mostly;
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    /** The component type of these checks, registered for {@link java.util.ServiceLoader}. */
    public static final class Type extends ComponentType<Check, Settings> {

        /** Describes the type. */
        public Type() {
            super(Check.class, TYPE, Settings.class, "every row satisfies a predicate, for at least a share mostly");
        }

        /** @throws IllegalArgumentException if the predicate is absent or does not parse; the message says where */
        @Override
        public PredicateCheck create(Settings settings) {
            RowPredicate predicate;
            try {
                predicate = RowPredicate.parse(Columns.required("predicate", settings.predicate()));
            } catch (PredicateSyntaxException e) {
                throw new IllegalArgumentException("predicate " + e.getMessage(), e);
            }
            return new PredicateCheck(settings.label(), predicate, settings.mostly(), settings.severity());
        }
    }
}
