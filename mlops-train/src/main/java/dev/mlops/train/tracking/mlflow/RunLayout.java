package dev.mlops.train.tracking.mlflow;

import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.lineage.LineageInput;
import dev.mlops.train.tracking.MetricPoint;
import dev.mlops.train.tracking.RunArtifact;
import dev.mlops.train.tracking.RunInfo;
import dev.mlops.train.tracking.RunRecord;
import dev.mlops.train.tracking.RunStatus;
import dev.mlops.train.tracking.TrackingException;
import dev.mlops.train.tracking.TrackingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Writes one run as MLflow's {@code FileStore} lays it out: {@code meta.yaml}, params, metrics, tags, artifacts. */
final class RunLayout {
    static final String RUN_NAME_TAG = "mlflow.runName";
    static final String USER_TAG = "mlflow.user";
    static final String SOURCE_TYPE_TAG = "mlflow.source.type";
    static final String GIT_COMMIT_TAG = "mlflow.source.git.commit";
    static final String CODE_VERSION_TAG = "mlops.codeVersion";
    static final String SEED_TAG = "mlops.seed";
    static final String INPUTS_TAG = "mlops.inputs";
    /** MLflow's {@code SourceType.LOCAL}, the only source type its file store writes in meta.yaml. */
    private static final int SOURCE_TYPE_LOCAL = 4;
    private static final Pattern GIT_COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private RunLayout() {
    }

    /**
     * Checks that a run's keys can all be files: no key of a kind is a directory of another
     * ({@code a} beside {@code a/b}).
     *
     * @param run the run
     * @throws TrackingException naming the run and the two keys
     */
    static void checkKeys(RunRecord run) {
        checkKeys(run, "param", run.params().keySet());
        checkKeys(run, "metric", run.metrics().keySet());
        checkKeys(run, "tag", tags(run).keySet());
        checkKeys(run, "artifact", run.artifacts().stream().map(RunArtifact::path).collect(Collectors.toSet()));
    }

    private static void checkKeys(RunRecord run, String what, Iterable<String> keys) {
        TreeSet<String> sorted = new TreeSet<>();
        keys.forEach(sorted::add);
        for (String key : sorted) {
            String nested = sorted.ceiling(key + "/");
            if (nested != null && nested.startsWith(key + "/")) {
                throw new TrackingException("run " + run.id() + " cannot be exported to MLflow's layout: " + what + " '"
                        + key + "' would be a file and " + what + " '" + nested + "' needs a directory of that name");
            }
        }
    }

    /**
     * Writes a run into a hidden directory beside {@code runDirectory}, then renames it into place.
     *
     * @param store where the run's metric history and artifacts are read
     * @param run the run
     * @param experimentId MLflow's id of the experiment directory the run goes to
     * @param runDirectory where the run goes; must not exist
     * @return the number of files written
     * @throws TrackingException if {@code runDirectory} appeared meanwhile
     * @throws UncheckedIOException if a file cannot be read or written
     */
    static int write(TrackingStore store, RunRecord run, String experimentId, Path runDirectory) {
        Path temporary = createTemporaryDirectory(runDirectory.getParent(), run.id());
        try {
            int files = writeInto(store, run, experimentId, temporary, runDirectory);
            Files.move(temporary, runDirectory, StandardCopyOption.ATOMIC_MOVE);
            return files;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw deleting(temporary, new TrackingException("run " + run.id() + " is already exported to "
                    + runDirectory + " (written by another export meanwhile)"));
        } catch (IOException e) {
            throw deleting(temporary, new UncheckedIOException("could not write the exported run " + run.id()
                    + " in " + temporary, e));
        } catch (RuntimeException e) {
            throw deleting(temporary, e);
        }
    }

