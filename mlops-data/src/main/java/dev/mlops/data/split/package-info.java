/**
 * Splitting a {@link dev.mlops.core.table.Table} (or a {@link java.util.List}) into named sets
 * such as train, validation and test, with a named guarantee: {@link dev.mlops.data.split.Splitter}
 * and its built-in implementations behind {@link dev.mlops.data.split.Splitters} (random,
 * stratified, grouped, stratified-grouped, temporal), the set fractions
 * ({@link dev.mlops.data.split.SplitSets}, chosen by a {@link dev.mlops.data.split.SizePolicy}),
 * and the {@link dev.mlops.data.split.Split} artifact with its
 * {@link dev.mlops.data.split.GuaranteeReport}.
 *
 * <p>Every random choice takes a seed; a splitter refuses with a
 * {@link dev.mlops.data.split.SplitException} rather than return a split whose guarantee does not
 * hold. Splitters work on primitive arrays: no boxing per row.
 */
@NullMarked
package dev.mlops.data.split;

import org.jspecify.annotations.NullMarked;
