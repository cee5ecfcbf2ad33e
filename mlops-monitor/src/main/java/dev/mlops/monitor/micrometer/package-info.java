/**
 * Publishes monitoring metrics and alarms through Micrometer, so a team's Prometheus, Grafana or
 * other registry sees drift statistics, verdicts and quality metrics with no glue code: see
 * {@link dev.mlops.monitor.micrometer.MonitorMeterBinder}.
 */
@NullMarked
package dev.mlops.monitor.micrometer;

import org.jspecify.annotations.NullMarked;
