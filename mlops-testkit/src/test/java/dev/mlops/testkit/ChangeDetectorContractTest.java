package dev.mlops.testkit;

import dev.mlops.monitor.change.ChangeDetector;
import dev.mlops.monitor.change.ChangeDetectors;
import dev.mlops.monitor.change.CusumSettings;
import dev.mlops.monitor.change.PageHinkleySettings;
import org.junit.jupiter.api.Nested;

/** Runs the {@link ChangeDetectorContract} against the built-in change detectors, with defaults and with known parameters. */
class ChangeDetectorContractTest {

    @Nested
    class PageHinkley extends ChangeDetectorContract {
        @Override
        protected ChangeDetector detector() {
            return ChangeDetectors.pageHinkley();
        }
    }

    @Nested
    class PageHinkleyWithKnownSigma extends ChangeDetectorContract {
        @Override
        protected ChangeDetector detector() {
            return ChangeDetectors.pageHinkley(new PageHinkleySettings(0.5, 8.0, 0, 1.0));
        }
    }

    @Nested
    class Cusum extends ChangeDetectorContract {
        @Override
        protected ChangeDetector detector() {
            return ChangeDetectors.cusum();
        }
    }

    @Nested
    class CusumWithKnownParameters extends ChangeDetectorContract {
        @Override
        protected ChangeDetector detector() {
            return ChangeDetectors.cusum(CusumSettings.known(10, 1, 0.5, 8));
        }
    }
}
