package dev.mlops.train.tracking.mlflow;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.train.tracking.ExperimentInfo;
import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.TrackingException;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Exports runs of a {@link TrackingStore} into MLflow's file-store layout, so they open in MLflow's UI:
 *
 * <pre>{@code
 * MlflowExport.exportExperiment(tracking, "credit", Path.of("mlruns"));
 * // then: mlflow ui --backend-store-uri ./mlruns   (MLflow >= 3.13 also needs MLFLOW_ALLOW_FILE_STORE=true)
 * }</pre>
 *
 * <p>What is written, as MLflow 2.x's {@code FileStore} writes it: {@code mlruns/0/meta.yaml} (the
 * {@code Default} experiment MLflow expects) and {@code mlruns/.trash/} if absent; per experiment a
 * directory named by a numeric id with {@code meta.yaml}; per run {@code <run id>/meta.yaml} (status
 * RUNNING=1, FINISHED=3, FAILED=4, KILLED=5; {@code end_time: null} while running), one file per param
 * and per tag (UTF-8, no trailing newline), one file per metric with a line {@code "<ms> <value> <step>\n"}
 * per point, by step then time (values as Python prints them: {@code 0.1}, {@code 1e-05}, {@code nan},
 * {@code inf}, {@code -inf}), and the artifacts copied byte for byte under {@code artifacts/}. A key with
 * {@code /} becomes nested directories. Besides the run's own tags, these are written, replacing run tags
 * of the same name: {@code mlflow.runName}, {@code mlflow.user}, {@code mlflow.source.type}
 * ({@code LOCAL}); the run's code version as {@code mlflow.source.git.commit} when it is a git commit,
 * as {@code mlops.codeVersion} otherwise; its seed as {@code mlops.seed}; its lineage inputs, one a line,
 * as {@code mlops.inputs}.
 *
 * <p>An existing {@code mlruns} directory is added to, never clobbered: an active experiment of the same
 * name found there receives the runs; otherwise the experiment gets the next free numeric id. A run
 * already in the directory is refused, before anything is written. Each run is written into a hidden
 * temporary directory beside its place and renamed into place, so a failed export leaves no half run;
 * every file is written atomically ({@link AtomicFiles}). A run's {@code artifact_uri} is the
 * {@code file:} URI of the {@code artifacts/} directory written.
 *
 * <p>Two exports into the same {@code mlruns} directory at the same moment are not coordinated; each
 * still writes only complete runs, and a run both write is refused to one of them.
 */
public final class MlflowExport {
    /** The experiment MLflow expects in every root. */
    static final String DEFAULT_EXPERIMENT_ID = "0";
    static final String DEFAULT_EXPERIMENT_NAME = "Default";
    static final String META = "meta.yaml";
    static final String TRASH = ".trash";
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private MlflowExport() {
    }

