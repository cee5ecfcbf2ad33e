/**
 * Monitoring: capture of requests and responses at each pipeline stage, baseline statistics and
 * constraints, the {@code DriftDetector} interface and its tests, drift over time, model quality
 * with late ground truth, alarms, and HTML reports with charts.
 *
 * <p>Nothing lives here yet: the monitoring issues fill this package. The module exists now so
 * that the Maven dependency graph of the design is in place from the start.
 */
@NullMarked
package dev.mlops.monitor;

import org.jspecify.annotations.NullMarked;
