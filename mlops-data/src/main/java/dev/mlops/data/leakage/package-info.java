/**
 * Leakage between the sets of a {@link dev.mlops.data.split.Split}: rows or ids that appear in two
 * sets, near-duplicates across sets, class distributions that differ between sets, and feature
 * values recorded after the prediction time.
 *
 * <p>{@link dev.mlops.data.leakage.LeakageCheck} runs the checks and returns a
 * {@link dev.mlops.data.leakage.LeakageReport} of {@link dev.mlops.data.leakage.Finding}s, each
 * with a {@link dev.mlops.core.report.Severity}; it never throws for what it finds, unless asked
 * to enforce with {@link dev.mlops.data.leakage.LeakageReport#requirePassed()}. The report
 * opens with the envelope every report shares ({@link dev.mlops.core.report.ReportHeader}: kind,
 * format version, creation time, the table's fingerprint); its findings carry severity, measured
 * value and threshold.
 */
@NullMarked
package dev.mlops.data.leakage;

import org.jspecify.annotations.NullMarked;
