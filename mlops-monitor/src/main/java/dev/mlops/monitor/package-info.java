/**
 * Monitoring: capture of requests and responses at each pipeline stage, baseline statistics and
 * constraints, the {@code DriftDetector} interface and its tests, drift over time, model quality
 * with late ground truth, alarms, and HTML reports with charts.
 *
 * <p>What lives here now: data capture ({@code dev.mlops.monitor.capture}) and drift detectors
 * ({@code dev.mlops.monitor.drift}); the rest of the monitoring issue fills the other parts.
 */
@NullMarked
package dev.mlops.monitor;

import org.jspecify.annotations.NullMarked;
