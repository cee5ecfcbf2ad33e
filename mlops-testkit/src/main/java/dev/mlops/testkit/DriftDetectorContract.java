package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.monitor.drift.DriftDetector;
import dev.mlops.monitor.drift.DriftResult;
import dev.mlops.monitor.drift.Reference;
import dev.mlops.monitor.drift.Sample;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.EmptyInput;
import dev.mlops.testkit.kit.Runs;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.testkit.kit.ThreadSafe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DriftDetector} as a JUnit 5 test: extend this class, say how to make
 * your detector, and every test here runs against it, for each kind of column it
 * {@link DriftDetector#kinds() compares}.
 *
 * <pre>{@code
 * class MyDetectorContractTest extends DriftDetectorContract {
 *     @Override
 *     protected DriftDetector detector() {
 *         return new MyDetector(0.1);
 *     }
 * }
 * }</pre>
 *
 * <p>The fixtures, drawn from one fixed seed: a numeric reference of {@value #SIZE} standard
 * normal values, and a categorical one of {@value #SIZE} values over {@code a, b, c, d} in the
 * shares 40/30/20/10 % (with non-ASCII categories {@code München} and {@code São Paulo} among
 * them). The clearly shifted current samples: the numbers times 2 plus 5 (the mean moves 5
 * standard deviations, the standard deviation doubles, min and max move) with every third value
 * missing; the categories in reversed shares with a new category and a third missing. What the
 * tests check:
 * <ul>
 *   <li>the detector compares at least one kind and names its type;</li>
 *   <li>a current sample equal to the reference gives no drift, a well-formed result (its type as
 *       {@link DriftResult#detector()}, both sizes positive, a p-value exactly when it is a test);</li>
 *   <li>a clearly shifted sample gives drift;</li>
 *   <li>against the profile of the reference (a stored baseline), the same verdicts, unless the
 *       detector {@link DriftDetector#needsRawReference() needs raw values}, when the profile is
 *       refused with an {@link IllegalArgumentException};</li>
 *   <li>a sample of a kind the detector does not compare, or current and reference of different
 *       kinds, are refused with an {@link IllegalArgumentException} whose message is not blank.</li>
 * </ul>
 * And, from the kit's pieces ({@link dev.mlops.testkit.kit}), each a nested group: determinism
 * (one detector run twice, two made alike), thread safety (one detector from 8 threads), empty
 * input (an empty current sample refused with an {@link IllegalArgumentException}), and the
 * settings round trip through {@link #registry()}.
 */
public abstract class DriftDetectorContract {
    /** How many values each fixture holds. */
    static final int SIZE = 600;
    /** The seed of the fixtures. */
    static final long SEED = 0xD81F7L;
    private static final List<String> CATEGORIES = List.of("München", "São Paulo", "c", "d");

    /** Creates the contract test; subclasses supply the detector under test. */
    protected DriftDetectorContract() {
    }

    /**
     * Returns the detector under test.
     *
     * @return the detector
     */
    protected abstract DriftDetector detector();

    /**
     * Returns the registry through which the settings round trip rebuilds the detector; the
     * default, {@link ComponentRegistry#defaults()}, finds every type listed in
     * {@code META-INF/services} on the class path. Override it for a type of the tests alone.
     *
     * @return the registry that knows the detector's type
     */
    protected ComponentRegistry registry() {
        return ComponentRegistry.defaults();
    }

    /** The reference values of a kind, as one value a row ({@code NaN} or null missing). */
    private static Column referenceColumn(Sample.Kind kind) {
        SplittableRandom random = new SplittableRandom(SEED);
        if (kind == Sample.Kind.NUMERIC) {
            double[] values = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                values[i] = random.nextGaussian();
            }
            return NumericColumn.of("x", values);
        }
        String[] values = new String[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = CATEGORIES.get(share(i, false));
        }
        return CategoricalColumn.of("x", values);
    }

    /** Category {@code 0..3} of row {@code i} in shares 40/30/20/10 % (or reversed). */
    private static int share(int i, boolean reversed) {
        int decile = i % 10;
        int category = decile < 4 ? 0 : decile < 7 ? 1 : decile < 9 ? 2 : 3;
        return reversed ? 3 - category : category;
    }

    /** @return the reference of a kind as a sample */
    static Sample reference(Sample.Kind kind) {
        return sampleOf(referenceColumn(kind));
    }

    /** @return the clearly shifted current sample of a kind */
    static Sample shifted(Sample.Kind kind) {
        if (kind == Sample.Kind.NUMERIC) {
            double[] values = ((Sample.Numeric) reference(kind)).values();
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 3 == 0 ? Double.NaN : 2 * values[i] + 5;
            }
            return Sample.numeric(values);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            values.add(i % 3 == 0 ? null : i % 7 == 0 ? "new" : CATEGORIES.get(share(i, true)));
        }
        return Sample.categories(values);
    }

    private static Sample sampleOf(Column column) {
        if (column instanceof NumericColumn numbers) {
            return Sample.numeric(numbers.toArray());
        }
        CategoricalColumn categories = (CategoricalColumn) column;
        List<String> values = new ArrayList<>();
        for (int row = 0; row < categories.size(); row++) {
            values.add(categories.get(row));
        }
        return Sample.categories(values);
    }

    /** @return the reference of a kind as the profile of a stored baseline */
    static Reference profiled(Sample.Kind kind) {
        return Reference.of(DatasetProfile.of(Table.of(referenceColumn(kind))).column("x"));
    }

    /** @return the kinds the detector compares, in enum order */
    private List<Sample.Kind> kinds() {
        Set<Sample.Kind> kinds = detector().kinds();
        assertThat(kinds).as("the kinds detector %s compares", detector()).isNotEmpty();
        return List.copyOf(EnumSet.copyOf(kinds));
    }

    /** The detector compares at least one kind and names its type. */
    @Test
    @DisplayName("the detector names its type and the kinds it compares")
    void namesItsTypeAndKinds() {
        DriftDetector detector = detector();
        assertThat(detector.type()).as("type()").isNotBlank();
        assertThat(detector.kinds()).as("kinds()").isNotEmpty();
    }

    /** A current sample equal to the reference gives no drift and a well-formed result. */
    @Test
    @DisplayName("identical samples give no drift")
    void identicalSamplesGiveNoDrift() {
        SoftAssertions softly = new SoftAssertions();
        for (Sample.Kind kind : kinds()) {
            DriftResult result = detector().detect(reference(kind), Reference.of(reference(kind)));
            softly.assertThat(result.drift()).as("%s: drift on identical %s samples", result, kind).isFalse();
            assertWellFormed(softly, result, kind);
        }
        softly.assertAll();
    }

    /** A clearly shifted current sample gives drift. */
    @Test
    @DisplayName("a clearly shifted sample gives drift")
    void aClearlyShiftedSampleGivesDrift() {
        SoftAssertions softly = new SoftAssertions();
        for (Sample.Kind kind : kinds()) {
            DriftResult result = detector().detect(shifted(kind), Reference.of(reference(kind)));
            softly.assertThat(result.drift()).as("%s: drift on a clearly shifted %s sample", result, kind).isTrue();
            assertWellFormed(softly, result, kind);
        }
        softly.assertAll();
    }

    /** Against the reference's profile, the same verdicts, or a clear refusal from a detector that needs raw values. */
    @Test
    @DisplayName("a stored profile gives the same verdicts, or is refused by a detector that needs raw values")
    void aProfileGivesTheSameVerdictsOrIsRefused() {
        DriftDetector detector = detector();
        SoftAssertions softly = new SoftAssertions();
        for (Sample.Kind kind : kinds()) {
            if (detector.needsRawReference()) {
                Throwable refusal = catchThrowable(() -> detector.detect(reference(kind), profiled(kind)));
                softly.assertThat(refusal).as("%s needs raw values: a %s profile must be refused", detector, kind)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(detector.type());
                continue;
            }
            DriftResult same = detector.detect(reference(kind), profiled(kind));
            DriftResult moved = detector.detect(shifted(kind), profiled(kind));
            softly.assertThat(same.drift()).as("%s: drift on a sample equal to the %s profile's", same, kind).isFalse();
            softly.assertThat(moved.drift()).as("%s: drift on a clearly shifted %s sample against the profile", moved,
                    kind).isTrue();
            assertWellFormed(softly, same, kind);
        }
        softly.assertAll();
    }

    /** Kinds it does not compare, and kinds that differ between the sides, are refused. */
    @Test
    @DisplayName("samples of a kind it does not compare, or of two kinds, are refused")
    void wrongKindsAreRefused() {
        DriftDetector detector = detector();
        for (Sample.Kind kind : Sample.Kind.values()) {
            Sample.Kind other = kind == Sample.Kind.NUMERIC ? Sample.Kind.CATEGORICAL : Sample.Kind.NUMERIC;
            assertRefused(() -> detector.detect(reference(kind), Reference.of(reference(other))),
                    detector + ": a " + kind + " sample against a " + other + " reference");
            if (!detector.kinds().contains(kind)) {
                assertRefused(() -> detector.detect(reference(kind), Reference.of(reference(kind))),
                        detector + ": a " + kind + " sample, which it does not compare");
            }
        }
    }

    private static void assertRefused(ThrowingCallable call, String what) {
        Throwable refusal = catchThrowable(call);
        assertThat(refusal).as("%s must be refused with an IllegalArgumentException", what)
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(refusal.getMessage()).as("%s: the message of the refusal", what).isNotBlank();
    }

    private void assertWellFormed(SoftAssertions softly, DriftResult result, Sample.Kind kind) {
        String where = result + " (" + kind + ")";
        softly.assertThat(result.detector()).as("%s: detector()", where).isEqualTo(detector().type());
        softly.assertThat(result.currentSize()).as("%s: currentSize()", where).isPositive();
        softly.assertThat(result.referenceSize()).as("%s: referenceSize()", where).isPositive();
        softly.assertThat(result.pValue().isPresent()).as("%s: a p-value exactly when the rule is a test", where)
                .isEqualTo(result.rule() == DriftResult.Rule.P_VALUE_BELOW);
    }

    /** The results of a run on both kinds' fixtures, by kind, for the determinism and thread-safety pieces. */
    private Map<Sample.Kind, DriftResult> runOnFixtures(DriftDetector detector) {
        Map<Sample.Kind, DriftResult> results = new LinkedHashMap<>();
        for (Sample.Kind kind : List.copyOf(EnumSet.copyOf(detector.kinds()))) {
            results.put(kind, detector.detect(shifted(kind), Reference.of(reference(kind))));
        }
        return results;
    }

    /** The detector under test and its run on the fixtures. */
    private abstract class OfTheDetector implements Runs<DriftDetector, Map<Sample.Kind, DriftResult>> {
        @Override
        public DriftDetector subject() {
            return detector();
        }

        @Override
        public Map<Sample.Kind, DriftResult> run(DriftDetector detector) {
            return runOnFixtures(detector);
        }
    }

    /** The same samples give equal results, from one detector and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism extends OfTheDetector implements Deterministic<DriftDetector, Map<Sample.Kind, DriftResult>> {
    }

    /** One detector used from 8 threads at once gives the result it gives on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety extends OfTheDetector implements ThreadSafe<DriftDetector, Map<Sample.Kind, DriftResult>> {
    }

    /** An empty current sample is refused with an IllegalArgumentException whose message says why. */
    @Nested
    @DisplayName("empty input")
    class Empty implements EmptyInput<DriftDetector, DriftResult> {
        @Override
        public DriftDetector subject() {
            return detector();
        }

        @Override
        public DriftResult runOnEmptyInput(DriftDetector detector) {
            Sample.Kind kind = EnumSet.copyOf(detector.kinds()).iterator().next();
            Sample empty = kind == Sample.Kind.NUMERIC ? Sample.numeric() : Sample.categories(List.of());
            return detector.detect(empty, Reference.of(reference(kind)));
        }

        @Override
        public Class<IllegalArgumentException> refusal() {
            return IllegalArgumentException.class;
        }

        @Override
        public void checkEmptyResult(DriftResult result) {
            throw new AssertionError("an empty current sample must be refused with an IllegalArgumentException but"
                    + " gave " + result);
        }
    }

    /** The detector is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<DriftDetector, Map<Sample.Kind, DriftResult>> {
        @Override
        public DriftDetector component() {
            return detector();
        }

        @Override
        public Class<DriftDetector> kind() {
            return DriftDetector.class;
        }

        @Override
        public ComponentRegistry registry() {
            return DriftDetectorContract.this.registry();
        }

        @Override
        public Map<Sample.Kind, DriftResult> behaviour(DriftDetector detector) {
            return runOnFixtures(detector);
        }
    }
}
