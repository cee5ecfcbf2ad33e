package dev.mlops.core.predicate;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** Checks a syntax tree against a schema and binds it to a table's columns. */
final class Binder {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_ZONED_DATE_TIME.withLocale(Locale.ROOT);
    private static final String INSTANT_EXAMPLE = "\"2024-05-01T12:00:00Z\" or \"2024-05-01T14:00:00+02:00\"";

    private Binder() {
    }

    /**
     * Checks that every column exists and every literal and operator fits its column's type.
     *
     * @throws SchemaException naming the column, its type and the literal or operator
     */
    static void check(Node node, Schema schema) {
        if (node instanceof Node.Or or) {
            or.operands().forEach(operand -> check(operand, schema));
        } else if (node instanceof Node.And and) {
            and.operands().forEach(operand -> check(operand, schema));
        } else if (node instanceof Node.Not not) {
            check(not.operand(), schema);
        } else if (node instanceof Node.IsMissing missing) {
            type(missing.column(), schema, missing);
        } else if (node instanceof Node.Comparison comparison) {
            ColumnType type = type(comparison.column(), schema, comparison);
            if (comparison.operator().orders() && type != ColumnType.NUMERIC && type != ColumnType.TIMESTAMP) {
                throw new SchemaException("operator '" + comparison.operator().symbol()
                        + "' orders values and applies to NUMERIC and TIMESTAMP columns, but column '"
                        + comparison.column() + "' is " + type + ", in `" + comparison.canonical() + "`");
            }
            checkLiteral(comparison.column(), type, comparison.literal(), comparison);
        } else {
            Node.In in = (Node.In) node;
            ColumnType type = type(in.column(), schema, in);
            for (Literal literal : in.literals()) {
                checkLiteral(in.column(), type, literal, in);
            }
        }
    }

    private static ColumnType type(String column, Schema schema, Node where) {
        OptionalInt index = schema.find(column);
        if (index.isEmpty()) {
            throw new SchemaException("unknown column '" + column + "' in `" + where.canonical() + "`; the "
                    + schema.size() + " columns are: " + String.join(", ", schema.names()));
        }
        return schema.field(index.getAsInt()).type();
    }

    private static void checkLiteral(String column, ColumnType type, Literal literal, Node where) {
        @Nullable String hint = switch (type) {
            case NUMERIC -> literal instanceof Literal.Number ? null : "write numbers without quotes, as in 25";
            case CATEGORICAL, TEXT -> literal instanceof Literal.Text ? null
                    : "write its values in double quotes, as in \"" + bareText(literal) + "\"";
            case BOOLEAN -> literal instanceof Literal.Bool ? null : "compare it with true or false";
            case TIMESTAMP -> literal instanceof Literal.Text ? null
                    : "compare it with an ISO-8601 instant in double quotes, such as " + INSTANT_EXAMPLE;
        };
        if (hint != null) {
            throw new SchemaException("column '" + column + "' is " + type + " and cannot be compared with "
                    + literal.describe() + " in `" + where.canonical() + "`; " + hint);
        }
        if (type == ColumnType.TIMESTAMP) {
            instant(column, (Literal.Text) literal, where);
        }
    }

    private static String bareText(Literal literal) {
        String canonical = literal.canonical();
        return canonical.startsWith("\"") ? canonical.substring(1, canonical.length() - 1) : canonical;
    }

    private static Instant instant(String column, Literal.Text literal, Node where) {
        try {
            return INSTANT.parse(literal.value(), ZonedDateTime::from).toInstant();
        } catch (DateTimeException e) {
            throw new SchemaException("column '" + column + "' is TIMESTAMP but " + literal.describe() + " in `"
                    + where.canonical() + "` is not an ISO-8601 instant with an offset or zone, such as "
                    + INSTANT_EXAMPLE);
        }
    }

    /**
     * Binds a tree, already {@linkplain #check checked} against the table's schema, to the
     * table's columns.
     */
    static Evaluator bind(Node node, Table table) {
        if (node instanceof Node.Or or) {
            return new Evaluator.Or(bindAll(or.operands(), table));
        }
        if (node instanceof Node.And and) {
            return new Evaluator.And(bindAll(and.operands(), table));
        }
        if (node instanceof Node.Not not) {
            return new Evaluator.Not(bind(not.operand(), table));
        }
        if (node instanceof Node.IsMissing missing) {
            return new Evaluator.IsMissing(table.column(missing.column()), missing.negated());
        }
        if (node instanceof Node.Comparison comparison) {
            return comparison(comparison, table.column(comparison.column()));
        }
        Node.In in = (Node.In) node;
        return in(in, table.column(in.column()), in.negated(), in.literals());
    }

