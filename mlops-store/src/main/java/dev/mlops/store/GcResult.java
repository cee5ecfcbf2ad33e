package dev.mlops.store;

/**
 * What one {@link ArtifactStore#collectGarbage garbage collection} did.
 *
 * @param deleted the number of artifacts deleted because nothing referenced them
 * @param bytesFreed the total size of the deleted artifacts, in bytes
 * @param kept the number of artifacts left in place (referenced, or too young to delete)
 * @param tempFilesDeleted the number of leftover temp files deleted (from puts that crashed)
 */
public record GcResult(long deleted, long bytesFreed, long kept, long tempFilesDeleted) {

    /**
     * Checks that every count is zero or more.
     *
     * @param deleted the number of artifacts deleted because nothing referenced them
     * @param bytesFreed the total size of the deleted artifacts, in bytes
     * @param kept the number of artifacts left in place
     * @param tempFilesDeleted the number of leftover temp files deleted
     * @throws IllegalArgumentException if a count is negative
     */
    public GcResult {
        if (deleted < 0 || bytesFreed < 0 || kept < 0 || tempFilesDeleted < 0) {
            throw new IllegalArgumentException("counts must be zero or more but were deleted="
                    + deleted + ", bytesFreed=" + bytesFreed + ", kept=" + kept
                    + ", tempFilesDeleted=" + tempFilesDeleted);
        }
    }
}
