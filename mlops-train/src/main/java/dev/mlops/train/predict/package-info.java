/**
 * Any model behind one small interface: {@link dev.mlops.train.predict.Predictor} (features
 * {@code Table} in, predictions {@code Table} out), the shape of its output
 * ({@link dev.mlops.train.predict.Outputs}: the predicted class with a score per class, or a
 * value) and the check of its input ({@link dev.mlops.train.predict.InputCheck}).
 */
@NullMarked
package dev.mlops.train.predict;

import org.jspecify.annotations.NullMarked;
