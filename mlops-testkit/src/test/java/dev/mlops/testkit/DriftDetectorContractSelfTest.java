package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.data.stat.TestMethod;
import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.monitor.drift.DriftDetectors;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.Reference;
import dev.mlops.monitor.drift.Sample;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract catches broken detectors: each case wraps the L∞ detector and breaks one rule, and
 * the contract's test of that rule must fail naming it.
 */
class DriftDetectorContractSelfTest {

    /** The L∞ detector with its verdict replaced by {@code change}. */
    private static DriftDetector broken(BiFunction<Sample, DriftResult, DriftResult> change) {
        DriftDetector linf = DriftDetectors.linf(0.1);
        return new DriftDetector() {
            @Override
            public String type() {
                return linf.type();
            }

            @Override
            public Record settings() {
                return linf.settings();
            }

            @Override
            public DriftResult detect(Sample current, Reference reference) {
                return change.apply(current, linf.detect(current, reference));
            }

            @Override
            public Set<Sample.Kind> kinds() {
                return linf.kinds();
            }

            @Override
            public boolean needsRawReference() {
                return linf.needsRawReference();
            }
        };
    }

    private static DriftResult withValue(DriftResult r, double value) {
        return new DriftResult(r.detector(), r.statistic(), value, r.pValue(), r.method(), r.referenceError(),
                r.rule(), r.threshold(), r.adjustedPValue(), r.currentSize(), r.referenceSize());
    }

    private static DriftDetectorContract contract(DriftDetector detector) {
        return new DriftDetectorContract() {
            @Override
            protected DriftDetector detector() {
                return detector;
            }
        };
    }

    @Test
    void theLinfDetectorItselfPasses() {
        DriftDetectorContract contract = contract(broken((sample, result) -> result));
        assertThatCode(() -> {
            contract.identicalSamplesGiveNoDrift();
            contract.aClearlyShiftedSampleGivesDrift();
            contract.aProfileGivesTheSameVerdictsOrIsRefused();
            contract.wrongKindsAreRefused();
            contract.namesItsTypeAndKinds();
        }).doesNotThrowAnyException();
    }

    @Test
    void alwaysDriftingFailsOnIdenticalSamples() {
        DriftDetectorContract contract = contract(broken((sample, result) -> withValue(result, 1.0)));
        assertThatThrownBy(contract::identicalSamplesGiveNoDrift).isInstanceOf(AssertionError.class)
                .hasMessageContaining("drift on identical NUMERIC samples")
                .hasMessageContaining("drift on identical CATEGORICAL samples");
    }

    @Test
    void neverDriftingFailsOnTheShiftedSample() {
        DriftDetectorContract contract = contract(broken((sample, result) -> withValue(result, 0.0)));
        assertThatThrownBy(contract::aClearlyShiftedSampleGivesDrift).isInstanceOf(AssertionError.class)
                .hasMessageContaining("drift on a clearly shifted NUMERIC sample");
        assertThatThrownBy(contract::aProfileGivesTheSameVerdictsOrIsRefused).isInstanceOf(AssertionError.class)
                .hasMessageContaining("against the profile");
    }

    @Test
    void aWrongDetectorNameOrAMissingPValueFails() {
        DriftDetectorContract contract = contract(broken((sample, r) -> new DriftResult("other", r.statistic(),
                r.value(), OptionalDouble.empty(), TestMethod.EXACT, 0.0, r.rule(), r.threshold(), r.adjustedPValue(),
                0, r.referenceSize())));
        assertThatThrownBy(contract::identicalSamplesGiveNoDrift).isInstanceOf(AssertionError.class)
                .hasMessageContaining("detector()").hasMessageContaining("currentSize()");
    }

    @Test
    void acceptingEveryKindFails() {
        DriftDetector lenient = new DriftDetector() {
            private final DriftDetector mean = DriftDetectors.welchT(0.05);

            @Override
            public String type() {
                return mean.type();
            }

            @Override
            public Record settings() {
                return mean.settings();
            }

            @Override
            public DriftResult detect(Sample current, Reference reference) {
                return new DriftResult(type(), "none", 0.0, OptionalDouble.of(1.0), TestMethod.EXACT, 0.0,
                        DriftResult.Rule.P_VALUE_BELOW, 0.05, OptionalDouble.empty(), 1, 1);
            }

            @Override
            public Set<Sample.Kind> kinds() {
                return Set.of(Sample.Kind.NUMERIC);
            }

            @Override
            public boolean needsRawReference() {
                return false;
            }
        };
        assertThatThrownBy(contract(lenient)::wrongKindsAreRefused).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a NUMERIC sample against a CATEGORICAL reference must be refused");
    }

    @Nested
    class Pieces {
        @Test
        void aDetectorThatChangesWithEachCallFailsDeterminism() {
            AtomicInteger calls = new AtomicInteger();
            DriftDetector drifting = broken((sample, result) -> withValue(result, calls.incrementAndGet()));
            DriftDetectorContract contract = contract(drifting);
            assertThatThrownBy(() -> contract.new Determinism().oneInstanceGivesEqualResults())
                    .isInstanceOf(AssertionError.class);
        }

        @Test
        void anUnregisteredTypeFailsTheRoundTrip() {
            DriftDetectorContract contract = new DriftDetectorContract() {
                @Override
                protected DriftDetector detector() {
                    return DriftDetectors.linf(0.1);
                }

                @Override
                protected ComponentRegistry registry() {
                    return ComponentRegistry.of(List.of());
                }
            };
            assertThatThrownBy(() -> contract.new Settings().itsTypeIsRegistered()).isInstanceOf(AssertionError.class);
        }

        @Test
        void acceptingAnEmptySampleFails() {
            DriftDetector lenient = broken((sample, result) -> result);
            DriftDetectorContract contract = contract(new DriftDetector() {
                @Override
                public String type() {
                    return lenient.type();
                }

                @Override
                public Record settings() {
                    return lenient.settings();
                }

                @Override
                public DriftResult detect(Sample current, Reference reference) {
                    return lenient.detect(current.size() == 0 ? reference(current.kind()) : current, reference);
                }

                @Override
                public Set<Sample.Kind> kinds() {
                    return lenient.kinds();
                }

                @Override
                public boolean needsRawReference() {
                    return false;
                }
            });
            assertThatThrownBy(() -> contract.new Empty().emptyInputIsRefusedClearlyOrGivesAValidResult())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("must be refused");
        }
    }

    private static Sample reference(Sample.Kind kind) {
        return DriftDetectorContract.reference(kind);
    }
}
