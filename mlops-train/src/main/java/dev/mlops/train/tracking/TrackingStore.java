package dev.mlops.train.tracking;

import dev.mlops.core.lineage.LineageInput;
import dev.mlops.store.ArtifactStore;
import dev.mlops.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where experiments and their runs are recorded: the typed store of tracking.
 *
 * <pre>{@code
 * try (TrackingStore tracking = TrackingStore.open(Path.of(".mlops"));            // SQLite file + artifact directory
 *      ActiveRun run = tracking.startRun("credit", RunSpec.builder().name("logistic").seed(42).build())) {
 *     run.logParam("lr", "0.1");
 *     run.addInput(LineageInput.table("credit-g.csv", table));
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         run.logMetric("val_auc", evaluate(model), epoch);
 *     }
 *     run.logArtifact("model/model.tribuo", modelFile);
 *     run.finish();
 * }
 * }</pre>
 *
 * <p>Keys of params, metrics, tags and artifact paths have 1 to 250 letters, digits, {@code _ - . /}
 * or spaces; {@code /} separates path segments, none empty, {@code .} or {@code ..} (so each key is also
 * a file path in MLflow's layout). Params are written once per run: logging the same value again is
 * accepted, a different one refused. Logging is accepted only while a run is {@link RunStatus#RUNNING}.
 * Every call that writes is one transaction: all of it is stored or none.
 *
 * <p>Runs left running by a process that died are found when a store is opened on the same host
 * ({@link #markAbandonedRuns()}) and marked {@link RunStatus#KILLED}.
 *
 * <p>Implementations are thread-safe; {@code TrackingStoreContract} in mlops-testkit checks one.
 * Refusals are {@link TrackingException}s; database failures {@link dev.mlops.store.StoreException}s.
 */
public interface TrackingStore extends AutoCloseable {
    /** The database file of a store directory ({@link #open(Path)}). */
    String DATABASE_FILE = "mlops.db";
    /** The artifact directory of a store directory ({@link #open(Path)}). */
    String ARTIFACT_DIRECTORY = "artifacts";
    /** How recently stored files {@link #collectGarbage()} leaves alone: 1 hour. */
    Duration GC_GRACE_PERIOD = Duration.ofHours(1);

    /**
     * Opens (creating if absent) a store in a directory: a SQLite file {@value #DATABASE_FILE} and an
     * artifact directory {@value #ARTIFACT_DIRECTORY}, closed with the store.
     *
     * @param directory the store's directory
     * @return the store
     */
    static TrackingStore open(Path directory) {
        return open("jdbc:sqlite:" + directory.resolve(DATABASE_FILE), directory.resolve(ARTIFACT_DIRECTORY),
                Clock.systemUTC());
    }

    /**
     * Opens a store on a database by JDBC URL ({@code jdbc:sqlite:PATH}, {@code jdbc:sqlite::memory:},
     * {@code jdbc:postgresql://...}; see {@link Database#open(String)}) and an artifact directory,
     * both closed with the store.
     *
     * @param databaseUrl the database's JDBC URL
     * @param artifactDirectory where the files go
     * @param clock the clock that stamps start and end times and metric points
     * @return the store
     */
    static TrackingStore open(String databaseUrl, Path artifactDirectory, Clock clock) {
        Database database = Database.open(databaseUrl);
        try {
            return SqlTrackingStore.open(database, ArtifactStore.open(artifactDirectory, clock), clock, true);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Opens a store on a database and an artifact directory the caller owns and closes.
     *
     * @param database where the records go; its tracking tables are created or migrated
     * @param artifacts where the files go
     * @param clock the clock that stamps start and end times and metric points
     * @return the store
     */
    static TrackingStore open(Database database, ArtifactStore artifacts, Clock clock) {
        return SqlTrackingStore.open(database, artifacts, clock, false);
    }

    /** @return the clock that stamps times */
    Clock clock();

    /**
     * Creates an experiment.
     *
     * @param name a unique, non-blank name
     * @return the experiment
     * @throws TrackingException if the name is taken
     */
    ExperimentInfo createExperiment(String name);

    /**
     * Finds an experiment by name.
     *
     * @param name the name
     * @return the experiment, or empty
     */
    Optional<ExperimentInfo> experiment(String name);

    /** @return every experiment, by name */
    List<ExperimentInfo> experiments();

    /**
     * Starts a run (creating its experiment if absent) in status {@link RunStatus#RUNNING}, with
     * the spec's params and tags.
     *
     * @param experiment the experiment's name
     * @param spec the run's name, seed, code version, user, first params and tags
     * @return the run
     */
    RunInfo createRun(String experiment, RunSpec spec);

    /**
     * Starts a run and returns a handle to log through.
     *
     * @param experiment the experiment's name
     * @param spec the run's name, seed, code version, user, first params and tags
     * @return the running run
     */
    default ActiveRun startRun(String experiment, RunSpec spec) {
        return new ActiveRun(this, createRun(experiment, spec));
    }

    /**
     * Logs params, metric points and tags to a running run, all or none.
     *
     * @param runId the run
     * @param batch what to log
     * @throws TrackingException if the run is unknown or has ended, or a param already has another value
     */
    void log(String runId, RunBatch batch);

    /**
     * Records lineage inputs of a running run, after those it has.
     *
     * @param runId the run
     * @param inputs the inputs
     * @throws TrackingException if the run is unknown or has ended
     */
    void addInputs(String runId, List<LineageInput> inputs);

    /**
     * Stores a file as an artifact of a running run (a path logged again points to the new content).
     *
     * @param runId the run
     * @param path the path within the run
     * @param file the file to store
     * @return the artifact
     * @throws TrackingException if the run is unknown or has ended
     */
    RunArtifact logArtifact(String runId, String path, Path file);

    /**
     * Stores bytes as an artifact of a running run.
     *
     * @param runId the run
     * @param path the path within the run
     * @param content the bytes
     * @return the artifact
     * @throws TrackingException if the run is unknown or has ended
     */
    RunArtifact logArtifact(String runId, String path, byte[] content);

    /**
     * Reads an artifact's bytes, verified against its content hash.
     *
     * @param runId the run
     * @param path the path within the run
     * @return the bytes
     * @throws TrackingException if the run has no such artifact
     * @throws dev.mlops.store.CorruptArtifactException if the stored file was modified
     */
    byte[] readArtifact(String runId, String path);

    /**
     * Ends a running run.
     *
     * @param runId the run
     * @param status {@link RunStatus#FINISHED}, {@link RunStatus#FAILED} or {@link RunStatus#KILLED}
     * @return the run as ended
     * @throws TrackingException if the run is unknown or the state machine refuses the move
     */
    RunInfo endRun(String runId, RunStatus status);

    /**
     * Reads a run with everything it logged.
     *
     * @param runId the run
     * @return the run, or empty if unknown
     */
    Optional<RunRecord> run(String runId);

    /**
     * Finds the ids of runs that start with a prefix, as a command line names a run by the first
     * characters of its id.
     *
     * @param prefix one or more lower-case hex digits
     * @param limit the most ids returned, at least 1
     * @return the matching ids in order (empty if none)
     * @throws IllegalArgumentException if the prefix is not lower-case hex or the limit below 1
     */
    List<String> runIdsStartingWith(String prefix, int limit);

    /**
     * Reads every point of one metric of a run.
     *
     * @param runId the run
     * @param key the metric
     * @return the points by step, then time (empty if never logged)
     * @throws TrackingException if the run is unknown
     */
    List<MetricPoint> metricHistory(String runId, String key);

    /**
     * Finds runs.
     *
     * @param query conditions, order and limit
     * @return the runs with everything they logged, in the query's order
     */
    List<RunRecord> search(RunQuery query);

    /**
     * Compares two runs side by side.
     *
     * @param first the run compared from
     * @param second the run compared to
     * @return parameters that differ and metric deltas
     * @throws TrackingException if either run is unknown
     */
    default RunComparison compare(String first, String second) {
        return RunComparison.of(require(first), require(second));
    }

    /**
     * Reads a run that must exist.
     *
     * @param runId the run
     * @return the run
     * @throws TrackingException if unknown
     */
    default RunRecord require(String runId) {
        return run(runId).orElseThrow(() -> new TrackingException("no run " + runId + " in " + this));
    }

    /**
     * Deletes a run with everything it logged, and the artifact files no other run references.
     *
     * @param runId the run
     * @return what was removed
     * @throws TrackingException if the run is unknown
     */
    RetentionResult deleteRun(String runId);

    /**
     * Deletes an experiment with all its runs.
     *
     * @param name the experiment
     * @return what was removed
     * @throws TrackingException if the experiment is unknown
     */
    RetentionResult deleteExperiment(String name);

    /**
     * Deletes the ended runs the policy does not keep, in every experiment.
     *
     * @param policy which runs to keep
     * @return what was removed
     */
    RetentionResult applyRetention(RetentionPolicy policy);

    /**
     * Removes artifact files that no run references (left, for example, by a process that died
     * between storing a file and recording it), except those stored within the last
     * {@link #GC_GRACE_PERIOD}, which a run may be about to record.
     *
     * @return what was removed (no runs)
     */
    RetentionResult collectGarbage();

    /**
     * Marks runs left {@link RunStatus#RUNNING} by processes on this host that have ended as
     * {@link RunStatus#KILLED}. Called when a store is opened.
     *
     * @return the runs marked
     */
    List<RunInfo> markAbandonedRuns();

    /** Closes the store (and the database and artifact directory it opened itself). */
    @Override
    void close();
}
