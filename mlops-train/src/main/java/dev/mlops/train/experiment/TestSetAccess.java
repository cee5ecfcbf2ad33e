package dev.mlops.train.experiment;

import java.util.Objects;

/**
 * One use of the test rows, as the {@link ExperimentRunner} records every one: which
 * experiment's model predicted them, how many rows, and when — the position among all the steps
 * of the runner, so that a reader can check every access came after every experiment had
 * finished training.
 *
 * @param experiment the experiment's spec
 * @param rows the test rows predicted
 * @param step the runner's step counter at the access; training steps come before
 * @param lastTrainingStep the step at which the last experiment finished training
 */
public record TestSetAccess(String experiment, int rows, long step, long lastTrainingStep) {
    /**
     * Checks the parts.
     *
     * @param experiment the experiment's spec
     * @param rows the rows predicted, at least 0
     * @param step the step of the access
     * @param lastTrainingStep the step training ended
     */
    public TestSetAccess {
        Objects.requireNonNull(experiment, "experiment");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be at least 0, but was " + rows);
        }
    }

    /** @return true if the access came after every experiment had finished training */
    public boolean afterTraining() {
        return step > lastTrainingStep;
    }
}
