package dev.mlops.data.check;

import dev.mlops.data.profile.DatasetProfile;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Check} runs with besides the table: the reference profile that distribution
 * checks compare against, and how many failing rows a result samples. Immutable.
 */
public final class CheckContext {
    /** The default number of failing rows a result lists. */
    public static final int DEFAULT_SAMPLE_SIZE = 20;

    private final @Nullable DatasetProfile reference;
    private final int sampleSize;

    private CheckContext(@Nullable DatasetProfile reference, int sampleSize) {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must not be negative but was " + sampleSize);
        }
        this.reference = reference;
        this.sampleSize = sampleSize;
    }

    /** @return a context without reference that samples {@value #DEFAULT_SAMPLE_SIZE} failing rows */
    public static CheckContext defaults() {
        return new CheckContext(null, DEFAULT_SAMPLE_SIZE);
    }

    /**
     * @param profile the profile of the reference data (the training data, last month's batch)
     * @return this context with that reference
     */
    public CheckContext withReference(DatasetProfile profile) {
        return new CheckContext(Objects.requireNonNull(profile, "profile"), sampleSize);
    }

    /**
     * @param size how many failing rows a result lists, 0 or more
     * @return this context with that sample size
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public CheckContext withSampleSize(int size) {
        return new CheckContext(reference, size);
    }

    /** @return the reference profile, empty when the run has none */
    public Optional<DatasetProfile> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return how many failing rows a result lists */
    public int sampleSize() {
        return sampleSize;
    }
}
