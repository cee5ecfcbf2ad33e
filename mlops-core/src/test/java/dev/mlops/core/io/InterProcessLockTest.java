package dev.mlops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterProcessLockTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** A clock that moves forward by a fixed step each time it is read. */
    static final class SteppingClock extends Clock {
        private final Duration step;
        private final AtomicInteger reads = new AtomicInteger();
        private final Instant start = Instant.parse("2024-01-01T00:00:00Z");

        SteppingClock(Duration step) {
            this.step = step;
        }

        int reads() {
            return reads.get();
        }

        @Override
        public Instant instant() {
            return start.plus(step.multipliedBy(reads.getAndIncrement()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed");
        }
    }

    /** A child JVM running {@link LockHolderProcess}; closing it always destroys it. */
    static final class Child implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();
        private final Writer stdin;

        Child(String mode, Path lockFile) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    LockHolderProcess.class.getName(), mode, lockFile.toString())
                    .redirectErrorStream(true)
                    .start();
            stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("pump failed: " + e);
                }
            }, "child-stdout");
            pump.setDaemon(true);
            pump.start();
        }

        /** Waits (bounded) for a line equal to {@code expected}, skipping others (logs). */
        void expect(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("child did not print " + expected + " within " + WAIT
                            + "; it printed " + seen + (process.isAlive() ? "" : " and exited with "
                            + process.exitValue()));
                }
                seen.add(line);
                if (line.equals(expected)) {
                    return;
                }
            }
        }

        void send(String line) throws IOException {
            stdin.write(line + "\n");
            stdin.flush();
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("child exited within %s", WAIT).isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
            try {
                process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String probeFromAnotherProcess(Path lockFile) throws Exception {
        try (Child probe = new Child("probe", lockFile)) {
            String verdict;
            while (true) {
                String line = probe.lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(line).as("probe output within %s (so far %s)", WAIT, probe.seen).isNotNull();
                probe.seen.add(line);
                if (line.equals("FREE") || line.equals("BUSY")) {
                    verdict = line;
                    break;
                }
            }
            assertThat(probe.awaitExit()).isZero();
            return verdict;
        }
    }

    @Nested
    class AcrossProcesses {

        @Test
        void lockHeldByAnotherProcessIsUnavailableUntilItReleases() throws Exception {
            Path lockFile = dir.resolve("registry.lock");
            try (Child holder = new Child("hold", lockFile)) {
                holder.expect("LOCKED");

                assertThat(InterProcessLock.tryAcquire(lockFile)).isEmpty();
                assertThatThrownBy(() -> InterProcessLock.acquire(lockFile, Duration.ofMillis(200)))
                        .isInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining(lockFile.toString())
                        .hasMessageContaining("PT0.2S");

                holder.send("release");
                holder.expect("RELEASED");
                assertThat(holder.awaitExit()).isZero();
            }

            Optional<InterProcessLock> lock = InterProcessLock.tryAcquire(lockFile);
            assertThat(lock).isPresent();
            lock.get().close();
        }

        @Test
        void acquireWaitsForAnotherProcessToRelease() throws Exception {
            Path lockFile = dir.resolve("wait.lock");
            try (Child holder = new Child("hold", lockFile)) {
                holder.expect("LOCKED");
                CompletableFuture<InterProcessLock> waiting = CompletableFuture.supplyAsync(
                        () -> InterProcessLock.acquire(lockFile, WAIT));
                Thread.sleep(100);
                assertThat(waiting).isNotDone();

                holder.send("release");

                try (InterProcessLock lock = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    assertThat(lock.isHeld()).isTrue();
                }
                holder.expect("RELEASED");
            }
        }

        @Test
        void lockHeldHereIsUnavailableToAnotherProcess() throws Exception {
            Path lockFile = dir.resolve("here.lock");

            try (InterProcessLock lock = InterProcessLock.acquire(lockFile, WAIT)) {
                assertThat(lock.isHeld()).isTrue();
                assertThat(probeFromAnotherProcess(lockFile)).isEqualTo("BUSY");
            }

            assertThat(probeFromAnotherProcess(lockFile)).isEqualTo("FREE");
        }

        @Test
        void aFailedSecondAttemptInThisJvmDoesNotDropTheLockForOtherProcesses() throws Exception {
            // On POSIX, closing any descriptor of a file drops all of the process's locks on
            // it; a second attempt must therefore not open and close the held file.
            Path lockFile = dir.resolve("posix.lock");

            try (InterProcessLock lock = InterProcessLock.acquire(lockFile, WAIT)) {
                assertThat(lock.isHeld()).isTrue();
                assertThat(InterProcessLock.tryAcquire(lockFile)).isEmpty();
                assertThatThrownBy(() -> InterProcessLock.acquire(lockFile, Duration.ofMillis(50)))
                        .isInstanceOf(LockTimeoutException.class);

                assertThat(probeFromAnotherProcess(lockFile)).isEqualTo("BUSY");
            }
        }

        @Test
        void aKilledHolderReleasesTheLock() throws Exception {
            Path lockFile = dir.resolve("crash.lock");
            try (Child holder = new Child("hold", lockFile)) {
                holder.expect("LOCKED");
                assertThat(InterProcessLock.tryAcquire(lockFile)).isEmpty();
            }

            try (InterProcessLock lock = InterProcessLock.acquire(lockFile, WAIT)) {
                assertThat(lock.isHeld()).isTrue();
            }
        }
    }

    @Nested
    class WithinOneJvm {

        @Test
        void secondHolderIsRefusedInsteadOfCrashing() {
            Path lockFile = dir.resolve("jvm.lock");

            try (InterProcessLock first = InterProcessLock.tryAcquire(lockFile).orElseThrow()) {
                assertThat(first.isHeld()).isTrue();
                assertThat(first.lockFile()).isEqualTo(lockFile);
                assertThat(InterProcessLock.tryAcquire(lockFile)).isEmpty();
            }

            Optional<InterProcessLock> again = InterProcessLock.tryAcquire(lockFile);
            assertThat(again).isPresent();
            again.get().close();
        }

        @Test
        void anotherSpellingOfTheSamePathIsTheSameLock() throws IOException {
            Path lockFile = dir.resolve("spelled.lock");
            Files.createDirectories(dir.resolve("sub"));
            Path other = dir.resolve("sub/../spelled.lock");
            Path link = dir.resolve("link.lock");

            try (InterProcessLock lock = InterProcessLock.acquire(lockFile, Duration.ZERO)) {
                assertThat(lock.isHeld()).isTrue();
                assertThat(InterProcessLock.tryAcquire(other)).isEmpty();
                assumeThatCode(() -> Files.createSymbolicLink(link, lockFile))
                        .doesNotThrowAnyException();
                assertThat(InterProcessLock.tryAcquire(link)).isEmpty();
            }
        }

        @Test
        void zeroTimeoutTriesOnce() {
            Path lockFile = dir.resolve("zero.lock");

            try (InterProcessLock lock = InterProcessLock.acquire(lockFile, Duration.ZERO)) {
                assertThat(lock.isHeld()).isTrue();
                assertThatThrownBy(() -> InterProcessLock.acquire(lockFile, Duration.ZERO))
                        .isInstanceOfSatisfying(LockTimeoutException.class, e -> {
                            assertThat(e.lockFile()).isEqualTo(lockFile.toString());
                            assertThat(e.timeout()).isEqualTo(Duration.ZERO);
                        });
            }
        }

        @Test
        void acquireWaitsForAnotherThreadToRelease() throws Exception {
            Path lockFile = dir.resolve("threads.lock");
            InterProcessLock first = InterProcessLock.acquire(lockFile, Duration.ZERO);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<InterProcessLock> second = pool.submit(
                        () -> InterProcessLock.acquire(lockFile, WAIT));
                Thread.sleep(100);
                assertThat(second).isNotDone();

                first.close();

                try (InterProcessLock lock = second.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    assertThat(lock.isHeld()).isTrue();
                }
            } finally {
                first.close();
                pool.shutdownNow();
                assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            }
        }

        @Test
        void locksOnDifferentFilesAreIndependent() {
            try (InterProcessLock a = InterProcessLock.acquire(dir.resolve("a.lock"), Duration.ZERO);
                    InterProcessLock b = InterProcessLock.acquire(dir.resolve("b.lock"), Duration.ZERO)) {
                assertThat(a.isHeld()).isTrue();
                assertThat(b.isHeld()).isTrue();
            }
        }

        @Test
        void mutualExclusionUnderContention() throws Exception {
            Path lockFile = dir.resolve("contended.lock");
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger maxInside = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            try (InterProcessLock lock = InterProcessLock.acquire(lockFile, WAIT)) {
                                assertThat(lock.isHeld()).isTrue();
                                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                                Thread.sleep(1);
                                inside.decrementAndGet();
                            }
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            }

            assertThat(done).hasValue(40);
            assertThat(maxInside).hasValue(1);
        }
    }

    @Nested
    class Deadline {

        @Test
        void theInjectedClockDecidesWhenToGiveUp() {
            Path lockFile = dir.resolve("clock.lock");
            SteppingClock clock = new SteppingClock(Duration.ofSeconds(1));

            try (InterProcessLock held = InterProcessLock.acquire(lockFile, Duration.ZERO)) {
                assertThat(held.isHeld()).isTrue();
                long started = System.nanoTime();
                assertThatThrownBy(() -> InterProcessLock.acquire(lockFile, Duration.ofSeconds(5), clock))
                        .isInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("PT5S");
                // one read for the deadline, then one per attempt until 5 s have passed
                assertThat(clock.reads()).isEqualTo(6);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isLessThan(Duration.ofSeconds(5));
            }
        }

        @Test
        void aHugeTimeoutDoesNotOverflow() {
            Path lockFile = dir.resolve("huge.lock");

            try (InterProcessLock lock = InterProcessLock.acquire(lockFile,
                    Duration.ofSeconds(Long.MAX_VALUE))) {
                assertThat(lock.isHeld()).isTrue();
            }
        }

        @Test
        void negativeTimeoutIsRefused() {
            assertThatThrownBy(() -> InterProcessLock.acquire(dir.resolve("x.lock"),
                    Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must not be negative but was PT-0.001S");
        }

        @Test
        void interruptionStopsTheWaitAndKeepsTheFlag() throws Exception {
            Path lockFile = dir.resolve("interrupt.lock");
            try (InterProcessLock held = InterProcessLock.acquire(lockFile, Duration.ZERO)) {
                assertThat(held.isHeld()).isTrue();
                CompletableFuture<Throwable> failure = new CompletableFuture<>();
                CompletableFuture<Boolean> flag = new CompletableFuture<>();
                Thread waiter = new Thread(() -> {
                    try {
                        InterProcessLock.acquire(lockFile, WAIT).close();
                        failure.complete(new AssertionError("acquired a held lock"));
                    } catch (RuntimeException e) {
                        failure.complete(e);
                    }
                    flag.complete(Thread.currentThread().isInterrupted());
                });
                waiter.start();
                Thread.sleep(50);
                waiter.interrupt();

                assertThat(failure.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .isInstanceOf(dev.mlops.core.MlopsException.class)
                        .isNotInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("Interrupted")
                        .hasCauseInstanceOf(InterruptedException.class);
                assertThat(flag.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                waiter.join(WAIT.toMillis());
            }
        }
    }

    @Nested
    class LockFile {

        @Test
        void createsTheFileAndItsDirectoriesAndKeepsThemAfterRelease() {
            Path lockFile = dir.resolve("deep/er/run.lock");

            InterProcessLock.acquire(lockFile, Duration.ZERO).close();

            assertThat(lockFile).isRegularFile();
        }

        @Test
        void closingTwiceIsHarmless() {
            InterProcessLock lock = InterProcessLock.acquire(dir.resolve("twice.lock"), Duration.ZERO);
            lock.close();

            assertThat(lock.isHeld()).isFalse();
            assertThat(lock.toString()).contains("released");
            assertThatCode(lock::close).doesNotThrowAnyException();
        }

        @Test
        void aDirectoryIsNotALockFile() throws IOException {
            Path directory = Files.createDirectories(dir.resolve("not-a-file"));

            assertThatThrownBy(() -> InterProcessLock.tryAcquire(directory))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining(directory.toString());
        }

        @Test
        void nullArgumentsAreNamed() {
            Path noPath = null;
            Duration noTimeout = null;
            Clock noClock = null;
            Path file = dir.resolve("n.lock");

            assertThatThrownBy(() -> InterProcessLock.tryAcquire(noPath)).hasMessage("lockFile");
            assertThatThrownBy(() -> InterProcessLock.acquire(file, noTimeout)).hasMessage("timeout");
            assertThatThrownBy(() -> InterProcessLock.acquire(file, Duration.ZERO, noClock))
                    .hasMessage("clock");
        }
    }
}
