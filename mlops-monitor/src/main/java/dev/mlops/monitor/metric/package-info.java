/**
 * The common currency of monitoring: a {@link dev.mlops.monitor.metric.MetricObservation} is one
 * value of a named, tagged metric at a time, such as the drift statistic of feature {@code age}
 * in one window, or the accuracy of model variant {@code blue} in one window of late labels.
 *
 * <p>Producers (drift over time, model quality) emit observations; consumers take them through
 * {@link dev.mlops.monitor.metric.MetricSink}: the alarm evaluator
 * ({@code dev.mlops.monitor.alarm}), change detection over a series
 * ({@code dev.mlops.monitor.change}) and the Micrometer binder ({@code dev.mlops.monitor.micrometer}).
 * {@link dev.mlops.monitor.metric.MetricNames} lists the well-known names and tag keys, and
 * {@link dev.mlops.monitor.metric.MetricObservation} states the naming rules. A
 * {@link dev.mlops.monitor.metric.MetricFilter} selects observations by name and tags.
 *
 * <p>Everything here is immutable and thread-safe.
 */
@NullMarked
package dev.mlops.monitor.metric;

import org.jspecify.annotations.NullMarked;
