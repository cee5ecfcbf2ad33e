package dev.mlops.testkit.kit;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A piece of a contract kit: one instance used from {@value #THREADS} threads at once gives, on
 * every run of every thread, the result it gives on one thread. The threads start together and
 * each runs {@link #runsPerThread()} times. A failure names the thread, the run and the first
 * difference; an exception in a thread fails the test with that exception.
 *
 * @param <S> the implementation under test
 * @param <R> what one run gives
 */
public interface ThreadSafe<S, R> extends Runs<S, R> {
    /** How many threads use the instance at once. */
    int THREADS = 8;

    /** @return how many times each thread runs the instance; 4 by default */
    default int runsPerThread() {
        return 4;
    }

    /**
     * Runs one instance from {@value #THREADS} threads at once.
     *
     * @throws Exception if the pool cannot be shut down in time
     */
    @Test
    default void oneInstanceFromEightThreadsAtOnce() throws Exception {
        S subject = subject();
        R expected = run(subject);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<@Nullable String>> differences = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int threadNumber = thread;
                differences.add(pool.submit(() -> {
                    start.await();
                    for (int run = 0; run < runsPerThread(); run++) {
                        String difference = differenceOrNull(expected, run(subject));
                        if (difference != null) {
                            return "thread " + threadNumber + ", run " + run + ": " + difference;
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<@Nullable String> difference : differences) {
                String found;
                try {
                    found = difference.get(5, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw new AssertionError("a run from one of " + THREADS + " threads at once failed: "
                            + e.getCause(), e.getCause());
                }
                if (found != null) {
                    fail("one instance used from " + THREADS + " threads at once gave another result than on one"
                            + " thread: " + found);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
