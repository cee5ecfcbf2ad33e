/**
 * Windows of captured data: the records of a capture directory cut into tumbling windows by time
 * or by count, so that drift and model quality can be measured per window and followed over time.
 *
 * <p>A {@link dev.mlops.monitor.window.Windowing} says how to cut (a duration from an origin, or
 * a number of records); {@link dev.mlops.monitor.window.CaptureWindows} cuts a capture directory
 * as a stream, handing each {@link dev.mlops.monitor.window.Window} on as soon as it is closed,
 * oldest first, so that no more than the open windows' records are held in memory. A window's
 * inputs or outputs at one stage become a {@link dev.mlops.core.table.Table} of a given
 * {@link dev.mlops.core.table.Schema} ({@link dev.mlops.monitor.window.WindowTable}): masked
 * values read as missing; a value of the wrong type is missing too, counted and named with its
 * inference id ({@link dev.mlops.monitor.window.WindowProblem}); a window with no rows gives an
 * empty table that says so.
 */
@NullMarked
package dev.mlops.monitor.window;

import org.jspecify.annotations.NullMarked;
