/**
 * Experiments and their runner, the guide's fast-iteration loop: an
 * {@link dev.mlops.train.experiment.Experiment} trains on an
 * {@link dev.mlops.train.experiment.ExperimentContext} (training and validation rows, never test
 * rows; a seed; the run to log to), {@link dev.mlops.train.experiment.TribuoExperiment} makes a
 * Tribuo trainer one in a few lines, and the {@link dev.mlops.train.experiment.ExperimentRunner}
 * runs many on the same data and seed, baselines first, evaluates each on the test rows once, and
 * ranks them on a {@link dev.mlops.train.experiment.Leaderboard}.
 */
@NullMarked
package dev.mlops.train.experiment;

import org.jspecify.annotations.NullMarked;
