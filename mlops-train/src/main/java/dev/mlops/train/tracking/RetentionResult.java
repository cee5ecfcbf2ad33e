package dev.mlops.train.tracking;

import java.util.List;

/**
 * What a deletion or retention removed.
 *
 * @param deletedRuns the ids of the runs deleted
 * @param deletedArtifacts how many artifact files no run referenced any more and were removed
 * @param freedBytes the bytes those files held
 */
public record RetentionResult(List<String> deletedRuns, long deletedArtifacts, long freedBytes) {
    /**
     * Copies the list.
     *
     * @param deletedRuns deleted run ids
     * @param deletedArtifacts removed artifact files
     * @param freedBytes bytes freed
     */
    public RetentionResult {
        deletedRuns = List.copyOf(deletedRuns);
    }
}
