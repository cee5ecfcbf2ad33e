/**
 * Data capture: what a model saw and answered at each pipeline stage, written as JSON Lines.
 *
 * <p>A {@link dev.mlops.monitor.capture.CaptureWriter} takes {@link
 * dev.mlops.monitor.capture.CaptureRecord}s (inference id, time, model variant, {@link
 * dev.mlops.monitor.capture.CaptureStage}, input and output rows) from any number of threads,
 * applies a {@link dev.mlops.monitor.capture.CapturePolicy} (sensitive columns left out or
 * masked, a seeded sampling percentage per inference id) and appends them on a background
 * thread through a bounded queue, rotating files by size or time and deleting files past a
 * stated age or total size. A {@link dev.mlops.monitor.capture.CaptureReader} reads a capture
 * directory back, tolerating a torn last line and naming bad lines; {@link
 * dev.mlops.monitor.capture.SageMakerCapture} reads SageMaker Model Monitor's capture files into
 * the same records.
 */
@NullMarked
package dev.mlops.monitor.capture;

import org.jspecify.annotations.NullMarked;
