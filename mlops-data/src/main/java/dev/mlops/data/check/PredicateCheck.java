package dev.mlops.data.check;

import dev.mlops.core.predicate.BoundPredicate;
import dev.mlops.core.predicate.PredicateSyntaxException;
import dev.mlops.core.predicate.RowPredicate;
import dev.mlops.core.report.Severity;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        implements RowCheck, BuiltInCheck {
    static final String TYPE = "predicate";

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if the label is blank or {@code mostly} is not in {@code [0, 1]}
     */
    public PredicateCheck {
        Objects.requireNonNull(label, "label");
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

    @Override
    public RowRule bind(Table table) {
        BoundPredicate bound = predicate.bind(table);
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
                return bound.test(row);
            }

            @Override
            public String describe(int row) {
                return KeyText.of(shown, row);
            }
        };
    }

    static PredicateCheck read(JsonFields fields) {
        RowPredicate predicate;
        try {
            predicate = RowPredicate.parse(fields.text("predicate"));
        } catch (PredicateSyntaxException e) {
            throw fields.error("'predicate' " + e.getMessage());
        }
        return new PredicateCheck(fields.text("label"), predicate, fields.number("mostly", 1.0), fields.severity());
    }

    @Override
    public void writeSettings(Map<String, Object> fields) {
        fields.put("label", label);
        fields.put("predicate", predicate.toString());
        fields.put("mostly", mostly);
    }
}
