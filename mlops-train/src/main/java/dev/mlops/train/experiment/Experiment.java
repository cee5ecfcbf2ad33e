package dev.mlops.train.experiment;

import dev.mlops.core.component.Component;

/**
 * One way to train a model: a component (a type name and settings, so a run records exactly what
 * ran) that trains on an {@link ExperimentContext}'s training rows and predicts its validation
 * rows. An {@link ExperimentRunner} runs many on the same data and seed, baselines first, and
 * evaluates each on the test rows once at the end; a user adds an experiment by writing one
 * class (for a Tribuo trainer, a subclass of {@link TribuoExperiment} of a few lines).
 *
 * <p>The contract, which {@code ExperimentContract} in mlops-testkit checks: the same context
 * (data and seed) gives the same metrics and predictions; the result's predictions have one row
 * per validation row, in the shape of the model's {@code outputs()}; the result names its metrics;
 * an experiment never sees test rows (the context has none) and keeps no state between runs.
 * Instances are immutable and thread-safe.
 */
public interface Experiment extends Component {

    /**
     * Trains a model and predicts the validation rows.
     *
     * @param context the training and validation rows, the label, the seed, the run to log to
     * @return the trained model, its validation predictions and metrics
     */
    ExperimentResult run(ExperimentContext context);
}