    /**
     * Exports one run (and its experiment, if the root lacks it).
     *
     * @param store the store the run is in
     * @param runId the run's id
     * @param mlrunsRoot the {@code mlruns} directory (created if absent)
     * @return what was written
     * @throws TrackingException if the run is unknown, or already in the root
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static ExportResult exportRun(TrackingStore store, String runId, Path mlrunsRoot) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(mlrunsRoot, "mlrunsRoot");
        RunRecord run = store.require(runId);
        return export(store, run.info().experiment(), List.of(run), mlrunsRoot);
    }

    /**
     * Exports an experiment with all its runs (oldest first).
     *
     * @param store the store the experiment is in
     * @param experimentName the experiment's name
     * @param mlrunsRoot the {@code mlruns} directory (created if absent)
     * @return what was written
     * @throws TrackingException if the experiment is unknown, or one of its runs is already in the root
     *     (then nothing is written)
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static ExportResult exportExperiment(TrackingStore store, String experimentName, Path mlrunsRoot) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(experimentName, "experimentName");
        Objects.requireNonNull(mlrunsRoot, "mlrunsRoot");
        ExperimentInfo experiment = store.experiment(experimentName).orElseThrow(
                () -> new TrackingException("no experiment '" + experimentName + "' in " + store));
        List<RunRecord> runs = new ArrayList<>(store.search(
                RunQuery.in(experimentName).limit(Integer.MAX_VALUE).build()));
        runs.sort(Comparator.comparing((RunRecord run) -> run.info().startTime()).thenComparing(RunRecord::id));
        return export(store, experiment, runs, mlrunsRoot);
    }

    private static ExportResult export(TrackingStore store, ExperimentInfo experiment, List<RunRecord> runs,
            Path mlrunsRoot) {
        Path root = mlrunsRoot.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new TrackingException("cannot export into " + root + ": it is a file, not an mlruns directory");
        }
        List<Path> experimentDirectories = experimentDirectories(root);
        for (RunRecord run : runs) {
            for (Path directory : experimentDirectories) {
                if (Files.exists(directory.resolve(run.id()))) {
                    throw new TrackingException("run " + run.id() + " is already exported to " + directory.resolve(run.id())
                            + "; nothing was written (remove that directory, or export into another mlruns directory)");
                }
            }
            RunLayout.checkKeys(run);
        }
        int files = 0;
        try {
            Files.createDirectories(root.resolve(TRASH));
            if (!Files.exists(root.resolve(DEFAULT_EXPERIMENT_ID)) && !Files.exists(root.resolve(TRASH).resolve(DEFAULT_EXPERIMENT_ID))) {
                Files.createDirectories(root.resolve(DEFAULT_EXPERIMENT_ID));
                long now = store.clock().millis();
                writeExperimentMeta(root.resolve(DEFAULT_EXPERIMENT_ID), DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME, now);
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the mlruns directory " + root, e);
        }
        Optional<Path> existing = findExperiment(experimentDirectories, experiment.name());
        Path experimentDirectory;
        if (existing.isPresent()) {
            experimentDirectory = existing.get();
        } else {
            experimentDirectory = claimExperimentDirectory(root);
            writeExperimentMeta(experimentDirectory, experimentDirectory.getFileName().toString(), experiment.name(),
                    experiment.createdAt().toEpochMilli());
            files++;
        }
        String experimentId = experimentDirectory.getFileName().toString();
        List<Path> runDirectories = new ArrayList<>();
        for (RunRecord run : runs) {
            Path runDirectory = experimentDirectory.resolve(run.id());
            files += RunLayout.write(store, run, experimentId, runDirectory);
            runDirectories.add(runDirectory);
        }
        return new ExportResult(root, experimentId, experimentDirectory, runDirectories, files);
    }

    /** The directories of the root that MLflow reads as experiments, active and deleted, by numeric id. */
    private static List<Path> experimentDirectories(Path root) {
        List<Path> directories = new ArrayList<>();
        for (Path parent : List.of(root, root.resolve(TRASH))) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(Files::isDirectory)
                        .filter(child -> NUMERIC.matcher(child.getFileName().toString()).matches())
                        .forEach(directories::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the mlruns directory " + parent, e);
            }
        }
        directories.sort(Comparator.comparing((Path directory) -> new BigInteger(directory.getFileName().toString()))
                .thenComparing(Path::toString));
        return directories;
    }

    /** The first active experiment of the name directly under the root, its meta.yaml agreeing with its directory. */
    private static Optional<Path> findExperiment(List<Path> experimentDirectories, String name) {
        for (Path directory : experimentDirectories) {
            Path meta = directory.resolve(META);
            if (directory.getParent().endsWith(TRASH) || !Files.isRegularFile(meta)) {
                continue;
            }
            Map<String, @Nullable String> values;
            try {
                values = Yaml.readScalars(Files.readString(meta, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the experiment file " + meta, e);
            }
            if (name.equals(values.get("name")) && !"deleted".equals(values.get("lifecycle_stage"))
                    && directory.getFileName().toString().equals(values.get("experiment_id"))) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    /** Creates the directory of a new experiment with the next id above every id in the root and its trash. */
    private static Path claimExperimentDirectory(Path root) {
        BigInteger next = experimentDirectories(root).stream()
                .map(directory -> new BigInteger(directory.getFileName().toString()))
                .max(Comparator.naturalOrder()).orElse(BigInteger.ZERO).add(BigInteger.ONE);
        while (true) {
            Path directory = root.resolve(next.toString());
            try {
                return Files.createDirectory(directory);
            } catch (FileAlreadyExistsException e) {
                next = next.add(BigInteger.ONE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the experiment directory " + directory, e);
            }
        }
    }

    private static void writeExperimentMeta(Path directory, String id, String name, long createdMillis) {
        Map<String, @Nullable Object> meta = new LinkedHashMap<>();
        meta.put("artifact_location", fileUri(directory));
        meta.put("creation_time", createdMillis);
        meta.put("experiment_id", id);
        meta.put("last_update_time", createdMillis);
        meta.put("lifecycle_stage", "active");
        meta.put("name", name);
        AtomicFiles.writeString(directory.resolve(META), Yaml.dump(meta));
    }

    /**
     * The {@code file:} URI of an absolute path as Python's {@code pathlib.Path.as_uri()} writes it
     * (which MLflow uses): UTF-8 bytes, every byte but letters, digits and {@code _ . - ~ /}
     * percent-encoded, no trailing slash (on Windows the drive's colon is kept).
     */
    static String fileUri(Path absolute) {
        StringBuilder uri = new StringBuilder("file://");
        String path = absolute.toString().replace('\\', '/');
        if (!path.startsWith("/")) {
            uri.append('/');
        }
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            boolean drive = c == ':' && i == 1;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~' || c == '/' || drive;
            if (safe) {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return uri.toString();
    }
}
