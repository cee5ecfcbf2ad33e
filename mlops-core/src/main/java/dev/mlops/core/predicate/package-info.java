/**
 * One predicate syntax over the rows of a {@link dev.mlops.core.table.Table}, shared by slices,
 * row checks and the CLI: {@code age < 25 and city == "Hamburg"},
 * {@code purpose in ("car", "radio/tv")}, {@code income is missing}.
 *
 * <p>{@link dev.mlops.core.predicate.RowPredicate#parse(String)} turns the text into an
 * immutable {@link dev.mlops.core.predicate.RowPredicate} once; binding it to a table resolves
 * the column names and checks the types once and gives a
 * {@link dev.mlops.core.predicate.BoundPredicate} that tests rows without allocating. A syntax
 * error is a {@link dev.mlops.core.predicate.PredicateSyntaxException} that points at the
 * character; an unknown column or a literal of the wrong type is a
 * {@link dev.mlops.core.SchemaException}. The grammar and the treatment of missing values and
 * NaN are stated on {@link dev.mlops.core.predicate.RowPredicate}.
 */
@NullMarked
package dev.mlops.core.predicate;

import org.jspecify.annotations.NullMarked;
