/**
 * Model selection: k-fold cross-validation on the library's splitters
 * ({@link dev.mlops.train.selection.Folds}: random, stratified or grouped;
 * {@link dev.mlops.train.selection.CrossValidation}) and grid or random search over an
 * experiment's settings ({@link dev.mlops.train.selection.ModelSearch}), each trial a child run,
 * the best chosen on the folds and the test rows touched once at the end.
 */
@NullMarked
package dev.mlops.train.selection;

import org.jspecify.annotations.NullMarked;
