package dev.mlops.core.predicate;

import dev.mlops.core.SchemaException;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A condition on the rows of a table, written in the one predicate syntax that slices, row
 * checks and the CLI share: {@code age < 25 and city == "Hamburg"},
 * {@code purpose in ("car", "radio/tv")}, {@code income is missing}.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * or-expr    := and-expr ( "or" and-expr )*
 * and-expr   := not-expr ( "and" not-expr )*
 * not-expr   := "not" not-expr | primary
 * primary    := "(" or-expr ")" | comparison
 * comparison := column op literal
 *             | column "in" "(" literal ( "," literal )* ")"
 *             | column "not" "in" "(" literal ( "," literal )* ")"
 *             | column "is" "missing"
 *             | column "is" "not" "missing"
 * op         := "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * column     := identifier | "`" ( any character but "`" | "``" )+ "`"
 * identifier := [A-Za-z_] [A-Za-z0-9_]*          (not a keyword)
 * literal    := number | string | "true" | "false"
 * number     := [+-]? [0-9]+ ( "." [0-9]+ )? ( [eE] [+-]? [0-9]+ )?
 * string     := '"' ( any character but '"' and '\' | '\"' | '\\' )* '"'
 * </pre>
 *
 * <p>So {@code not} binds tighter than {@code and}, which binds tighter than {@code or}:
 * {@code not a == 1 or b == 2 and c == 3} is {@code (not a == 1) or (b == 2 and c == 3)}.
 * Keywords ({@code and or not in is missing true false}) match in any case; a column whose name
 * is a keyword or not an identifier is written in backquotes, a backquote in it doubled:
 * {@code `credit amount` > 1000}, {@code `in` == 1}. Whitespace separates tokens and is
 * otherwise ignored. Numbers are finite doubles in the strict decimal syntax above, read
 * independently of the default locale; {@code NaN}, {@code Infinity}, {@code .5}, {@code 5.} and
 * {@code 1.2.3} are not numbers, a number too large for a double is an error, and one too
 * close to zero to be a double other than zero reads as zero.
 *
 * <h2>Types</h2>
 *
 * <p>{@link #bind(Table)} and {@link #check(Schema)} check each comparison against its column's
 * type: a NUMERIC column takes numbers; CATEGORICAL and TEXT columns take strings; a BOOLEAN
 * column takes {@code true} and {@code false}; a TIMESTAMP column takes strings that are ISO-8601
 * instants with an offset or zone ({@code "2024-05-01T12:00:00Z"},
 * {@code "2024-05-01T14:00:00+02:00"}, {@code "2024-05-01T14:00:00+02:00[Europe/Berlin]"}),
 * compared as instants. The ordering operators {@code < <= > >=} apply to NUMERIC and TIMESTAMP
 * columns only. A string that is not a level of a categorical column is allowed: no value
 * equals it, so {@code ==} and {@code in} match no row and {@code !=} and {@code not in} match
 * every row whose value is present. Strings compare exactly, character by character,
 * case-sensitively.
 *
 * <h2>Missing values and NaN</h2>
 *
 * <p>Logic is two-valued: every condition on a row is true or false, never unknown.
 * <ul>
 *   <li>Every comparison with a missing cell is <b>false</b>, whatever the operator,
 *       {@code !=} and {@code not in} included: a missing value is neither equal nor unequal to
 *       anything. So {@code x != 1} and {@code x not in (1, 2)} do not match rows where
 *       {@code x} is missing.</li>
 *   <li>{@code not} is plain boolean negation of its operand's result, so
 *       {@code not (x == 1)} <b>does</b> match a row where {@code x} is missing (the comparison
 *       is false, its negation true), unlike {@code x != 1}. Likewise {@code not x in (1, 2)}
 *       matches a missing {@code x} and {@code x not in (1, 2)} does not.</li>
 *   <li>{@code x is missing} and {@code x is not missing} test missingness and nothing else; a
 *       NaN in a numeric column is a value, not missing.</li>
 *   <li>A NaN value compares as IEEE 754 says: false with every operator except {@code !=},
 *       which is true. Accordingly NaN is {@code in} no list, and {@code not in} every list.
 *       {@code -0.0 == 0.0} is true.</li>
 * </ul>
 *
 * <h2>Identity</h2>
 *
 * <p>{@link #toString()} gives the canonical form: keywords in lower case, single spaces,
 * numbers in their shortest form, only the parentheses the precedence needs to keep the tree's
 * shape. Parsing the canonical form gives an equal predicate. Two predicates are equal when they
 * parse to the same tree, that is when their canonical forms are equal: {@code AGE<25.0} equals
 * {@code AGE < 25}, but not {@code age < 25} (column names are case-sensitive); and
 * {@code a == 1 and (b == 2 and c == 3)} does not equal {@code a == 1 and b == 2 and c == 3},
 * though both match the same rows.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RowPredicate {
    private final Node root;
    private final String canonical;

    private RowPredicate(Node root) {
        this.root = root;
        this.canonical = root.canonical();
    }

    /**
     * Parses an expression.
     *
     * @param expression the text, following the grammar above
     * @return the predicate
     * @throws PredicateSyntaxException if the text does not follow the grammar; its message
     *     points at the offending character
     */
    public static RowPredicate parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new RowPredicate(Parser.parse(expression));
    }

    /**
     * Checks the predicate against a schema without binding it: every column must exist and
     * every literal and operator must fit its column's type.
     *
     * @param schema the schema of the tables it will be bound to
     * @throws SchemaException for an unknown column (the message lists the columns there are),
     *     a literal of the wrong type, an ordering operator on a column that is not numeric or
     *     a timestamp, or a string that is not an instant compared with a timestamp column; the
     *     message names the column, its type and the literal
     */
    public void check(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        Binder.check(root, schema);
    }

    /**
     * Binds the predicate to a table: resolves the column names, checks the types and converts
     * the literals once (a categorical literal becomes its level's code).
     *
     * @param table the table whose rows will be tested
     * @return the bound predicate
     * @throws SchemaException as {@link #check(Schema)} does
     */
    public BoundPredicate bind(Table table) {
        Objects.requireNonNull(table, "table");
        Binder.check(root, table.schema());
        return new Bound(this, table, Binder.bind(root, table));
    }

    /**
     * Returns the rows of a table that satisfy the predicate.
     *
     * @param table the table
     * @return the 0-based rows, in ascending order
     * @throws SchemaException as {@link #check(Schema)} does
     */
    public int[] matchingRows(Table table) {
        return bind(table).matchingRows();
    }

    /**
     * Returns a zero-copy view of the rows of a table that satisfy the predicate.
     *
     * @param table the table
     * @return {@code table.rows(matchingRows(table))}
     * @throws SchemaException as {@link #check(Schema)} does
     */
    public Table select(Table table) {
        return bind(table).select();
    }

    /** @return the names of the columns the predicate reads, each once, in order of first appearance */
    public List<String> columns() {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        return List.copyOf(new ArrayList<>(names));
    }

    private static void collect(Node node, Set<String> names) {
        if (node instanceof Node.Or or) {
            or.operands().forEach(operand -> collect(operand, names));
        } else if (node instanceof Node.And and) {
            and.operands().forEach(operand -> collect(operand, names));
        } else if (node instanceof Node.Not not) {
            collect(not.operand(), names);
        } else if (node instanceof Node.Comparison comparison) {
            names.add(comparison.column());
        } else if (node instanceof Node.In in) {
            names.add(in.column());
        } else {
            names.add(((Node.IsMissing) node).column());
        }
    }

    /** @return the syntax tree, for tests in this package */
    Node root() {
        return root;
    }

    /** @return the canonical form, which {@link #parse(String)} reads back to an equal predicate */
    @Override
    public String toString() {
        return canonical;
    }

    /** Two predicates are equal when they have the same syntax tree, i.e. the same canonical form. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RowPredicate that && root.equals(that.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }
}
