package dev.mlops.data.slice;

import dev.mlops.core.predicate.RowPredicate;
import dev.mlops.core.table.Table;
import java.util.Objects;

/**
 * A named subset of rows, such as {@code young = age < 25} or
 * {@code hamburg = city == "Hamburg"}, to evaluate a model on that part of the data alone.
 *
 * @param name the slice's name, not blank
 * @param predicate the rows it holds, in the one predicate syntax of {@link RowPredicate}
 */
public record Slice(String name, RowPredicate predicate) {

    /**
     * Checks the parts.
     *
     * @param name the slice's name, not blank
     * @param predicate the rows it holds, in the one predicate syntax of {@link RowPredicate}
     * @throws IllegalArgumentException if the name is blank
     */
    public Slice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(predicate, "predicate");
        if (name.isBlank()) {
            throw new IllegalArgumentException("slice name must not be blank but was '" + name + "'");
        }
    }

    /**
     * Returns the slice of the rows an expression selects.
     *
     * @param name the slice's name
     * @param expression a predicate such as {@code age < 25 and city == "Hamburg"}
     * @return the slice
     * @throws dev.mlops.core.predicate.PredicateSyntaxException if the expression is malformed
     */
    public static Slice of(String name, String expression) {
        return new Slice(name, RowPredicate.parse(expression));
    }

    /**
     * Materialises the slice as a zero-copy view of a table's rows.
     *
     * @param table the table, with the columns the predicate reads
     * @return the rows of the table in the slice
     * @throws dev.mlops.core.SchemaException if a column is missing or has a type the predicate cannot compare
     */
    public Table select(Table table) {
        return predicate.select(table);
    }

    /**
     * Counts the slice's rows in a table.
     *
     * @param table the table
     * @return how many of its rows the slice holds
     */
    public int count(Table table) {
        return predicate.bind(table).countMatching();
    }

    @Override
    public String toString() {
        return name + " = " + predicate;
    }
}
