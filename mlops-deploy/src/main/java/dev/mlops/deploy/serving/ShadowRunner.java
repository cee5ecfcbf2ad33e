package dev.mlops.deploy.serving;

import dev.mlops.core.table.Table;
import dev.mlops.monitor.capture.CaptureSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Runs shadow predictions off the callers' threads: a bounded queue that callers offer to without
 * blocking (a full queue drops the copy and counts it), and worker threads that predict with the
 * shadow variant, capture its answer under its own name and compare it with the primary's.
 */
final class ShadowRunner implements AutoCloseable {
    private final BlockingQueue<Task> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong pending = new AtomicLong();
    private final Object idle = new Object();
    private final @Nullable CaptureSink capture;
    private volatile boolean closed;

    /**
     * One copied request: the shadow, the request, the primary's answer to compare with, and the
     * request's sensitive column names (those the feature reads of this request marked).
     */
    record Task(Endpoint.Variant shadow, ShadowComparison comparison, PredictRequest request, String inferenceId,
            Table primaryAnswers, Set<String> sensitive) {
    }

    ShadowRunner(int capacity, int threads, String name, @Nullable CaptureSink capture) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.capture = capture;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::work, name + "-shadow-" + (i + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Offers a copy without blocking; counts it enqueued or dropped. */
    void offer(Task task) {
        pending.incrementAndGet();
        if (!closed && queue.offer(task)) {
            task.comparison().enqueued();
        } else {
            task.comparison().dropped();
            done();
        }
    }

    /** Waits until every copy enqueued so far was run, at most the timeout; true if none is left. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    private void work() {
        while (!closed) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                run(task);
            } finally {
                done();
            }
        }
    }

    private void run(Task task) {
        Endpoint.Variant shadow = task.shadow();
        try {
            Table features = Features.of(task.request(), shadow.predictor().inputSchema(), shadow.name(),
                    task.inferenceId());
            Table answers = shadow.predictor().predict(features);
            if (capture != null) {
                Endpoint.capture(capture, task.inferenceId(), shadow.name(), task.request(), features, answers,
                        task.sensitive());
            }
            task.comparison().compare(task.primaryAnswers(), answers);
        } catch (RuntimeException e) {
            task.comparison().failed();
        }
    }

    private void done() {
        if (pending.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            worker.interrupt();
        }
    }
}
