package dev.mlops.deploy.serving;

import java.time.Duration;

/**
 * Counts of a {@link MultiModelEndpoint} since it started, from its model cache.
 *
 * @param hits requests whose model was loaded already
 * @param misses requests whose model had to be loaded (each a load, successful or not)
 * @param loads models loaded successfully
 * @param loadFailures loads that failed (not cached)
 * @param evictions models evicted to keep within the budget
 * @param loadTime the total time spent loading, successful or not
 * @param models models loaded now
 * @param bytes the summed artifact sizes of the models loaded now
 */
public record MultiModelStats(long hits, long misses, long loads, long loadFailures, long evictions,
        Duration loadTime, long models, long bytes) {
}
