package dev.mlops.train.tracking.mlflow;

import dev.mlops.train.tracking.TrackingException;
import dev.mlops.train.tracking.TrackingStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
 * per point (values as Python prints them: {@code 0.1}, {@code 1e-05}, {@code nan}, {@code inf},
 * {@code -inf}), and the artifacts copied byte for byte under {@code artifacts/}. A key with {@code /}
 * becomes nested directories. Besides the run's own tags, the system tags {@code mlflow.runName},
 * {@code mlflow.user}, {@code mlflow.source.type} ({@code LOCAL}) and, when the run's code version is
 * known, {@code mlflow.source.git.commit} are written; a run's seed becomes the tag {@code mlops.seed}
 * and its lineage inputs the tag {@code mlops.inputs}, unless the run has tags of those names.
 *
 * <p>An existing {@code mlruns} directory is added to, never clobbered: an experiment of the same name
 * found there receives the runs; otherwise the experiment gets the next free numeric id. A run that is
 * already in the experiment's directory is refused, before anything of it is written. Each run is written
 * into a hidden temporary directory and renamed into place, so a failed export leaves no half run;
 * {@code meta.yaml} files are written atomically.
 *
 * <p>Not thread-safe against another export into the same experiment at the same moment.
 */
public final class MlflowExport {
    private MlflowExport() {
    }

    /**
     * Exports one run (and its experiment, if the root lacks it).
     *
     * @param store the store the run is in
     * @param runId the run's id
     * @param mlrunsRoot the {@code mlruns} directory (created if absent)
     * @return what was written
     * @throws TrackingException if the run is unknown, or already exported into the root
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static ExportResult exportRun(TrackingStore store, String runId, Path mlrunsRoot) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Exports an experiment with all its runs (oldest first).
     *
     * @param store the store the experiment is in
     * @param experimentName the experiment's name
     * @param mlrunsRoot the {@code mlruns} directory (created if absent)
     * @return what was written
     * @throws TrackingException if the experiment is unknown, or one of its runs is already exported into
     *     the root (then nothing is written)
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static ExportResult exportExperiment(TrackingStore store, String experimentName, Path mlrunsRoot) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
