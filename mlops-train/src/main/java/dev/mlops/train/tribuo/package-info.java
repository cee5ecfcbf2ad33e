/**
 * Tribuo behind the library's {@link dev.mlops.train.predict.Predictor}: a
 * {@link dev.mlops.train.tribuo.FeatureEncoder} fitted on training rows turns a {@code Table}
 * into Tribuo examples (numeric as is, categorical one-hot in Tribuo's {@code name@value} style,
 * a stated {@link dev.mlops.train.tribuo.MissingPolicy}), {@link dev.mlops.train.tribuo.TribuoTables}
 * builds classification and regression datasets, and
 * {@link dev.mlops.train.tribuo.TribuoClassifier} and {@link dev.mlops.train.tribuo.TribuoRegressor}
 * wrap trained models, sharing {@link dev.mlops.train.tribuo.TribuoPredictor}.
 */
@NullMarked
package dev.mlops.train.tribuo;

import org.jspecify.annotations.NullMarked;
