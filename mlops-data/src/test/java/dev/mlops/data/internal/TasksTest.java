package dev.mlops.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link Tasks}: results in task order on any executor, helpers bounded, failures rethrown in task order. */
class TasksTest {

    @Nested
    class Results {

        @Test
        void comeInTaskOrderOnThePool() {
            ForkJoinPool pool = new ForkJoinPool(3);
            try {
                Set<Thread> threads = ConcurrentHashMap.newKeySet();
                List<Integer> squares = Tasks.run(200, task -> {
                    threads.add(Thread.currentThread());
                    return task * task;
                }, pool);
                assertThat(squares).hasSize(200).startsWith(0, 1, 4, 9).endsWith(199 * 199);
                assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(4);
                assertThatThrownBy(() -> squares.add(1)).isInstanceOf(UnsupportedOperationException.class);
            } finally {
                pool.shutdown();
            }
        }

        @Test
        void theCallingThreadDoesEverythingWhenNoHelperRuns() {
            Thread caller = Thread.currentThread();
            Executor never = task -> {
            };
            assertThat(Tasks.run(3, task -> Thread.currentThread() == caller ? task : -1, never))
                    .containsExactly(0, 1, 2);
            Executor rejecting = task -> {
                throw new RejectedExecutionException("full");
            };
            assertThat(Tasks.run(2, task -> task + 10, rejecting)).containsExactly(10, 11);
            assertThat(Tasks.run(2, task -> task + 20, Runnable::run)).containsExactly(20, 21);
        }

        @Test
        void includeWhatHelpersFinishAfterTheCallersOwnTasks() throws InterruptedException {
            Thread caller = Thread.currentThread();
            CountDownLatch started = new CountDownLatch(2);
            List<Thread> helpers = new ArrayList<>();
            Executor threads = task -> {
                Thread helper = new Thread(task);
                helpers.add(helper);
                helper.start();
            };
            List<Integer> results = Tasks.run(2, task -> {
                started.countDown();
                awaitQuietly(started);
                if (Thread.currentThread() != caller) {
                    sleepQuietly();
                }
                return task;
            }, threads);
            assertThat(results).containsExactly(0, 1);
            for (Thread helper : helpers) {
                helper.join();
            }
        }

        @Test
        void noTasksNoResults() {
            assertThat(Tasks.run(0, task -> task, Runnable::run)).isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("both tasks started").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Helpers {

        @Test
        void areNeverMoreThanTheTasksLeftOrThePoolsParallelism() {
            AtomicInteger submitted = new AtomicInteger();
            Executor counting = task -> submitted.incrementAndGet();
            Tasks.run(3, task -> task, counting);
            assertThat(submitted).hasValue(Math.min(2, Runtime.getRuntime().availableProcessors()));
            submitted.set(0);
            Tasks.run(1, task -> task, counting);
            assertThat(submitted).hasValue(0);
            Tasks.run(50, task -> task, counting);
            assertThat(submitted).hasValue(Runtime.getRuntime().availableProcessors());
        }

        @Test
        void areNotSubmittedOnceEveryTaskIsTaken() {
            AtomicInteger submitted = new AtomicInteger();
            Executor inline = task -> {
                submitted.incrementAndGet();
                task.run();
            };
            assertThat(Tasks.run(5, task -> task, inline)).containsExactly(0, 1, 2, 3, 4);
            assertThat(submitted).hasValue(1);
        }

        @Test
        void countTheCallingThreadAsAWorker() {
            ForkJoinPool pool = new ForkJoinPool(3);
            try {
                assertThat(Tasks.workers(pool)).isEqualTo(4);
            } finally {
                pool.shutdown();
            }
            assertThat(Tasks.workers(Runnable::run)).isEqualTo(1 + Runtime.getRuntime().availableProcessors());
        }
    }

    @Nested
    class Failures {

        @Test
        void theFirstInTaskOrderIsRethrownAfterEveryTaskRan() {
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> Tasks.run(4, task -> {
                ran.incrementAndGet();
                if (task >= 1) {
                    throw new IllegalStateException("task " + task);
                }
                return task;
            }, Runnable::run)).isInstanceOf(IllegalStateException.class).hasMessage("task 1");
            assertThat(ran).hasValue(4);
        }

        @Test
        void errorsAreRethrownAsThemselves() {
            assertThatThrownBy(() -> Tasks.run(2, task -> {
                if (task == 1) {
                    throw new AssertionError("broken");
                }
                return task;
            }, Runnable::run)).isInstanceOf(AssertionError.class).hasMessage("broken");
        }

        @Test
        void anInterruptWhileWaitingIsKeptForTheCaller() {
            Thread.currentThread().interrupt();
            List<Integer> results = Tasks.run(2, task -> task, Runnable::run);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(results).containsExactly(0, 1);
        }

        @Test
        void aNegativeNumberOfTasksIsRefused() {
            assertThatThrownBy(() -> Tasks.run(-1, task -> task, Runnable::run))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tasks must not be negative but was -1");
            assertThatThrownBy(() -> Tasks.forEach(-2, task -> { }, Runnable::run))
                    .hasMessage("tasks must not be negative but was -2");
        }
    }
}
