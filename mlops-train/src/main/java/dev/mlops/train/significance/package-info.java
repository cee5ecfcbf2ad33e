/**
 * Telling a real difference between two models from chance:
 * {@link dev.mlops.train.significance.McNemar}'s exact and mid-p tests on paired predictions,
 * {@link dev.mlops.train.significance.PairedBootstrap} confidence intervals for any
 * {@link dev.mlops.train.metrics.Metric} and for the difference of two models' values,
 * {@link dev.mlops.train.significance.RepeatedRuns} (Welch's t-test over the metric values of
 * runs with different seeds), and the {@link dev.mlops.train.significance.Significance} verdict
 * each of them gives, which a leaderboard prints as a mark.
 *
 * <p>Two models are always named <em>first</em> and <em>second</em>, and a difference is
 * {@code first - second}. Every p-value and statistic here is checked in the tests against
 * statsmodels 0.13.5 or scipy 1.10.1, with the call recorded beside the value. Everything is
 * immutable and thread-safe; bad input (a negative count, fewer than two values per side, a level
 * outside (0, 1), fewer than one resample, tables of different lengths) is refused with an
 * {@link java.lang.IllegalArgumentException} naming the argument and the value.
 */
@NullMarked
package dev.mlops.train.significance;

import org.jspecify.annotations.NullMarked;
