package dev.mlops.examples.extension;

import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.testkit.DriftDetectorContract;

/** The user's drift detector honours the {@link DriftDetector} contract, as any built-in one does. */
class EnergyDistanceDetectorContractTest extends DriftDetectorContract {

    @Override
    protected DriftDetector detector() {
        return new EnergyDistanceDetector(EnergyDistanceDetector.DEFAULT_THRESHOLD);
    }
}
