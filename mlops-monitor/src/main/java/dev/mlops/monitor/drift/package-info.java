/**
 * Drift detection: whether a column's current values differ from a reference, the raw training
 * values or a stored baseline profile.
 *
 * <p>A {@link dev.mlops.monitor.drift.DriftDetector} compares a
 * {@link dev.mlops.monitor.drift.Sample} (numbers or category counts, with the missing count) with
 * a {@link dev.mlops.monitor.drift.Reference} (raw values or a column profile) and returns a
 * {@link dev.mlops.monitor.drift.DriftResult}: the statistic, the p-value of a test and whether it
 * is exact, approximate or absent, the threshold and the verdict. The built-ins
 * ({@link dev.mlops.monitor.drift.DriftDetectors}) are thin adapters over the shared statistics of
 * {@code dev.mlops.data.stat}: Kolmogorov–Smirnov, chi-square, Welch's t, PSI, Jensen–Shannon,
 * normalized Wasserstein, the L∞ distance between CDFs, and shifts of the mean, standard
 * deviation, missing share, min and max. Detectors are components
 * ({@link dev.mlops.monitor.drift.DriftDetectorTypes}): a user's own plugs in through the
 * component registry. {@link dev.mlops.monitor.drift.Correction} adjusts the p-values of many
 * columns (Benjamini–Hochberg by default, Holm as an option).
 *
 * <p>{@link dev.mlops.monitor.drift.TableDrift} does it for a whole table: every column of a raw
 * reference table or a stored profile against a current table, the p-values corrected across the
 * columns, into a {@link dev.mlops.monitor.drift.TableDriftReport} in the shared report envelope,
 * one {@link dev.mlops.monitor.drift.ColumnDrift} per column with its severity and the
 * {@link dev.mlops.monitor.drift.Histogram} a chart needs.
 *
 * <p>Everything here is immutable and thread-safe (builders aside); bad input is refused with an
 * {@link java.lang.IllegalArgumentException} whose message names the detector and the problem.
 */
@NullMarked
package dev.mlops.monitor.drift;

import org.jspecify.annotations.NullMarked;
