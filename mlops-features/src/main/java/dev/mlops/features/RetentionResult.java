package dev.mlops.features;

/**
 * What applying the groups' retention removed.
 *
 * @param groups how many groups had a retention to apply
 * @param removed how many superseded records older than their group's retention were deleted
 */
public record RetentionResult(int groups, long removed) {

    /**
     * @param groups groups with a retention
     * @param removed records deleted
     * @throws IllegalArgumentException if a count is negative
     */
    public RetentionResult {
        if (groups < 0 || removed < 0) {
            throw new IllegalArgumentException("retention counts are not negative but were " + groups + " groups, "
                    + removed + " records");
        }
    }
}
