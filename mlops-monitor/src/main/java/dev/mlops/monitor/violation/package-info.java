/**
 * Violations: what is wrong with a current table against a baseline, in the shared report
 * envelope — a column missing or extra, a type changed, categories never seen in the reference
 * above a stated share, completeness fallen by more than a stated amount, baseline drift (from
 * {@link dev.mlops.monitor.drift.TableDrift}) and a window with no rows.
 *
 * <p>{@link dev.mlops.monitor.violation.ViolationCheck} (built with
 * {@link dev.mlops.monitor.violation.ViolationCheck#builder()}, thresholds and severities with
 * sensible defaults) compares a current {@link dev.mlops.core.table.Table} with a reference
 * table, or with a stored profile and its schema, and returns a
 * {@link dev.mlops.monitor.violation.ViolationReport}: one
 * {@link dev.mlops.monitor.violation.Violation} per finding, each naming the column, the measured
 * value and the threshold. Bad data is a finding, never an exception. Everything here is
 * immutable and thread-safe, except the builder.
 */
@NullMarked
package dev.mlops.monitor.violation;

import org.jspecify.annotations.NullMarked;
