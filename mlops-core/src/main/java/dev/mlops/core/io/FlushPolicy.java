package dev.mlops.core.io;

/**
 * When a {@link JsonLinesAppender} pushes appended records to the file and forces them to
 * storage (fsync), which is the trade between durability and speed.
 *
 * <p>"Flushed" below means written to the file and forced to storage (fsync, through
 * {@link java.io.FileDescriptor#sync()}): a flushed record
 * survives a crash of the process and of the operating system. Records not yet flushed are
 * held in the appender's memory buffer and are lost if the process dies; when the buffer fills
 * they may be written to the file early (whole lines only) without being forced.
 *
 * <ul>
 *   <li>{@link #EVERY_RECORD}: each {@code append} flushes before it returns, so a record is
 *       durable when {@code append} returns. The safest and the slowest (one fsync per record).
 *   <li>{@link #everyN(int) everyN(n)}: every {@code n}-th record flushes itself and the
 *       {@code n - 1} before it; a crash loses at most the last {@code n - 1} records.
 *   <li>{@link #ON_CLOSE}: records are flushed only by {@link JsonLinesAppender#flush()} and
 *       {@link JsonLinesAppender#close()}; a crash loses everything since the last of those.
 * </ul>
 *
 * <p>Under every policy, {@link JsonLinesAppender#flush()} and {@link JsonLinesAppender#close()}
 * flush all records appended so far. Policies are immutable values.
 */
public sealed interface FlushPolicy
        permits FlushPolicy.EveryRecord, FlushPolicy.EveryN, FlushPolicy.OnClose {

    /** Flush and fsync after every record: a record is durable when {@code append} returns. */
    FlushPolicy EVERY_RECORD = new EveryRecord();

    /** Buffer records; flush and fsync only on {@code flush()} and {@code close()}. */
    FlushPolicy ON_CLOSE = new OnClose();

    /**
     * Returns the policy that flushes and fsyncs on every {@code n}-th record.
     *
     * @param n how many records make one flush; {@code 1} is the same guarantee as
     *     {@link #EVERY_RECORD}
     * @return the policy
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    static FlushPolicy everyN(int n) {
        return new EveryN(n);
    }

    /** The policy {@link #EVERY_RECORD}; use that constant. */
    record EveryRecord() implements FlushPolicy {
    }

    /**
     * The policy that flushes and fsyncs on every {@code n}-th record; see {@link #everyN(int)}.
     *
     * @param n how many records make one flush, at least 1
     */
    record EveryN(int n) implements FlushPolicy {
        /**
         * Validates {@code n}.
         *
         * @param n how many records make one flush, at least 1
         * @throws IllegalArgumentException if {@code n} is not positive
         */
        public EveryN {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive but was " + n);
            }
        }
    }

    /** The policy {@link #ON_CLOSE}; use that constant. */
    record OnClose() implements FlushPolicy {
    }
}
