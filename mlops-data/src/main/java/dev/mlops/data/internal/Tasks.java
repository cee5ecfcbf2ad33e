package dev.mlops.data.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs numbered tasks on the calling thread and on helpers of an executor, the way
 * {@code dev.mlops.data.profile} profiles columns and {@code dev.mlops.data.check} counts keys
 * by partition. Stateless and thread-safe.
 */
public final class Tasks {

    private Tasks() {
        throw new AssertionError("no instances");
    }

    /**
     * @param executor an executor
     * @return how many threads can work at once: the calling thread and as many helpers as a
     *     {@link ForkJoinPool}'s parallelism, else as many helpers as there are processors
     */
    public static int workers(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return 1 + (executor instanceof ForkJoinPool pool ? pool.getParallelism()
                : Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs tasks {@code 0 .. tasks - 1}, each once. The calling thread takes tasks in order, beside
     * helpers submitted to the executor with {@link Executor#execute} (at most
     * {@link #workers}{@code - 1} and never more than there are tasks left to take); a helper the
     * executor rejects or never starts is simply not needed, since the calling thread waits only
     * for tasks already taken. {@code Runnable::run} runs every task on the calling thread. If a
     * task fails, the first failure in task order is rethrown once every task taken has finished.
     *
     * @param tasks how many tasks, at least 0
     * @param task computes task {@code i}'s result; called from several threads at once
     * @param executor runs the helpers
     * @param <T> the result type
     * @return the results in task order, unmodifiable
     * @throws IllegalArgumentException if {@code tasks} is negative
     */
    public static <T> List<T> run(int tasks, IntFunction<? extends T> task, Executor executor) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must not be negative but was " + tasks);
        }
        Objects.requireNonNull(task, "task");
        int helpers = Math.min(tasks - 1, workers(executor) - 1);
        Object[] results = new Object[tasks];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(tasks);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException | Error e) {
                    results[i] = new Failure(e);
                } finally {
                    finished.countDown();
                }
            }
        };
        for (int i = 0; i < helpers && next.get() < tasks; i++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException rejected) {
                break;
            }
        }
        worker.run();
        awaitUninterruptibly(finished);
        List<T> list = new ArrayList<>(tasks);
        for (Object result : results) {
            if (result instanceof Failure failure) {
                if (failure.cause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failure.cause();
            }
            @SuppressWarnings("unchecked")
            T typed = (T) result;
            list.add(typed);
        }
        return Collections.unmodifiableList(list);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task's exception, kept until every task has finished. */
    private record Failure(Throwable cause) {
    }
}
