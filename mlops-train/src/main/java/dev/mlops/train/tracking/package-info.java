/**
 * Experiment tracking: every model a team builds is recorded as a run of an experiment, with its
 * parameters, metrics (with steps and times), tags, artifacts, seed, lineage inputs, code version,
 * start and end times and status, so runs can be compared, reproduced and told apart from chance.
 *
 * <p>{@link dev.mlops.train.tracking.TrackingStore} is the typed store (the interface users and the
 * CLI see; {@code TrackingStoreContract} in mlops-testkit checks any implementation), opened on a
 * {@link dev.mlops.store.Database} — a SQLite file by default, SQLite in memory, or PostgreSQL —
 * with an {@link dev.mlops.store.ArtifactStore} for files. {@link dev.mlops.train.tracking.ActiveRun}
 * is the handle a training job logs through. Runs are found with
 * {@link dev.mlops.train.tracking.RunQuery} (answered by SQL over indexed tables, not by loading every
 * run), compared with {@link dev.mlops.train.tracking.RunComparison}, exported to MLflow's file
 * layout, and removed by deletion or a {@link dev.mlops.train.tracking.RetentionPolicy}.
 */
@NullMarked
package dev.mlops.train.tracking;

import org.jspecify.annotations.NullMarked;
