/**
 * Training. What lives here now: the adapter that splits a Tribuo {@code Dataset} with any
 * {@code dev.mlops.data.split.Splitter} ({@link dev.mlops.train.TribuoSplits}, returning a
 * {@link dev.mlops.train.TribuoSplit}: the split artifact and one {@code MutableDataset} per
 * set), and {@link dev.mlops.train.TribuoKeys}, the key columns (label, metadata value, metadata
 * timestamp) that stratified, grouped and temporal splitters read from Tribuo examples.
 *
 * <p>What the training issue will add: the {@code Experiment} interface and its runner, Tribuo
 * adapters from a {@code Table} to a Tribuo {@code Dataset}, baselines, experiment tracking with
 * seeds and data versions, comparison of runs with significance tests, error analysis and slice
 * metrics, feature redundancy and Shapley values, and reproducibility checks.
 *
 * <p>Tribuo logs through {@code java.util.logging}; nothing here configures logging.
 */
@NullMarked
package dev.mlops.train;

import org.jspecify.annotations.NullMarked;