    /**
     * Creates a hidden directory {@code .<run id>.<pid>-<n>.tmp}, with the permissions of a newly created
     * directory (a temp directory's would be owner-only). MLflow skips a directory without meta.yaml.
     */
    private static Path createTemporaryDirectory(Path parent, String runId) {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path directory = parent.resolve("." + runId + "." + pid + "-" + attempt + ".tmp");
            try {
                return Files.createDirectory(directory);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the directory " + directory, e);
            }
        }
    }

    private static int writeInto(TrackingStore store, RunRecord run, String experimentId, Path directory,
            Path finalDirectory) throws IOException {
        int files = 0;
        AtomicFiles.writeString(directory.resolve(MlflowExport.META),
                Yaml.dump(meta(run.info(), experimentId, MlflowExport.fileUri(finalDirectory.resolve("artifacts")))));
        files++;
        for (String folder : List.of("metrics", "params", "tags", "artifacts")) {
            Files.createDirectories(directory.resolve(folder));
        }
        for (Map.Entry<String, String> param : run.params().entrySet()) {
            AtomicFiles.writeString(directory.resolve("params").resolve(param.getKey()), param.getValue());
            files++;
        }
        for (String key : run.metrics().keySet()) {
            StringBuilder lines = new StringBuilder();
            for (MetricPoint point : store.metricHistory(run.id(), key)) {
                lines.append(point.timestamp().toEpochMilli()).append(' ').append(PythonFloats.repr(point.value()))
                        .append(' ').append(point.step()).append('\n');
            }
            AtomicFiles.writeString(directory.resolve("metrics").resolve(key), lines.toString());
            files++;
        }
        for (Map.Entry<String, String> tag : tags(run).entrySet()) {
            AtomicFiles.writeString(directory.resolve("tags").resolve(tag.getKey()), tag.getValue());
            files++;
        }
        for (RunArtifact artifact : run.artifacts()) {
            AtomicFiles.write(directory.resolve("artifacts").resolve(artifact.path()),
                    store.readArtifact(run.id(), artifact.path()));
            files++;
        }
        return files;
    }

    /** The run's meta.yaml as MLflow 2.x's {@code _make_persisted_run_info_dict} makes it. */
    private static Map<String, @Nullable Object> meta(RunInfo info, String experimentId, String artifactUri) {
        Map<String, @Nullable Object> meta = new LinkedHashMap<>();
        meta.put("artifact_uri", artifactUri);
        meta.put("end_time", info.endTime().map(Instant::toEpochMilli).orElse(null));
        meta.put("entry_point_name", "");
        meta.put("experiment_id", experimentId);
        meta.put("lifecycle_stage", "active");
        meta.put("run_id", info.id());
        meta.put("run_name", info.name());
        meta.put("run_uuid", info.id());
        meta.put("source_name", "");
        meta.put("source_type", SOURCE_TYPE_LOCAL);
        meta.put("source_version", "");
        meta.put("start_time", info.startTime().toEpochMilli());
        meta.put("status", statusNumber(info.status()));
        meta.put("tags", List.of());
        meta.put("user_id", info.user());
        return meta;
    }

    /**
     * MLflow's {@code RunStatus} number of a status.
     *
     * @param status the status
     * @return RUNNING=1, FINISHED=3, FAILED=4, KILLED=5 (2 is MLflow's SCHEDULED, which runs here never are)
     */
    static int statusNumber(RunStatus status) {
        return switch (status) {
            case RUNNING -> 1;
            case FINISHED -> 3;
            case FAILED -> 4;
            case KILLED -> 5;
        };
    }

    /** The run's tags with those the export derives from its fields, which replace run tags of their names. */
    static Map<String, String> tags(RunRecord run) {
        RunInfo info = run.info();
        Map<String, String> tags = new TreeMap<>(run.tags());
        tags.put(RUN_NAME_TAG, info.name());
        tags.put(USER_TAG, info.user());
        tags.put(SOURCE_TYPE_TAG, "LOCAL");
        info.codeVersion().ifPresent(version -> tags.put(
                GIT_COMMIT.matcher(version).matches() ? GIT_COMMIT_TAG : CODE_VERSION_TAG, version));
        info.seed().ifPresent(seed -> tags.put(SEED_TAG, Long.toString(seed)));
        if (!run.inputs().isEmpty()) {
            tags.put(INPUTS_TAG, run.inputs().stream().map(LineageInput::toString).collect(Collectors.joining("\n")));
        }
        return tags;
    }

    /** Deletes a directory tree, best effort, and returns the failure being reported (with any deletion failure). */
    private static RuntimeException deleting(Path directory, RuntimeException failure) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
