package dev.mlops.examples.extension;

import dev.mlops.testkit.ExperimentContract;
import dev.mlops.train.experiment.Experiment;

/** The user's experiment honours the {@link Experiment} contract, as any built-in one does. */
class NearestNeighboursContractTest extends ExperimentContract {

    @Override
    protected Experiment experiment() {
        return new NearestNeighbours(7);
    }
}
