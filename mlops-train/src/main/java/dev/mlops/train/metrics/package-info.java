/**
 * Measures of predictions against the truth: the {@link dev.mlops.train.metrics.Metric}
 * interface, which leaderboards, bootstraps, permutation importance and the gate share.
 */
@NullMarked
package dev.mlops.train.metrics;

import org.jspecify.annotations.NullMarked;
