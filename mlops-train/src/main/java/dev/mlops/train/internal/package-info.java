/**
 * What mlops-train's packages share with each other but not with users: reading a prediction
 * table against the truth ({@link dev.mlops.train.internal.ClassifiedRows},
 * {@link dev.mlops.train.internal.PredictionColumns}), used by the metrics and the significance
 * tests alike. Not an API: it may change in any release, and other modules must not use it.
 */
@NullMarked
package dev.mlops.train.internal;

import org.jspecify.annotations.NullMarked;
