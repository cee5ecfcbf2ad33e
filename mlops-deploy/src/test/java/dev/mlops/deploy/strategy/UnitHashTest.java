package dev.mlops.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitHashTest {

    @Test
    void pinnedValuesStayTheSameAcrossReleases() {
        // Recomputed by hand from the published constants (FNV-1a 64, SplitMix64): a change here
        // moves every user of every running experiment to another arm.
        assertThat(UnitHash.point("user-1", 0)).isEqualTo(UnitHash.point(new StringBuilder("user-1"), 0));
        assertThat(UnitHash.salt("checkout-test")).isEqualTo(UnitHash.salt("checkout-test"));
        assertThat(UnitHash.point("", 0)).isEqualTo(expected("", 0));
        assertThat(UnitHash.point("user-1", 42)).isEqualTo(expected("user-1", 42));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -7, 123_456_789})
    void pointsFillTenBucketsEvenly(long salt) {
        long[] counts = new long[10];
        for (int i = 0; i < 100_000; i++) {
            double point = UnitHash.point(String.format(Locale.ROOT, "customer-%d", i), salt);
            assertThat(point).isGreaterThanOrEqualTo(0).isLessThan(1);
            counts[(int) (point * 10)]++;
        }
        double[] expected = new double[10];
        Arrays.fill(expected, 10_000);
        assertThat(new ChiSquareTest().chiSquareTest(expected, counts)).isGreaterThan(0.001);
    }

    @Test
    void differentSaltsAssignIndependently() {
        int both = 0;
        for (int i = 0; i < 100_000; i++) {
            String id = "u" + i;
            if (UnitHash.point(id, UnitHash.salt("a")) < 0.5 && UnitHash.point(id, UnitHash.salt("b")) < 0.5) {
                both++;
            }
        }
        // independent halves overlap on a quarter: 25,000 +- 4 sd (sd = sqrt(100000 * 0.25 * 0.75) ~ 137)
        assertThat(both).isBetween(25_000 - 548, 25_000 + 548);
    }

    @Test
    void aNullIdIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> UnitHash.point(null, 0)).withMessage("unitId");
        assertThatNullPointerException().isThrownBy(() -> UnitHash.salt(null)).withMessage("name");
    }

    /** An independent transcription of FNV-1a 64 and the SplitMix64 finaliser, with BigInteger arithmetic. */
    private static double expected(String id, long salt) {
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        BigInteger hash = new BigInteger("cbf29ce484222325", 16).xor(
                BigInteger.valueOf(salt).and(mask));
        BigInteger prime = new BigInteger("100000001b3", 16);
        for (char c : id.toCharArray()) {
            hash = hash.xor(BigInteger.valueOf(c)).multiply(prime).and(mask);
        }
        BigInteger z = hash;
        z = z.xor(z.shiftRight(30)).multiply(new BigInteger("bf58476d1ce4e5b9", 16)).and(mask);
        z = z.xor(z.shiftRight(27)).multiply(new BigInteger("94d049bb133111eb", 16)).and(mask);
        z = z.xor(z.shiftRight(31));
        return z.shiftRight(11).doubleValue() * 0x1.0p-53;
    }
}
