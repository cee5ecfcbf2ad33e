package dev.mlops.features;

import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One committed ingestion batch of a feature group, as {@link GroupHistory} keeps it: the records
 * of one write, all sharing its write time.
 *
 * <p>{@code records} has the group's {@linkplain FeatureGroup#recordSchema() record schema} of the
 * version the batch was written with: the entity key (categorical), the event time (timestamp),
 * then the features of that version. A feature a later version added is simply absent from an
 * older batch and reads as missing there. The rows are in the batch's order, which breaks ties
 * between records of one entity with the same event time (the later row wins).
 *
 * @param number the batch's number in the store, increasing with every commit
 * @param writeTime when the store committed the batch: every record's write time
 * @param records the batch's records
 */
record RecordBatch(long number, Instant writeTime, Table records) {

    /**
     * Validates the batch.
     *
     * @param number the batch's number, not negative
     * @param writeTime the write time
     * @param records the records
     * @throws IllegalArgumentException if the number is negative
     */
    RecordBatch {
        if (number < 0) {
            throw new IllegalArgumentException("a batch number is not negative but was " + number);
        }
        Objects.requireNonNull(writeTime, "writeTime");
        Objects.requireNonNull(records, "records");
    }
}
