package dev.mlops.data.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The survival functions against scipy 1.10.1 at points in every region of scipy's choice of
 * algorithm and on the regions' borders. The values were written by
 * {@code /usr/bin/python3 mlops-data/src/test/python/kolmogorov_reference.py} (its docstring says
 * which scipy call gives each row) into {@code kolmogorov-scipy.csv} beside this class.
 */
class KolmogorovDistributionTest {
    /** Relative agreement with scipy; scipy's Pomeranz recursion and our Durbin matrix differ in rounding only. */
    private static final double RELATIVE = 1e-9;

    private record Reference(String function, long n, int m, double argument, double value) {
        Arguments arguments() {
            return Arguments.of(function + "(n=" + n + (m > 0 ? ", m=" + m : "") + ", " + argument + ")", this);
        }
    }

    private static List<Reference> references() {
        try (InputStream in = KolmogorovDistributionTest.class.getResourceAsStream("kolmogorov-scipy.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).map(line -> line.split(",")).map(cells -> new Reference(cells[0],
                    Long.parseLong(cells[1]), Integer.parseInt(cells[2]), Double.parseDouble(cells[3]),
                    Double.parseDouble(cells[4]))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Arguments> of(String function) {
        List<Reference> rows = references().stream().filter(r -> r.function().equals(function)).toList();
        assertThat(rows).as("recorded rows of " + function).hasSizeGreaterThan(100);
        return rows.stream().map(Reference::arguments);
    }

    static Stream<Arguments> kstwo() {
        return of("kstwo");
    }

    static Stream<Arguments> smirnov() {
        return of("smirnov");
    }

    static Stream<Arguments> twosample() {
        return of("twosample");
    }

    private static void assertClose(double actual, double expected) {
        if (expected < Double.MIN_NORMAL) {
            // below the normal doubles scipy's sums lose their digits (it returns subnormals
            // until 2nx² ≈ 739, then 0): both must have underflowed
            assertThat(actual).as("%s where scipy underflows to %s", actual, expected).isLessThan(Double.MIN_NORMAL);
        } else {
            assertThat(Math.abs(actual - expected) / expected).as("%s against scipy's %s", actual, expected)
                    .isLessThanOrEqualTo(RELATIVE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kstwo")
    void twoSidedOneSampleEqualsScipyKstwo(String name, Reference reference) {
        assertClose(KolmogorovDistribution.twoSidedSf(reference.n(), reference.argument()), reference.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smirnov")
    void oneSidedEqualsScipySmirnov(String name, Reference reference) {
        assertClose(KolmogorovDistribution.smirnovSf(reference.n(), reference.argument()), reference.value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twosample")
    void exactTwoSampleEqualsScipy(String name, Reference reference) {
        assertClose(KolmogorovDistribution.twoSampleSf((int) reference.n(), reference.m(), (long) reference.argument()),
                reference.value());
    }

    @Nested
    class Bodies {
        @Test
        void durbinAndPelzGoodAgreeWhereBothApply() {
            // n = 5,000, x = 0.01: Durbin's exact matrix and the Pelz–Good expansion (error O(n^-2))
            double durbin = KolmogorovDistribution.durbinCdf(5_000, 0.01);
            assertThat(KolmogorovDistribution.pelzGoodCdf(5_000, 0.01)).isCloseTo(durbin, offset(1e-7));
        }
    }
}
