package dev.mlops.monitor.capture;

/**
 * What a {@link CaptureWriter} did with the records offered to it, at one moment.
 *
 * <p>Every record offered is counted once as sampled out, dropped or accepted; every accepted
 * record ends as written or failed once the writer is closed. While it is open, accepted records
 * may still be in its queue.
 *
 * @param sampledOut records of inferences the policy did not sample
 * @param accepted records put on the queue
 * @param dropped records refused because the queue was full ({@link CaptureWriter.Overflow#DROP})
 *     or the offering thread was interrupted while it waited
 * @param written records appended to a capture file
 * @param failed accepted records not written because a write failed
 * @param filesOpened capture files opened (one per rotation, plus the first)
 * @param filesDeleted capture files deleted by retention
 */
public record CaptureStats(long sampledOut, long accepted, long dropped, long written,
        long failed, long filesOpened, long filesDeleted) {
}
