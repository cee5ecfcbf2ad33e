package dev.mlops.train.tracking;

import dev.mlops.store.Database;
import dev.mlops.store.Migrations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main class of the child JVMs that {@link TrackingFaultsTest} starts: a process that writes to a
 * tracking store in a directory and says on stdout what it has committed.
 *
 * <ul>
 *   <li>{@code until-killed DIR}: starts a run, prints {@code RUN <id>}, then logs {@link #batch batches}
 *       0, 1, 2, ... one transaction each, printing {@code LOGGING <b>} before and {@code COMMITTED <b>}
 *       after each, until it is killed (or its stdin closes: the test JVM is gone);
 *   <li>{@code together DIR BATCHES}: starts a run, prints {@code RUN <id>} and {@code READY}, waits for
 *       a line {@code GO} on stdin, logs {@code BATCHES} batches ({@link #KEYS} keys at {@link #SMALL} step each), finishes the
 *       run and prints {@code DONE};
 *   <li>{@code older-release DIR}: acts as an older release: records a finished run, then brings the
 *       test owner {@link #LEGACY} only up to version 1 and writes two rows with it; prints {@code DONE}.
 * </ul>
 */
final class TrackingWriterProcess {
    /** The experiment every child logs to. */
    static final String EXPERIMENT = "faults";
    /** Metric keys of a {@link #batch}. */
    static final int KEYS = 10;
    /** Steps of each key in a {@link #batch} of the {@code until-killed} mode. */
    static final int STEPS = 20;
    /** Steps of each key in a {@link #batch} of the {@code together} mode. */
    static final int SMALL = 1;
    /** A schema of two versions owned by the tests, written beside the tracking tables. */
    static final Migrations LEGACY = Migrations.of("legacy", "dev/mlops/train/tracking/legacy",
            TrackingWriterProcess.class.getClassLoader());

    private TrackingWriterProcess() {
    }

    /**
     * Batch {@code b}: keys {@code m0..m9}, each at steps {@code b*steps .. b*steps+steps-1} with the value
     * {@code step * 100 + key}; the param {@code p<b>} = {@code b}; the tag {@code last} = {@code b}.
     *
     * @param b the batch's number
     * @param steps steps per key
     * @param store the store whose clock stamps the points
     * @return the batch
     */
    static RunBatch batch(long b, int steps, TrackingStore store) {
        List<MetricPoint> points = new ArrayList<>(KEYS * steps);
        for (long step = b * steps; step < (b + 1) * steps; step++) {
            for (int key = 0; key < KEYS; key++) {
                points.add(new MetricPoint("m" + key, value(step, key), step, store.clock().instant()));
            }
        }
        String number = Long.toString(b);
        return new RunBatch(Map.of("p" + number, number), points, Map.of("last", number));
    }

    /**
     * The value {@link #batch} logs.
     *
     * @param step the step
     * @param key the key's number
     * @return {@code step * 100 + key}
     */
    static double value(long step, int key) {
        return step * 100.0 + key;
    }

    /**
     * Runs one mode (see the class's description).
     *
     * @param args the mode, the store's directory and the mode's arguments
     * @throws IOException if stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[1]);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "until-killed" -> untilKilled(directory, stdin);
            case "together" -> together(directory, Integer.parseInt(args[2]), stdin);
            case "older-release" -> olderRelease(directory);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void untilKilled(Path directory, BufferedReader stdin) {
        Thread orphanGuard = new Thread(() -> {
            try {
                while (stdin.readLine() != null) {
                    // the test JVM only ever closes stdin
                }
            } catch (IOException e) {
                // treated as closed
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-guard");
        orphanGuard.setDaemon(true);
        orphanGuard.start();
        try (TrackingStore store = TrackingStore.open(directory);
                ActiveRun run = store.startRun(EXPERIMENT, RunSpec.builder().name("until-killed").build())) {
            say("RUN " + run.id());
            for (long b = 0; ; b++) {
                RunBatch batch = batch(b, STEPS, store);
                say("LOGGING " + b);
                run.log(batch);
                say("COMMITTED " + b);
            }
        }
    }

    private static void together(Path directory, int batches, BufferedReader stdin) throws IOException {
        try (TrackingStore store = TrackingStore.open(directory);
                ActiveRun run = store.startRun(EXPERIMENT, RunSpec.builder().name("together").build())) {
            say("RUN " + run.id());
            say("READY");
            String go = stdin.readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO on stdin but read " + go);
            }
            for (long b = 0; b < batches; b++) {
                run.log(batch(b, SMALL, store));
            }
            run.finish();
        }
        say("DONE");
    }

    private static void olderRelease(Path directory) {
        try (TrackingStore store = TrackingStore.open(directory);
                ActiveRun run = store.startRun(EXPERIMENT, RunSpec.builder().name("older").param("lr", "0.1").build())) {
            run.logMetric("auc", 0.75, 3);
            run.finish();
        }
        try (Database database = Database.sqlite(directory.resolve(TrackingStore.DATABASE_FILE))) {
            database.migrate(LEGACY.upTo("1"));
            database.write(sql -> sql.update("INSERT INTO legacy_notes (id, body) VALUES (1, 'München'), (2, 'São Paulo')"));
        }
        say("DONE");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
