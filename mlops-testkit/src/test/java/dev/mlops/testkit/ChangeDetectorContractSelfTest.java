package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.monitor.change.Change;
import dev.mlops.monitor.change.ChangeDetector;
import dev.mlops.monitor.change.ChangeDetectors;
import dev.mlops.monitor.change.ChangeTracker;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract catches broken change detectors: each case wraps the default CUSUM and breaks one
 * rule, and the contract's test of that rule must fail naming it.
 */
class ChangeDetectorContractSelfTest {

    /** The default CUSUM, whose trackers come from {@code trackers}. */
    private static ChangeDetector broken(Supplier<ChangeTracker> trackers) {
        ChangeDetector cusum = ChangeDetectors.cusum();
        return new ChangeDetector() {
            @Override
            public String type() {
                return cusum.type();
            }

            @Override
            public Record settings() {
                return cusum.settings();
            }

            @Override
            public ChangeTracker start() {
                return trackers.get();
            }
        };
    }

    private static ChangeDetectorContract contract(ChangeDetector detector) {
        return new ChangeDetectorContract() {
            @Override
            protected ChangeDetector detector() {
                return detector;
            }
        };
    }

    @Test
    void theWrappedCusumItselfPasses() {
        ChangeDetectorContract contract = contract(broken(ChangeDetectors.cusum()::start));
        assertThatCode(() -> {
            contract.namesItsTypeAndStartsEmptyTrackers();
            contract.aClearRiseIsDetected();
            contract.aClearFallIsDetected();
            contract.aConstantSeriesGivesNoChange();
            contract.nonFiniteValuesAreSkipped();
            contract.trackersAreIndependent();
        }).doesNotThrowAnyException();
    }

    @Test
    void aDetectorThatNeverDetectsFails() {
        ChangeDetectorContract contract = contract(broken(() -> new ChangeTracker() {
            private long count;

            @Override
            public Optional<Change> add(Instant time, double value) {
                count++;
                return Optional.empty();
            }

            @Override
            public long count() {
                return count;
            }

            @Override
            public long skipped() {
                return 0;
            }
        }));
        assertThatThrownBy(contract::aClearRiseIsDetected).isInstanceOf(AssertionError.class)
                .hasMessageContaining("changes detected at or after the UP step at index 250");
    }

    @Test
    void aDetectorWhoseTrackersShareStateFails() {
        ChangeTracker shared = ChangeDetectors.cusum().start();
        ChangeDetectorContract contract = contract(broken(() -> shared));
        assertThatThrownBy(contract::trackersAreIndependent).isInstanceOf(AssertionError.class)
                .hasMessageContaining("count() of a tracker started after another was fed");
    }

    @Test
    void aDetectorThatReportsTheWrongDirectionFails() {
        ChangeDetector cusum = ChangeDetectors.cusum();
        ChangeDetectorContract contract = contract(broken(() -> {
            ChangeTracker real = cusum.start();
            return new ChangeTracker() {
                @Override
                public Optional<Change> add(Instant time, double value) {
                    return real.add(time, -value);
                }

                @Override
                public long count() {
                    return real.count();
                }

                @Override
                public long skipped() {
                    return real.skipped();
                }
            };
        }));
        assertThatThrownBy(contract::aClearRiseIsDetected).isInstanceOf(AssertionError.class)
                .hasMessageContaining("direction");
    }
}
