/**
 * Which features are worth keeping: correlation matrices of a table's numeric columns with the
 * highly correlated pairs ({@link dev.mlops.train.features.CorrelationMatrix}), permutation
 * importance of each feature for any predictor and metric
 * ({@link dev.mlops.train.features.PermutationImportance}), and Shapley values of single
 * predictions and mean |SHAP| over many ({@link dev.mlops.train.features.ShapleyExplainer}).
 *
 * <p>Everything random here takes a {@link dev.mlops.core.Seed} and derives named streams from
 * it, so the same seed and data give the same numbers; every estimate states its error.
 */
@NullMarked
package dev.mlops.train.features;

import org.jspecify.annotations.NullMarked;
