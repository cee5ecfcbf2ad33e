package dev.mlops.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A benchmark state that prints, after each iteration, the benchmark thread's CPU time as a share
 * of the iteration's wall time, as {@code # cpu/wall 0.99 (0.99 s of 1.00 s)}: well below 1 for
 * work on one thread, the thread waited for a core because the machine was busy, and the score
 * overstates the time the work needs (the CPU seconds printed, divided by the operations of the
 * iteration, are then closer to it). Work on other threads is not counted, so there the share is
 * low by design. Benchmarks extend it; JMH runs its iteration hooks. Not thread-safe.
 */
public abstract class CpuShareReported {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuStart;
    private long wallStart;

    /** For subclasses. */
    protected CpuShareReported() {
        // the iteration hooks fill in the times
    }

    /** Notes the benchmark thread's CPU time and the wall time as an iteration starts. */
    @Setup(Level.Iteration)
    public void startIteration() {
        cpuStart = threads.getCurrentThreadCpuTime();
        wallStart = System.nanoTime();
    }

    /** Prints the share of the iteration's wall time that the benchmark thread was on a core. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long wall = System.nanoTime() - wallStart;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf(Locale.ROOT, "# cpu/wall %.2f (%.2f s of %.2f s)%n", (double) cpu / wall, cpu / 1e9,
                wall / 1e9);
    }
}
