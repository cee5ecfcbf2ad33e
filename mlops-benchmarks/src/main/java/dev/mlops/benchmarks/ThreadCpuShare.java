package dev.mlops.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The benchmark thread's CPU time as a share of an iteration's wall time, printed after each
 * iteration as {@code # cpu/wall 0.99 (0.99 s of 1.00 s)}: well below 1 for work on one thread,
 * the thread waited for a core because the machine was busy, and the score overstates the time
 * the work needs (score × share is then closer to it). Work on several threads is not counted,
 * so there the share is low by design. One per benchmark state; not thread-safe.
 */
final class ThreadCpuShare {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuStart;
    private long wallStart;

    /** Notes the thread's CPU time and the wall time as an iteration starts. */
    void start() {
        cpuStart = threads.getCurrentThreadCpuTime();
        wallStart = System.nanoTime();
    }

    /** Prints the share of the wall time since {@link #start()} that the thread was on a core. */
    void print() {
        long wall = System.nanoTime() - wallStart;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf(Locale.ROOT, "# cpu/wall %.2f (%.2f s of %.2f s)%n", (double) cpu / wall, cpu / 1e9,
                wall / 1e9);
    }
}
