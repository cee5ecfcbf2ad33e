/**
 * The monitoring report: what drift detection, drift over time and model quality found, as one
 * self-contained HTML page with SVG charts and, beside it, the same numbers as a JSON document.
 *
 * <p>{@link dev.mlops.monitor.report.MonitoringReport} is a model of plain records that the
 * results of the other monitoring packages map into: summary
 * {@link dev.mlops.monitor.report.Finding findings} with a severity, per feature a
 * {@link dev.mlops.monitor.report.FeatureDrift} (reference against current shares over the same
 * {@link dev.mlops.monitor.report.Bin bins}, the drift statistic and its
 * {@link dev.mlops.monitor.report.Verdict verdict}), {@link dev.mlops.monitor.report.Timeline
 * timelines} of a drift statistic per window with its threshold, and
 * {@link dev.mlops.monitor.report.QualitySeries quality series}, one per metric.
 * {@link dev.mlops.monitor.report.MonitoringReport#toJson()} writes it as a versioned document and
 * {@link dev.mlops.monitor.report.MonitoringReport#fromJson} reads it back;
 * {@link dev.mlops.monitor.report.MonitoringReport#toHtml()} draws it as a page that needs no
 * network and no script; {@link dev.mlops.monitor.report.ReportFiles#write} puts
 * {@code report.html} and {@code report.json} side by side.
 *
 * <p>Numbers appear the same way in the page and in the JSON (six significant digits; the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} for non-finite values), so a reader can
 * match them. Everything here is immutable and thread-safe.
 */
@NullMarked
package dev.mlops.monitor.report;

import org.jspecify.annotations.NullMarked;
