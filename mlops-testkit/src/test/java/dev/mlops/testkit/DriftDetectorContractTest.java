package dev.mlops.testkit;

import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.monitor.drift.DriftDetectors;
import dev.mlops.monitor.drift.ShiftMeasure;
import org.junit.jupiter.api.Nested;

/** Runs the {@link DriftDetectorContract} against every built-in drift detector. */
class DriftDetectorContractTest {

    @Nested
    class Ks extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.ks(0.05);
        }
    }

    @Nested
    class ChiSquare extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.chiSquare(0.01);
        }
    }

    @Nested
    class WelchT extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.welchT(0.05);
        }
    }

    @Nested
    class Psi extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.psi(0.25, 10);
        }
    }

    @Nested
    class JensenShannon extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.jensenShannon(0.1, 20);
        }
    }

    @Nested
    class Wasserstein extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.wasserstein(0.1);
        }
    }

    @Nested
    class Linf extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.linf(0.1);
        }
    }

    @Nested
    class MeanShift extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.shift(ShiftMeasure.MEAN, 0.1);
        }
    }

    @Nested
    class StandardDeviationShift extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.shift(ShiftMeasure.STANDARD_DEVIATION, 0.1);
        }
    }

    @Nested
    class MissingShareShift extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.shift(ShiftMeasure.MISSING_SHARE, 0.05);
        }
    }

    @Nested
    class MinShift extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.shift(ShiftMeasure.MIN, 0.1);
        }
    }

    @Nested
    class MaxShift extends DriftDetectorContract {
        @Override
        protected DriftDetector detector() {
            return DriftDetectors.shift(ShiftMeasure.MAX, 0.1);
        }
    }
}
