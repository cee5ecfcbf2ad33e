package dev.mlops.monitor.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChangeShapesTest {

    @Nested
    class WithoutNoise {

        @Test
        void aCleanStepFitsExactly() {
            ShapeFit fit = ChangeShapes.classify(new double[] {1, 1, 1, 1, 4, 4, 4, 4});

            assertThat(fit.shape()).isEqualTo(Shape.ABRUPT);
            assertThat(fit.start()).isEqualTo(4);
            assertThat(fit.length()).isEqualTo(1);
            assertThat(fit.before()).isCloseTo(1, within(1e-12));
            assertThat(fit.after()).isCloseTo(4, within(1e-12));
            assertThat(fit.stepSse()).isCloseTo(0, within(1e-12));
            assertThat(fit.rampSse()).isPositive();
            assertThat(fit.size()).isEqualTo(8);
        }

        @Test
        void aCleanRampFitsExactly() {
            // 0 0 0 then 1 2 3 4 5 up to 6 over a ramp of length 6 (values 1..5 are on it), then 6 6 6
            ShapeFit fit = ChangeShapes.classify(new double[] {0, 0, 0, 1, 2, 3, 4, 5, 6, 6, 6});

            assertThat(fit.shape()).isEqualTo(Shape.GRADUAL);
            assertThat(fit.start()).isEqualTo(3);
            assertThat(fit.length()).isEqualTo(6);
            assertThat(fit.before()).isCloseTo(0, within(1e-9));
            assertThat(fit.after()).isCloseTo(6, within(1e-9));
            assertThat(fit.rampSse()).isCloseTo(0, within(1e-9));
            assertThat(fit.stepSse()).isPositive();
        }

        @Test
        void aRampStillRisingAtTheEnd() {
            ShapeFit fit = ChangeShapes.classify(new double[] {2, 2, 2, 2, 2, 1, 0, -1, -2, -3});

            assertThat(fit.shape()).isEqualTo(Shape.GRADUAL);
            assertThat(fit.start()).isEqualTo(5);
            assertThat(fit.before()).isCloseTo(2, within(1e-9));
            assertThat(fit.after()).isLessThan(-3);
            assertThat(fit.rampSse()).isCloseTo(0, within(1e-9));
        }

        @Test
        void noMoveIsAnAbruptChangeOfSizeZeroAtTheSecondValue() {
            ShapeFit fit = ChangeShapes.classify(new double[] {2, 2, 2, 2, 2});

            assertThat(fit.shape()).isEqualTo(Shape.ABRUPT);
            assertThat(fit.start()).isEqualTo(1);
            assertThat(fit.length()).isEqualTo(1);
            assertThat(fit.stepSse()).isZero();
            assertThat(fit.rampSse()).isZero();
            assertThat(fit.before()).isCloseTo(2.0, within(1e-12));
            assertThat(fit.after()).isCloseTo(2.0, within(1e-12));
        }

        @Test
        void aTwoValueRampIsStillARamp() {
            ShapeFit fit = ChangeShapes.classify(new double[] {0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1, 1, 1});

            assertThat(fit.shape()).isEqualTo(Shape.GRADUAL);
            assertThat(fit.start()).isEqualTo(6);
            assertThat(fit.length()).isEqualTo(2);
        }
    }

    /**
     * The rule, checked on seeded noisy segments of every kind: gradual exactly when
     * {@code SSE_step > SSE_ramp · n^(2/n)}; both verdicts occur, and the ramp sometimes fits
     * better without winning.
     */
    @Test
    void theRampMustBeatTheStepByTheStatedMargin() {
        SplittableRandom seeds = new SplittableRandom(2020);
        int gradual = 0;
        int abrupt = 0;
        int closeCalls = 0;
        for (int s = 0; s < 300; s++) {
            int n = 8 + seeds.nextInt(120);
            int at = 1 + seeds.nextInt(n - 2);
            double rise = seeds.nextDouble() * 4;
            double[] values = Series.values(seeds.nextLong(), n,
                    s % 2 == 0 ? Series.step(at, rise) : Series.ramp(at, 1 + seeds.nextInt(n), rise));
            ShapeFit fit = ChangeShapes.classify(values);
            boolean byRule = fit.stepSse() > fit.rampSse() * Math.pow(n, 2.0 / n);
            assertThat(fit.shape()).as("segment %d of %d values", s, n).isEqualTo(byRule ? Shape.GRADUAL : Shape.ABRUPT);
            assertThat(fit.length() > 1).as("segment %d", s).isEqualTo(byRule);
            assertThat(fit.size()).isEqualTo(n);
            if (byRule) {
                gradual++;
            } else {
                abrupt++;
                if (fit.rampSse() < fit.stepSse()) {
                    closeCalls++;
                }
            }
        }
        assertThat(gradual).isPositive();
        assertThat(abrupt).isPositive();
        assertThat(closeCalls).isPositive();
    }

    @Nested
    class BadInput {

        @Test
        void tooShort() {
            assertThatThrownBy(() -> ChangeShapes.classify(new double[] {1, 2, 3}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a segment to classify must hold at least 4 values but held 3");
        }

        @Test
        void notFinite() {
            assertThatThrownBy(() -> ChangeShapes.classify(new double[] {1, 2, Double.NaN, 3}))
                    .hasMessage("a segment to classify must hold finite values but value 2 was NaN");
        }

        @Test
        void fourValuesAreEnough() {
            assertThat(ChangeShapes.classify(new double[] {0, 0, 5, 5}).shape()).isEqualTo(Shape.ABRUPT);
        }
    }

    @Test
    void aScanSkipsNonFiniteValuesInTheSegment() {
        double[] values = Series.values(3, 300, Series.step(150, 5));
        values[160] = Double.NaN;
        values[100] = Double.POSITIVE_INFINITY;

        assertThat(ChangeDetectors.cusum().scan(Series.observations(values))).singleElement().satisfies(c -> {
            assertThat(c.shape().shape()).isEqualTo(Shape.ABRUPT);
            long from = c.change().changeIndex() - ChangeShapes.CONTEXT;
            long to = c.change().detectionIndex() + 1 + ChangeShapes.CONTEXT;
            assertThat(from).isLessThanOrEqualTo(100);
            assertThat(to).isGreaterThan(160).isLessThan(300);
            assertThat(c.shape().size()).isEqualTo((int) (to - from) - 2);
        });
    }

    @Test
    void aScanOfAQuietSeriesFindsNothing() {
        assertThat(ChangeDetectors.pageHinkley().scan(Series.observations(Series.values(4, 200, i -> 0.0))))
                .isEmpty();
    }
}
