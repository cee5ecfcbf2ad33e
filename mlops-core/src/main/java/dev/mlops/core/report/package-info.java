/**
 * The report envelope every mlops-java report shares: {@link dev.mlops.core.report.ReportHeader}
 * (kind, format version, creation time, the subject's fingerprint) and the
 * {@link dev.mlops.core.report.Severity} of each finding. Reports of leakage, data checks and,
 * later, drift and quality gates write the header's fields first, in the same order, so that
 * tools read any report the same way.
 */
@NullMarked
package dev.mlops.core.report;

import org.jspecify.annotations.NullMarked;
