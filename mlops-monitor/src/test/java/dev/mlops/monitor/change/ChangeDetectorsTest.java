package dev.mlops.monitor.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.component.ComponentRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeDetectorsTest {
    /** The master seed every sweep draws its seeds from. */
    private static final long MASTER_SEED = 2020_12_07L;
    private static final int SWEEP_SEEDS = 6;

    /** (detector, seed) for every sweep: each built-in detector with seeds drawn from one master seed. */
    static Stream<Arguments> sweep() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < SWEEP_SEEDS; i++) {
            long seed = master.nextLong();
            cases.add(Arguments.of("page-hinkley", seed));
            cases.add(Arguments.of("cusum", seed));
        }
        return cases.stream();
    }

    private static ChangeDetector detector(String type) {
        return type.equals("cusum") ? ChangeDetectors.cusum() : ChangeDetectors.pageHinkley();
    }

    /** @return the first change a scan detects at or after {@code from} */
    private static Optional<ShapedChange> firstDetectedFrom(String type, double[] values, int from) {
        return detector(type).scan(Series.observations(values)).stream()
                .filter(c -> c.change().detectionIndex() >= from).findFirst();
    }

    /**
     * Montgomery, Introduction to Statistical Quality Control, 6th ed., Example 9.1 (Table 9.1 data,
     * Table 9.2 tabular CUSUM): μ0 = 10, σ = 1, k = 0.5, h = 5; the first 20 values from N(10, 1),
     * the last 10 from N(11, 1). The book's result: C⁺ exceeds h at period 29 with C⁺ = 5.28 and
     * N⁺ = 7, so the shift began after period 22; the new mean is estimated as 10 + 0.5 + 5.28/7 = 11.25.
     * Recomputed with /usr/bin/python3:
     * {@code cp=0; for v in x: cp=max(0,cp+v-10.5)} -> 5.28 at period 29 (index 28), N⁺ = 7.
     */
    @Nested
    class PublishedCusumExample {
        private final double[] x = {9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34, 9.03, 11.47,
            10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62,
            11.31, 10.52};

        @Test
        void signalsAtPeriod29WithTheChangeAfterPeriod22() {
            List<Change> changes = Series.run(ChangeDetectors.cusum(CusumSettings.known(10, 1, 0.5, 5)), x);

            assertThat(changes).hasSize(1);
            Change change = changes.get(0);
            assertThat(change.detector()).isEqualTo("cusum");
            assertThat(change.direction()).isEqualTo(Direction.UP);
            assertThat(change.detectionIndex()).isEqualTo(28);
            assertThat(change.detectionTime()).isEqualTo(Series.time(28));
            assertThat(change.changeIndex()).isEqualTo(22);
            assertThat(change.changeTime()).isEqualTo(Series.time(22));
            assertThat(change.delay()).isEqualTo(6);
            assertThat(change.statistic()).isCloseTo(5.28, within(1e-9));
            assertThat(change.threshold()).isEqualTo(5.0);
            assertThat(change.mean()).isEqualTo(10.0);
            assertThat(change.sigma()).isEqualTo(1.0);
            assertThat(change.mean() + change.shift()).isCloseTo(11.25, within(0.005));
        }

        @Test
        void theLowerSideIsTheMirrorImage() {
            double[] mirrored = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                mirrored[i] = 20 - x[i];
            }
            Change change = Series.run(ChangeDetectors.cusum(CusumSettings.known(10, 1, 0.5, 5)), mirrored).get(0);

            assertThat(change.direction()).isEqualTo(Direction.DOWN);
            assertThat(change.detectionIndex()).isEqualTo(28);
            assertThat(change.changeIndex()).isEqualTo(22);
            assertThat(change.mean() + change.shift()).isCloseTo(8.75, within(0.005));
        }
    }

    /**
     * Average run lengths of the two-sided tabular CUSUM with k = 1/2, published in Montgomery,
     * Introduction to Statistical Quality Control, 6th ed., Table 9.3: h = 4: 168 in control, 8.38
     * at a 1σ shift; h = 5: 465 and 10.4. Siegmund's closed form gives 469 for h = 5 in control
     * ({@code (exp(2·0.5·6.166) - 2·0.5·6.166 - 1) / (2·0.25) / 2}). Our estimates average 2,000
     * seeded runs each: the standard error is about ARL / 45, so 8 % is over three of them.
     */
    @Nested
    class PublishedAverageRunLengths {

        private double averageRunLength(double h, double shift, long seed) {
            ChangeDetector cusum = ChangeDetectors.cusum(CusumSettings.known(0, 1, 0.5, h));
            SplittableRandom random = new SplittableRandom(seed);
            long total = 0;
            int runs = 2000;
            for (int run = 0; run < runs; run++) {
                ChangeTracker tracker = cusum.start();
                Optional<Change> change = Optional.empty();
                while (change.isEmpty()) {
                    change = tracker.add(Series.START, shift + random.nextGaussian());
                }
                total += tracker.count();
            }
            return (double) total / runs;
        }

        @Test
        void inControl() {
            assertThat(averageRunLength(4, 0, 11)).isCloseTo(168, within(168 * 0.08));
            assertThat(averageRunLength(5, 0, 12)).isCloseTo(465, within(465 * 0.08));
        }

        @Test
        void afterAOneSigmaShift() {
            assertThat(averageRunLength(4, 1, 13)).isCloseTo(8.38, within(8.38 * 0.05));
            assertThat(averageRunLength(5, 1, 14)).isCloseTo(10.4, within(10.4 * 0.05));
        }
    }

    /**
     * Page–Hinkley by hand, σ = 1 known, δ = 0.5, λ = 3, no warm-up, on 0, 0, 0, 0, 3, 3, 3, 3.
     * Recomputed with /usr/bin/python3 from the definition (running mean x̄_t including x_t,
     * m_t = Σ (x_i - x̄_i - δ), M_t = min(0, m_1..m_t)): m = -0.5, -1, -1.5, -2, -0.1, 1.4; at t = 5
     * m - M = 3.4 > 3, the minimum was at t = 3, so the change point is 4.
     */
    @Nested
    class PageHinkleyByHand {
        private final ChangeDetector detector = ChangeDetectors.pageHinkley(new PageHinkleySettings(0.5, 3.0, 0, 1.0));

        @Test
        void detectsAtTheFifthValueWithTheChangeAtTheFourth() {
            List<Change> changes = Series.run(detector, new double[] {0, 0, 0, 0, 3, 3, 3, 3});

            assertThat(changes).hasSize(1);
            Change change = changes.get(0);
            assertThat(change.detector()).isEqualTo("page-hinkley");
            assertThat(change.direction()).isEqualTo(Direction.UP);
            assertThat(change.changeIndex()).isEqualTo(4);
            assertThat(change.detectionIndex()).isEqualTo(5);
            assertThat(change.statistic()).isCloseTo(3.4, within(1e-12));
            assertThat(change.threshold()).isEqualTo(3.0);
            assertThat(change.mean()).isCloseTo(0.0, within(1e-12));
            assertThat(change.shift()).isCloseTo(3.4 / 2 + 0.5, within(1e-12));
        }

        @Test
        void aFallIsDetectedDownward() {
            Change change = Series.run(detector, new double[] {0, 0, 0, 0, -3, -3, -3, -3}).get(0);

            assertThat(change.direction()).isEqualTo(Direction.DOWN);
            assertThat(change.changeIndex()).isEqualTo(4);
            assertThat(change.detectionIndex()).isEqualTo(5);
            assertThat(change.shift()).isCloseTo(-2.2, within(1e-12));
        }
    }

    @Nested
    class Tracking {

        @Test
        void nonFiniteValuesTakeAnIndexButChangeNothing() {
            ChangeTracker tracker = ChangeDetectors.pageHinkley(new PageHinkleySettings(0.5, 3.0, 0, 1.0)).start();
            double[] values = {0, Double.NaN, 0, 0, Double.POSITIVE_INFINITY, 0, 3, 3, Double.NEGATIVE_INFINITY, 3};
            List<Change> changes = new ArrayList<>();
            for (double value : values) {
                tracker.add(Series.START, value).ifPresent(changes::add);
            }

            assertThat(tracker.count()).isEqualTo(values.length);
            assertThat(tracker.skipped()).isEqualTo(3);
            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.changeIndex()).isEqualTo(6);
                assertThat(c.detectionIndex()).isEqualTo(7);
            });
        }

        @Test
        void warmsUpAgainAfterADetectionAndFollowsTheNewLevel() {
            double[] values = Series.values(5, 400, Series.step(150, 6));
            List<Change> changes = Series.run(ChangeDetectors.cusum(), values);

            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.changeIndex()).isBetween(140L, 155L);
                assertThat(c.mean()).isCloseTo(Series.LEVEL, within(Series.SIGMA));
                assertThat(c.sigma()).isCloseTo(Series.SIGMA, within(Series.SIGMA * 0.3));
                assertThat(c.shift()).isCloseTo(6 * Series.SIGMA, within(3 * Series.SIGMA));
            });
        }

        @Test
        void theStatisticMustExceedTheThresholdOnEitherSide() {
            ChangeDetector cusum = ChangeDetectors.cusum(CusumSettings.known(0, 1, 0, 1));
            assertThat(Series.run(cusum, new double[] {0.5, 0.5})).isEmpty();
            assertThat(Series.run(cusum, new double[] {-0.5, -0.5})).isEmpty();
            assertThat(Series.run(cusum, new double[] {0.5, 0.5, 0.001})).singleElement()
                    .satisfies(c -> assertThat(c.direction()).isEqualTo(Direction.UP));
            assertThat(Series.run(cusum, new double[] {-0.5, -0.5, -0.001})).singleElement()
                    .satisfies(c -> assertThat(c.direction()).isEqualTo(Direction.DOWN));
        }

        @Test
        void afterADetectionBothSumsStartFromZero() {
            ChangeDetector cusum = ChangeDetectors.cusum(CusumSettings.known(0, 1, 0, 1));
            assertThat(Series.run(cusum, new double[] {5, 0, 0, 0})).singleElement()
                    .satisfies(c -> assertThat(c.detectionIndex()).isZero());
            assertThat(Series.run(cusum, new double[] {-5, 0, 0, 0})).singleElement()
                    .satisfies(c -> assertThat(c.detectionIndex()).isZero());
        }

        @Test
        void theLeastSigmaOfAConstantWarmUpScalesWithItsLevel() {
            double[] values = new double[60];
            Arrays.fill(values, 1000.0);
            // 1e-11 is far below 1e-12 of the level (1e-9): no change; from a level of 0.25 it would be one
            values[55] = 1000.0 + 1e-11;
            assertThat(Series.run(ChangeDetectors.cusum(), values)).isEmpty();
        }

        @Test
        void noDetectionDuringTheWarmUp() {
            double[] values = new double[50];
            values[49] = 1e6;
            assertThat(Series.run(ChangeDetectors.pageHinkley(), values)).isEmpty();
            assertThat(Series.run(ChangeDetectors.cusum(), values)).isEmpty();
        }

        @Test
        void aConstantWarmUpMakesTheNextDifferentValueAChange() {
            double[] values = new double[60];
            Arrays.fill(values, 0.25);
            values[55] = 0.2500001;
            assertThat(Series.run(ChangeDetectors.cusum(), values)).singleElement()
                    .satisfies(c -> assertThat(c.detectionIndex()).isEqualTo(55));
        }

        @Test
        void trackersAreIndependentAndDeterministic() {
            ChangeDetector detector = ChangeDetectors.pageHinkley();
            double[] values = Series.values(9, 300, Series.step(120, 4));

            assertThat(Series.run(detector, values)).isEqualTo(Series.run(detector, values)).isNotEmpty();
            ChangeTracker used = detector.start();
            used.add(Series.START, 1.0);
            assertThat(detector.start().count()).isZero();
        }

        @Test
        void timesAreTheValuesOwn() {
            ChangeTracker tracker = ChangeDetectors.cusum(CusumSettings.known(0, 1, 0, 1)).start();
            Instant first = Instant.parse("2026-03-01T10:00:00Z");
            tracker.add(first.minusSeconds(60), 0);
            tracker.add(first, 0.6);
            Change change = tracker.add(first.plusSeconds(60), 0.6).orElseThrow();

            assertThat(change.changeTime()).isEqualTo(first);
            assertThat(change.detectionTime()).isEqualTo(first.plusSeconds(60));
        }
    }

    /**
     * Seeded sweeps on drift-statistic-like series (level 0.05, noise σ = 0.01) with the default
     * settings: every (detector, seed) case runs a batch of series and asserts the stated rates.
     */
    @Nested
    class Sweeps {

        @ParameterizedTest(name = "{0} seed {1}")
        @MethodSource("dev.mlops.monitor.change.ChangeDetectorsTest#sweep")
        void aStepIsDetectedNearItsIndexAndCalledAbrupt(String type, long seed) {
            SplittableRandom seeds = new SplittableRandom(seed);
            int series = 30;
            int detected = 0;
            int near = 0;
            int abrupt = 0;
            for (int s = 0; s < series; s++) {
                Optional<ShapedChange> first = firstDetectedFrom(type,
                        Series.values(seeds.nextLong(), 400, Series.step(200, 3)), 200);
                // a false alarm shortly before the step makes the tracker warm up across it: rare, counted
                if (first.isEmpty() || first.orElseThrow().change().delay() >= 30) {
                    continue;
                }
                detected++;
                ShapedChange c = first.orElseThrow();
                assertThat(c.change().direction()).as("%s seed %d series %d", type, seed, s).isEqualTo(Direction.UP);
                if (c.change().changeIndex() >= 190 && c.change().changeIndex() <= 203) {
                    near++;
                }
                if (c.shape().shape() == Shape.ABRUPT) {
                    abrupt++;
                }
            }
            assertThat(detected).as("%s seed %d: steps detected within 30 values of %d", type, seed, series)
                    .isGreaterThanOrEqualTo(series * 9 / 10);
            assertThat(near).as("%s seed %d: change points within [190, 203] of %d", type, seed, detected)
                    .isGreaterThanOrEqualTo(detected * 8 / 10);
            assertThat(abrupt).as("%s seed %d: steps called abrupt of %d", type, seed, detected)
                    .isGreaterThanOrEqualTo(detected * 9 / 10);
        }

        @ParameterizedTest(name = "{0} seed {1}")
        @MethodSource("dev.mlops.monitor.change.ChangeDetectorsTest#sweep")
        void aSlowRampIsDetectedAndCalledGradual(String type, long seed) {
            SplittableRandom seeds = new SplittableRandom(seed);
            int series = 30;
            int gradual = 0;
            for (int s = 0; s < series; s++) {
                Optional<ShapedChange> first = firstDetectedFrom(type,
                        Series.values(seeds.nextLong(), 400, Series.ramp(200, 100, 5)), 200);
                assertThat(first).as("%s seed %d series %d: the ramp is detected", type, seed, s).isPresent();
                ShapedChange c = first.orElseThrow();
                assertThat(c.change().changeIndex()).as("%s seed %d series %d", type, seed, s).isBetween(150L, 260L);
                if (c.shape().shape() == Shape.GRADUAL) {
                    gradual++;
                    assertThat(c.shape().length()).isGreaterThan(1);
                }
            }
            assertThat(gradual).as("%s seed %d: ramps called gradual of %d", type, seed, series)
                    .isGreaterThanOrEqualTo(series * 9 / 10);
        }

        /**
         * The stated false-alarm rates of the defaults (ChangeDetectors' javadoc): over 200 in-control
         * values after the warm-up, measured on 4,000 seeded series, 5.2 % of series had a false alarm
         * with CUSUM and 0.8 % with Page–Hinkley. Each batch of 200 series may show at most 10 % and
         * 3 % (over three binomial standard errors above the rate).
         */
        @ParameterizedTest(name = "{0} seed {1}")
        @MethodSource("dev.mlops.monitor.change.ChangeDetectorsTest#sweep")
        void pureNoiseStaysUnderTheStatedFalseAlarmRate(String type, long seed) {
            SplittableRandom seeds = new SplittableRandom(seed);
            int series = 200;
            int alarms = 0;
            for (int s = 0; s < series; s++) {
                double[] values = Series.values(seeds.nextLong(), ChangeDetectors.DEFAULT_WARMUP + 200, i -> 0.0);
                if (!Series.run(detector(type), values).isEmpty()) {
                    alarms++;
                }
            }
            double allowed = type.equals("cusum") ? 0.10 : 0.03;
            assertThat((double) alarms / series).as("%s seed %d: share of noise series with a false alarm", type, seed)
                    .isLessThanOrEqualTo(allowed);
        }
    }

    @Nested
    class Settings {

        @Test
        void defaults() {
            assertThat(PageHinkleySettings.defaults()).isEqualTo(new PageHinkleySettings(0.5, 10.0, 50, null));
            assertThat(CusumSettings.defaults()).isEqualTo(new CusumSettings(0.5, 10.0, 50, null, null));
            assertThat(ChangeDetectors.pageHinkley().settings()).isEqualTo(PageHinkleySettings.defaults());
            assertThat(ChangeDetectors.cusum().settings()).isEqualTo(CusumSettings.defaults());
        }

        @Test
        void roundTripThroughTheComponentRegistry() {
            ComponentRegistry registry = ComponentRegistry.defaults();
            ChangeDetector cusum = ChangeDetectors.cusum(new CusumSettings(0.25, 6.0, 20, 0.1, null));
            ChangeDetector ph = ChangeDetectors.pageHinkley(new PageHinkleySettings(0.3, 7.0, 0, 0.02));

            assertThat(registry.create(ChangeDetector.class, cusum.spec())).isEqualTo(cusum);
            assertThat(registry.create(ChangeDetector.class, cusum.spec().toString())).isEqualTo(cusum);
            assertThat(registry.create(ChangeDetector.class, ph.spec().toString())).isEqualTo(ph);
            assertThat(registry.create(ChangeDetector.class, "page-hinkley(delta=0.5, lambda=10, warmup=50)"))
                    .isEqualTo(ChangeDetectors.pageHinkley());
            assertThat(cusum.type()).isEqualTo("cusum");
            assertThat(ph.type()).isEqualTo("page-hinkley");
        }

        @Test
        void aSpecNamesOnlyTheSettingsItChangesTheOthersTakeTheirDefaults() {
            ComponentRegistry registry = ComponentRegistry.defaults();

            assertThat(registry.create(ChangeDetector.class, "page-hinkley(warmup=10)")).isEqualTo(
                    ChangeDetectors.pageHinkley(new PageHinkleySettings(ChangeDetectors.DEFAULT_SLACK,
                            ChangeDetectors.DEFAULT_THRESHOLD, 10, null)));
            assertThat(registry.create(ChangeDetector.class, "page-hinkley")).isEqualTo(ChangeDetectors.pageHinkley());
            assertThat(registry.create(ChangeDetector.class, "cusum(h=5)")).isEqualTo(ChangeDetectors.cusum(
                    new CusumSettings(ChangeDetectors.DEFAULT_SLACK, 5.0, ChangeDetectors.DEFAULT_WARMUP, null, null)));
            assertThat(new PageHinkleySettings(null, null, null, null)).isEqualTo(PageHinkleySettings.defaults());
            assertThat(new CusumSettings(null, null, null, null, null)).isEqualTo(CusumSettings.defaults());
        }

        @Test
        void badSettingsAreNamed() {
            assertThatThrownBy(() -> new PageHinkleySettings(-0.1, 10.0, 50, null))
                    .hasMessage("delta must be finite and at least 0 but was -0.1");
            assertThatThrownBy(() -> new PageHinkleySettings(Double.POSITIVE_INFINITY, 10.0, 50, null))
                    .hasMessage("delta must be finite and at least 0 but was Infinity");
            assertThatThrownBy(() -> new PageHinkleySettings(0.5, 0.0, 50, null))
                    .hasMessage("lambda must be finite and above 0 but was 0.0");
            assertThatThrownBy(() -> new PageHinkleySettings(0.5, Double.NaN, 50, null))
                    .hasMessage("lambda must be finite and above 0 but was NaN");
            assertThatThrownBy(() -> new PageHinkleySettings(0.5, 10.0, 1, null))
                    .hasMessage("warmup must be at least 2 to estimate sigma but was 1");
            assertThatThrownBy(() -> new PageHinkleySettings(0.5, 10.0, -1, 1.0))
                    .hasMessage("warmup must be at least 0 but was -1");
            assertThatThrownBy(() -> new PageHinkleySettings(0.5, 10.0, 0, 0.0))
                    .hasMessage("sigma must be finite and above 0 but was 0.0");
            assertThatThrownBy(() -> new CusumSettings(-1.0, 5.0, 50, null, null))
                    .hasMessage("k must be finite and at least 0 but was -1.0");
            assertThatThrownBy(() -> new CusumSettings(0.5, -5.0, 50, null, null))
                    .hasMessage("h must be finite and above 0 but was -5.0");
            assertThatThrownBy(() -> new CusumSettings(0.5, Double.POSITIVE_INFINITY, 50, null, null))
                    .hasMessage("h must be finite and above 0 but was Infinity");
            assertThatThrownBy(() -> new CusumSettings(0.5, 5.0, 0, Double.NaN, 1.0))
                    .hasMessage("target must be finite but was NaN");
            assertThatThrownBy(() -> new CusumSettings(0.5, 5.0, 0, null, 1.0))
                    .hasMessage("warmup must be at least 1 to estimate the target but was 0");
            assertThatThrownBy(() -> new CusumSettings(0.5, 5.0, 1, 0.0, Double.POSITIVE_INFINITY))
                    .hasMessage("sigma must be finite and above 0 but was Infinity");
        }

        @Test
        void edgesOfTheRangesAreAllowed() {
            assertThat(new PageHinkleySettings(0.0, Double.MIN_VALUE, 2, null).delta()).isZero();
            assertThat(new CusumSettings(0.0, 1.0, 1, null, 1.0).warmup()).isEqualTo(1);
            assertThat(CusumSettings.known(3, 2, 0.5, 4)).isEqualTo(new CusumSettings(0.5, 4.0, 0, 3.0, 2.0));
        }

        @Test
        void aChangeRefusesAChangePointAfterItsDetection() {
            assertThatThrownBy(() -> new Change("cusum", Direction.UP, 5, Series.START, 4, Series.START, 1, 1, 0, 1, 0))
                    .hasMessage("changeIndex must be in [0, detectionIndex 4] but was 5");
            assertThatThrownBy(() -> new Change("cusum", Direction.UP, -1, Series.START, 4, Series.START, 1, 1, 0, 1,
                    0)).hasMessage("changeIndex must be in [0, detectionIndex 4] but was -1");
        }
    }
}