    /**
     * Binds the operands of {@code and} or {@code or}, cheapest to evaluate over a block first:
     * the later operands then often have only a few rows left to test. The order does not change
     * the result, since evaluating an operand has no effect but its value.
     */
    private static Evaluator[] bindAll(List<Node> operands, Table table) {
        Evaluator[] bound = new Evaluator[operands.size()];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = bind(operands.get(i), table);
        }
        Arrays.sort(bound, Comparator.comparingInt(Binder::cost));
        return bound;
    }

    /**
     * Ranks how much evaluating a block costs: 0 for a loop over categorical codes or the
     * missing-value bitmap, 1 for a loop over numeric values, 2 for anything tested row by row
     * or made of other operands.
     */
    static int cost(Evaluator evaluator) {
        if (evaluator instanceof Evaluator.CategoricalCompare || evaluator instanceof Evaluator.CategoricalIn
                || evaluator instanceof Evaluator.IsMissing) {
            return 0;
        }
        return evaluator instanceof Evaluator.NumericCompare || evaluator instanceof Evaluator.NumericIn ? 1 : 2;
    }

    private static Evaluator comparison(Node.Comparison comparison, Column column) {
        Operator operator = comparison.operator();
        Literal literal = comparison.literal();
        if (column instanceof NumericColumn numeric) {
            return new Evaluator.NumericCompare(numeric, operator, ((Literal.Number) literal).value());
        }
        if (column instanceof TimestampColumn timestamp) {
            Instant instant = instant(comparison.column(), (Literal.Text) literal, comparison);
            return new Evaluator.TimestampCompare(timestamp, operator, instant.getEpochSecond(), instant.getNano());
        }
        if (column instanceof CategoricalColumn categorical) {
            int code = categorical.levels().indexOf(((Literal.Text) literal).value());
            return new Evaluator.CategoricalCompare(categorical, operator == Operator.EQ,
                    code < 0 ? Integer.MIN_VALUE : code);
        }
        // text and boolean columns support == and != only, which are in and not in of one value
        return in(comparison, column, operator == Operator.NE, List.of(literal));
    }

    private static Evaluator in(Node where, Column column, boolean negated, List<Literal> literals) {
        int n = literals.size();
        return switch (column.type()) {
            case NUMERIC -> {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = ((Literal.Number) literals.get(i)).value();
                }
                yield new Evaluator.NumericIn((NumericColumn) column, negated, values);
            }
            case CATEGORICAL -> {
                CategoricalColumn categorical = (CategoricalColumn) column;
                List<String> levels = categorical.levels();
                boolean[] matches = new boolean[levels.size() + 1];
                Arrays.fill(matches, 1, matches.length, negated);
                for (Literal literal : literals) {
                    int code = levels.indexOf(((Literal.Text) literal).value());
                    if (code >= 0) {
                        matches[code + 1] = !negated;
                    }
                }
                yield new Evaluator.CategoricalIn(categorical, matches);
            }
            case TEXT -> {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = ((Literal.Text) literals.get(i)).value();
                }
                yield new Evaluator.TextIn((TextColumn) column, negated, values);
            }
            case BOOLEAN -> {
                boolean trueListed = false;
                boolean falseListed = false;
                for (Literal literal : literals) {
                    if (((Literal.Bool) literal).value()) {
                        trueListed = true;
                    } else {
                        falseListed = true;
                    }
                }
                yield new Evaluator.BooleanIn((BooleanColumn) column, negated, trueListed, falseListed);
            }
            case TIMESTAMP -> {
                long[] seconds = new long[n];
                int[] nanos = new int[n];
                for (int i = 0; i < n; i++) {
                    Instant instant = instant(column.name(), (Literal.Text) literals.get(i), where);
                    seconds[i] = instant.getEpochSecond();
                    nanos[i] = instant.getNano();
                }
                yield new Evaluator.TimestampIn((TimestampColumn) column, negated, seconds, nanos);
            }
        };
    }
}
