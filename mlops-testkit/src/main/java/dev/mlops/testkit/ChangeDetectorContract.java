package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.monitor.change.Change;
import dev.mlops.monitor.change.ChangeDetector;
import dev.mlops.monitor.change.ChangeTracker;
import dev.mlops.monitor.change.Direction;
import dev.mlops.testkit.kit.Deterministic;
import dev.mlops.testkit.kit.Runs;
import dev.mlops.testkit.kit.SettingsRoundTrip;
import dev.mlops.testkit.kit.ThreadSafe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChangeDetector} as a JUnit 5 test: extend this class, say how to make
 * your detector, and every test here runs against it.
 *
 * <pre>{@code
 * class MyChangeDetectorContractTest extends ChangeDetectorContract {
 *     @Override
 *     protected ChangeDetector detector() {
 *         return new MyChangeDetector(4.0);
 *     }
 * }
 * }</pre>
 *
 * <p>The fixtures, drawn from one fixed seed, one value an hour: {@value #LENGTH} values of
 * standard normal noise around 10 whose level rises (or falls) by {@value #STEP} standard
 * deviations at index {@value #AT}, a step any detector worth the name finds. What the tests check:
 * <ul>
 *   <li>the detector names its type, and {@link ChangeDetector#start()} gives a tracker that has
 *       seen nothing;</li>
 *   <li>the rise is detected at or after index {@value #AT}, as {@link Direction#UP}, with the
 *       change point at most {@value #LATE} values before the step and not after the detection,
 *       the times those of the values at those indices, and the detector's type as
 *       {@link Change#detector()}; the fall likewise, as {@link Direction#DOWN};</li>
 *   <li>a constant series at the fixture's level, 10, gives no change;</li>
 *   <li>non-finite values are skipped: they take an index and are counted, and the step after
 *       them is still found;</li>
 *   <li>two trackers of one detector do not share state.</li>
 * </ul>
 * And, from the kit's pieces ({@link dev.mlops.testkit.kit}), each a nested group: determinism
 * (one detector run twice, two made alike), thread safety (one detector starting trackers from 8
 * threads), and the settings round trip through {@link #registry()}.
 */
public abstract class ChangeDetectorContract {
    /** How many values the fixture holds. */
    static final int LENGTH = 400;
    /** The index of the fixture's first changed value. */
    static final int AT = 250;
    /** The step, in standard deviations. */
    static final double STEP = 6.0;
    /** How far before the step a change point may be estimated. */
    static final int LATE = 20;
    /** The seed of the fixture. */
    static final long SEED = 0xC4A96EL;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Creates the contract test; subclasses supply the detector under test. */
    protected ChangeDetectorContract() {
    }

    /**
     * Returns the detector under test.
     *
     * @return the detector
     */
    protected abstract ChangeDetector detector();

    /**
     * Returns the registry through which the settings round trip rebuilds the detector; the
     * default, {@link ComponentRegistry#defaults()}, finds every type listed in
     * {@code META-INF/services} on the class path.
     *
     * @return the registry that knows the detector's type
     */
    protected ComponentRegistry registry() {
        return ComponentRegistry.defaults();
    }

    /** @return the fixture: noise around 10 with a step of {@code sign * STEP} at {@link #AT} */
    static double[] fixture(double sign) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] values = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = 10 + random.nextGaussian() + (i >= AT ? sign * STEP : 0);
        }
        return values;
    }

    static Instant time(long index) {
        return START.plus(Duration.ofHours(index));
    }

    /** @return every change a fresh tracker of the detector reports over the values */
    static List<Change> changes(ChangeDetector detector, double[] values) {
        ChangeTracker tracker = detector.start();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            tracker.add(time(i), values[i]).ifPresent(changes::add);
        }
        assertThat(tracker.count()).as("%s: count() after %d values", detector, values.length).isEqualTo(values.length);
        return Collections.unmodifiableList(changes);
    }

    /** The detector names its type; a new tracker has seen nothing. */
    @Test
    @DisplayName("the detector names its type and starts empty trackers")
    void namesItsTypeAndStartsEmptyTrackers() {
        ChangeDetector detector = detector();
        assertThat(detector.type()).as("type()").isNotBlank();
        ChangeTracker tracker = detector.start();
        assertThat(tracker.count()).as("%s: count() of a new tracker", detector).isZero();
        assertThat(tracker.skipped()).as("%s: skipped() of a new tracker", detector).isZero();
    }

    /** A clear rise is found after it begins, upward, with a sound change point. */
    @Test
    @DisplayName("a clear rise is detected as UP near its start")
    void aClearRiseIsDetected() {
        assertFound(fixture(1), Direction.UP);
    }

    /** A clear fall is found after it begins, downward, with a sound change point. */
    @Test
    @DisplayName("a clear fall is detected as DOWN near its start")
    void aClearFallIsDetected() {
        assertFound(fixture(-1), Direction.DOWN);
    }

    private void assertFound(double[] values, Direction direction) {
        ChangeDetector detector = detector();
        List<Change> after = changes(detector, values).stream().filter(c -> c.detectionIndex() >= AT).toList();
        assertThat(after).as("%s: changes detected at or after the %s step at index %d", detector, direction, AT)
                .isNotEmpty();
        Change change = after.get(0);
        String where = detector + ": " + change;
        assertThat(change.direction()).as("%s: direction", where).isEqualTo(direction);
        assertThat(change.detector()).as("%s: detector()", where).isEqualTo(detector.type());
        assertThat(change.changeIndex()).as("%s: the change point", where)
                .isBetween((long) AT - LATE, change.detectionIndex());
        assertThat(change.changeTime()).as("%s: the change point's time", where).isEqualTo(time(change.changeIndex()));
        assertThat(change.detectionTime()).as("%s: the detection's time", where)
                .isEqualTo(time(change.detectionIndex()));
    }

    /** A constant series gives no change. */
    @Test
    @DisplayName("a constant series gives no change")
    void aConstantSeriesGivesNoChange() {
        double[] values = new double[LENGTH];
        Arrays.fill(values, 10.0);
        assertThat(changes(detector(), values)).as("%s: changes in a constant series", detector()).isEmpty();
    }

    /** Non-finite values take an index, are counted, and change nothing. */
    @Test
    @DisplayName("non-finite values are skipped and counted")
    void nonFiniteValuesAreSkipped() {
        double[] values = fixture(1);
        values[10] = Double.NaN;
        values[AT - 5] = Double.POSITIVE_INFINITY;
        values[AT + 1] = Double.NEGATIVE_INFINITY;
        ChangeTracker tracker = detector().start();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            tracker.add(time(i), values[i]).ifPresent(changes::add);
        }
        assertThat(tracker.count()).as("%s: count() with skipped values", detector()).isEqualTo(LENGTH);
        assertThat(tracker.skipped()).as("%s: skipped()", detector()).isEqualTo(3);
        assertThat(changes).as("%s: the step after skipped values", detector())
                .anySatisfy(c -> assertThat(c.detectionIndex()).isGreaterThanOrEqualTo(AT));
    }

    /** Two trackers of one detector keep their own state. */
    @Test
    @DisplayName("trackers do not share state")
    void trackersAreIndependent() {
        ChangeDetector detector = detector();
        ChangeTracker busy = detector.start();
        for (double value : fixture(1)) {
            busy.add(START, value);
        }
        ChangeTracker fresh = detector.start();
        assertThat(fresh.count()).as("%s: count() of a tracker started after another was fed", detector).isZero();
        assertThat(changes(detector, fixture(1))).as("%s: changes of a fresh tracker", detector)
                .isEqualTo(changes(detector(), fixture(1)));
    }

    /** The detector under test and its run on the rising fixture. */
    private abstract class OfTheDetector implements Runs<ChangeDetector, List<Change>> {
        @Override
        public ChangeDetector subject() {
            return detector();
        }

        @Override
        public List<Change> run(ChangeDetector detector) {
            return changes(detector, fixture(1));
        }
    }

    /** The same series gives equal changes, from one detector and from two made alike. */
    @Nested
    @DisplayName("determinism")
    class Determinism extends OfTheDetector implements Deterministic<ChangeDetector, List<Change>> {
    }

    /** One detector starting trackers from 8 threads at once gives the changes it gives on one thread. */
    @Nested
    @DisplayName("thread safety")
    class ThreadSafety extends OfTheDetector implements ThreadSafe<ChangeDetector, List<Change>> {
    }

    /** The detector is a component: registered, and rebuilt equal from its spec and its JSON. */
    @Nested
    @DisplayName("settings round trip")
    class Settings implements SettingsRoundTrip<ChangeDetector, List<Change>> {
        @Override
        public ChangeDetector component() {
            return detector();
        }

        @Override
        public Class<ChangeDetector> kind() {
            return ChangeDetector.class;
        }

        @Override
        public ComponentRegistry registry() {
            return ChangeDetectorContract.this.registry();
        }

        @Override
        public List<Change> behaviour(ChangeDetector detector) {
            return changes(detector, fixture(1));
        }
    }
}
