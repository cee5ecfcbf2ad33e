package dev.mlops.features;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one ingestion wrote: the batch, its write time, how many records were kept, and each one
 * refused with its line and reason. An immutable value.
 *
 * @param group the group written to
 * @param groupVersion the schema version the records were checked against
 * @param batch the batch's number in the store, from 1; 0 when no record was kept (nothing written)
 * @param writeTime the write time every kept record of the batch carries
 * @param accepted how many records were kept
 * @param rejected the records refused, in input order; unmodifiable
 */
public record IngestResult(String group, int groupVersion, long batch, Instant writeTime, long accepted,
        List<RejectedRecord> rejected) {

    /**
     * Copies the list.
     *
     * @param group the group
     * @param groupVersion the schema version
     * @param batch the batch's number, 0 when nothing was written
     * @param writeTime the write time
     * @param accepted records kept
     * @param rejected records refused
     * @throws IllegalArgumentException if a count is negative
     */
    public IngestResult {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(writeTime, "writeTime");
        if (accepted < 0 || batch < 0) {
            throw new IllegalArgumentException("an ingestion's counts are not negative but were batch " + batch
                    + ", accepted " + accepted);
        }
        rejected = List.copyOf(rejected);
    }

    /** @return true when every record was kept */
    public boolean clean() {
        return rejected.isEmpty();
    }
}
