/**
 * File primitives that keep data whole when a process crashes or several processes share a
 * directory: {@link dev.mlops.core.io.AtomicFiles} replaces a file with new content all at once
 * (temp file, fsync, atomic move), {@link dev.mlops.core.io.JsonLinesAppender} appends records
 * to a JSON Lines log under a stated {@link dev.mlops.core.io.FlushPolicy}, and
 * {@link dev.mlops.core.io.InterProcessLock} serializes work across processes and threads
 * through an operating-system file lock.
 *
 * <p>File-system failures surface as {@link java.io.UncheckedIOException} naming the file;
 * a lock not obtained in time as {@link dev.mlops.core.io.LockTimeoutException}.
 */
@NullMarked
package dev.mlops.core.io;

import org.jspecify.annotations.NullMarked;
