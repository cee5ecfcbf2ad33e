package dev.mlops.core.io;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The second process of {@link InterProcessLockTest}, started as its own JVM.
 *
 * <ul>
 *   <li>{@code hold <lock file>}: acquires the lock (waiting up to 30 s), prints
 *       {@code LOCKED}, waits for a line (or end of input) on stdin, releases, prints
 *       {@code RELEASED}.
 *   <li>{@code probe <lock file>}: tries the lock once and prints {@code FREE} (releasing it at
 *       once) or {@code BUSY}.
 * </ul>
 */
public final class LockHolderProcess {

    private LockHolderProcess() {
    }

    /**
     * Runs the child.
     *
     * @param args the mode ({@code hold} or {@code probe}) and the lock file
     * @throws Exception on any failure, which ends the child with a non-zero status
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path lockFile = Path.of(args[1]);
        switch (args[0]) {
            case "hold" -> {
                try (InterProcessLock lock = InterProcessLock.acquire(lockFile, Duration.ofSeconds(30))) {
                    out.println(lock.isHeld() ? "LOCKED" : "NOT LOCKED");
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    in.readLine();
                }
                out.println("RELEASED");
            }
            case "probe" -> {
                Optional<InterProcessLock> lock = InterProcessLock.tryAcquire(lockFile);
                lock.ifPresent(InterProcessLock::close);
                out.println(lock.isPresent() ? "FREE" : "BUSY");
            }
            default -> throw new IllegalArgumentException("mode must be hold or probe but was " + args[0]);
        }
    }
}
