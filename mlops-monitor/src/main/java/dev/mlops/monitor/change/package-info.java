/**
 * Streaming change detection on a metric series, such as a feature's drift statistic window
 * after window: has its level changed, when did the change start, which way, and was it abrupt
 * (a step) or gradual (a ramp)?
 *
 * <p>A {@link dev.mlops.monitor.change.ChangeDetector} is an immutable component (its type and
 * settings rebuild it through the component registry, so a user's own detector plugs in); it
 * {@linkplain dev.mlops.monitor.change.ChangeDetector#start() starts} a
 * {@link dev.mlops.monitor.change.ChangeTracker} per series, fed one value at a time, which
 * reports a {@link dev.mlops.monitor.change.Change} (estimated change point, detection point,
 * direction, estimated shift) the moment it detects one. The built-ins
 * ({@link dev.mlops.monitor.change.ChangeDetectors}) are the two-sided Page–Hinkley test and the
 * two-sided tabular CUSUM, both in units of the series' in-control standard deviation.
 * {@link dev.mlops.monitor.change.ChangeShapes} tells an abrupt change from a gradual one by
 * comparing a step with a linear ramp on the segment around a change, and
 * {@link dev.mlops.monitor.change.ChangeDetector#scan(java.util.List)} runs a detector over a
 * whole series and classifies each change.
 *
 * <p>Detectors and results are immutable and thread-safe; a tracker is not (one series, one
 * thread, or the caller's lock). Bad settings are refused with an
 * {@link java.lang.IllegalArgumentException} naming the setting and its value.
 */
@NullMarked
package dev.mlops.monitor.change;

import org.jspecify.annotations.NullMarked;
