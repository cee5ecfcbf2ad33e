/**
 * Training: the {@code Experiment} interface and its runner, Tribuo adapters from a
 * {@code Table} to a Tribuo {@code Dataset}, baselines, experiment tracking with seeds and data
 * versions, comparison of runs with significance tests, error analysis and slice metrics,
 * feature redundancy and Shapley values, and reproducibility checks.
 *
 * <p>Nothing lives here yet: the training issues fill this package. The module exists now so
 * that the Maven dependency graph of the design is in place from the start.
 */
@NullMarked
package dev.mlops.train;

import org.jspecify.annotations.NullMarked;
