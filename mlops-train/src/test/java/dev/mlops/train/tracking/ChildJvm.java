package dev.mlops.train.tracking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A child JVM running {@link TrackingWriterProcess} on the test class path, its stdout read line by
 * line and its stderr kept in a file; closing it always ends it.
 */
final class ChildJvm implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Writer stdin;

    ChildJvm(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TrackingWriterProcess.class.getName()));
        command.addAll(List.of(args));
        this.stderr = stderr;
        this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("pump failed: " + e);
            }
        }, "child-stdout-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** @return the child's process id */
    long pid() {
        return process.pid();
    }

    /**
     * Waits for a line that matches, remembering every line read on the way.
     *
     * @param what the line wanted, for the failure message
     * @param wanted the test
     * @return the line
     */
    String await(String what, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("child " + pid() + " printed no " + what + " within " + WAIT + "; it printed "
                        + tail() + (process.isAlive() ? "" : " and exited with " + process.exitValue()) + "; stderr: "
                        + errors());
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /**
     * Waits for a line starting with a prefix.
     *
     * @param prefix the prefix
     * @return the rest of the line
     */
    String awaitPrefix(String prefix) throws InterruptedException {
        return await("line starting with '" + prefix + "'", line -> line.startsWith(prefix)).substring(prefix.length());
    }

    /** @return every line read so far, also those still queued */
    List<String> drain() {
        lines.drainTo(seen);
        return List.copyOf(seen);
    }

    void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("child " + pid() + " outlived SIGKILL for " + WAIT);
        }
    }

    /** @return the exit code, once the child has exited (within {@link #WAIT}) */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("child " + pid() + " did not exit within " + WAIT + "; it printed " + tail());
        }
        return process.exitValue();
    }

    /** @return what the child wrote to stderr */
    String errors() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private List<String> tail() {
        List<String> all = drain();
        return all.subList(Math.max(0, all.size() - 20), all.size());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("child " + pid() + " outlived SIGKILL for " + WAIT, e);
            }
        }
    }
}
