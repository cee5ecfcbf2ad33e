/**
 * Monitoring over time: a {@link dev.mlops.monitor.job.MonitoringJob} cuts a capture directory
 * into windows, checks each window's inputs against a stored
 * {@link dev.mlops.monitor.baseline.Baseline} (violations and drift per feature), feeds every
 * drift statistic and verdict as a metric observation to alarms and Micrometer, scans each
 * feature's drift series for abrupt or gradual changes, joins late ground truth for model
 * quality, and turns the whole into a {@link dev.mlops.monitor.report.MonitoringReport} (HTML and
 * JSON). {@link dev.mlops.monitor.job.MonitoringReports} maps one table-drift report into the same
 * report model.
 */
@NullMarked
package dev.mlops.monitor.job;

import org.jspecify.annotations.NullMarked;
