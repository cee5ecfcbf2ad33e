package dev.mlops.data.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
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
     * Runs tasks {@code 0 .. tasks - 1}, each once, and collects their results: {@link #forEach}
     * with a result per task.
     *
     * @param tasks how many tasks, at least 0
     * @param task computes task {@code i}'s result; called from several threads at once
     * @param executor runs the helpers
     * @param <T> the result type
     * @return the results in task order, unmodifiable
     * @throws IllegalArgumentException if {@code tasks} is negative
     */
    public static <T> List<T> run(int tasks, IntFunction<? extends T> task, Executor executor) {
        Objects.requireNonNull(task, "task");
        Object[] results = new Object[Math.max(0, tasks)];
        forEach(tasks, i -> results[i] = task.apply(i), executor);
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return Collections.unmodifiableList(list);
    }

    /**
     * Runs tasks {@code 0 .. tasks - 1}, each once. The calling thread takes tasks in order, beside
     * helpers submitted to the executor with {@link Executor#execute} (at most
     * {@link #workers}{@code - 1} and never more than there are tasks left to take); a helper the
     * executor rejects or never starts is simply not needed, since the calling thread waits only
     * for tasks already taken. {@code Runnable::run} runs every task on the calling thread. What a
     * task writes is visible to the calling thread when this method returns. If a task fails, the
     * first failure in task order is rethrown once every task taken has finished.
     *
     * @param tasks how many tasks, at least 0
     * @param task runs task {@code i}; called from several threads at once
     * @param executor runs the helpers
     * @throws IllegalArgumentException if {@code tasks} is negative
     */
    public static void forEach(int tasks, IntConsumer task, Executor executor) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must not be negative but was " + tasks);
        }
        Objects.requireNonNull(task, "task");
        int helpers = Math.min(tasks - 1, workers(executor) - 1);
        Throwable[] failures = new Throwable[tasks];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(tasks);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException | Error e) {
                    failures[i] = e;
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
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure != null) {
                throw (Error) failure;
            }
        }
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
}
