package dev.mlops.data.stat;

import org.apache.commons.math3.special.Gamma;

/**
 * Survival functions of the Kolmogorov–Smirnov statistics, computed without the cancellation of
 * {@code 1 - cdf} in the far tail: the two-sample exact p-value {@code P(D_{n,m} >= h/lcm(n, m))}
 * by counting lattice paths, the one-sample two-sided {@code P(D_n >= x)} (scipy's
 * {@code kstwo.sf(x, n)}) and the one-sided Smirnov {@code P(D_n^+ >= x)} (scipy's
 * {@code special.smirnov(n, x)}). The choice of algorithm for each region follows scipy 1.10.1, so
 * that the values agree with scipy's within 1e-6 relative, including where scipy returns 0.
 *
 * <p>Algorithms, from the published papers:
 * <ul>
 *   <li>Two samples, exact: the paths from {@code (0, 0)} to {@code (m, n)} that leave the band
 *       {@code |x/m - y/n| < d}, counted as a proportion column by column with the "inside"
 *       recursion of J. L. Hodges Jr., "The significance probability of the Smirnov two-sample
 *       test", Arkiv för Matematik 3 (1958) 469–486, rewritten to carry the proportion outside
 *       the band directly (T. Viehmann, "Numerically more stable computation of the p-values for
 *       the two-sample Kolmogorov–Smirnov test", arXiv:2102.08037, 2021): every entry is a
 *       probability, so nothing overflows and the tail underflows only where it is below the
 *       smallest double. For {@code n = m} the reflection-principle alternating sum
 *       {@code 2 Σ (-1)^(k+1) C(2n, n-kh)/C(2n, n)}, evaluated Horner-wise as scipy does.
 *   <li>One sample, two-sided: the selection of R. Simard and P. L'Ecuyer, "Computing the
 *       two-sided Kolmogorov–Smirnov distribution", Journal of Statistical Software 39(11), 2011:
 *       the Ruben–Gambino closed forms near the ends, {@code 2·P(D_n^+ >= x)} where the two one-sided
 *       events cannot both occur ({@code x >= 1/2}) or nearly never do ({@code n·x² >= 2.2} for
 *       {@code n > 140}), the Durbin matrix (J. Durbin, "The probability that the sample
 *       distribution function lies between two parallel straight lines", Ann. Math. Statist. 39
 *       (1968) 398–411, as evaluated by G. Marsaglia, W. W. Tsang and J. Wang, "Evaluating
 *       Kolmogorov's distribution", J. Stat. Softw. 8(18), 2003) and the Pelz–Good expansion (W.
 *       Pelz and I. J. Good, "Approximating the lower tail-areas of the Kolmogorov–Smirnov
 *       one-sample statistic", J. R. Stat. Soc. B 38 (1976) 152–156) for the body. Where
 *       Simard–L'Ecuyer use Pomeranz's recursion ({@code n <= 140},
 *       {@code 0.754693 < n·x² <= 4}) this uses the Durbin matrix, which is exact there too.
 *   <li>One-sided: the Birnbaum–Tingey sum {@code x Σ_v C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)}
 *       (Z. W. Birnbaum and F. H. Tingey, "One-sided confidence contours for probability
 *       distribution functions", Ann. Math. Statist. 22 (1951) 592–596), all terms positive and
 *       each evaluated in log space; above {@code n = 1,000,000} the approximation
 *       {@code exp(-(6nx + 1)² / (18n))}, as scipy.
 * </ul>
 */
final class KolmogorovDistribution {
    /** Beyond this {@code n} the one-sided tail is approximated (scipy's {@code SMIRNOV_MAX_COMPUTE_N}). */
    private static final long SMIRNOV_MAX_COMPUTE_N = 1_000_000;
    /** The natural log of the smallest subnormal double (cephes' {@code MINLOG}). */
    private static final double MIN_LOG = -745.1332191019412;
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = Math.scalb(1.0, SCALE_EXPONENT);
    private static final double SCALE_DOWN = Math.scalb(1.0, -SCALE_EXPONENT);
    private KolmogorovDistribution() {
        throw new AssertionError("no instances");
    }

    /**
     * The exact two-sided two-sample p-value {@code P(D_{n,m} >= h / lcm(n, m))}.
     *
     * @param n one sample's size, at least 1
     * @param m the other's, at least 1
     * @param h the statistic times {@code lcm(n, m)}, rounded, in {@code [0, lcm]}
     * @return the p-value; NaN if rounding carried it outside {@code [0, 1]} (scipy then falls back
     *     to the asymptotic distribution)
     */
    static double twoSampleSf(int n, int m, long h) {
        if (h == 0) {
            return 1.0;
        }
        double p = n == m ? outsideSquare(n, h) : outsideBand(Math.max(n, m), Math.min(n, m), h);
        return p >= 0.0 && p <= 1.0 ? p : Double.NaN;
    }

    /** {@code P(D_{n,n} >= h/n)}: twice the alternating reflection sum, each term a ratio of binomials. */
    private static double outsideSquare(int n, long h) {
        double p = 0.0;
        for (long k = n / h; k >= 0; k--) {
            double term = 1.0;
            for (long j = 0; j < h; j++) {
                term = (n - k * h - j) * term / (n + k * h + j + 1);
            }
            p = term * (1.0 - p);
        }
        return 2 * p;
    }

    /**
     * The proportion of lattice paths to {@code (m, n)}, {@code m >= n}, that touch or leave the
     * band {@code |n·x - m·y| < h·g}, one column {@code x} at a time over the window of {@code y}
     * inside the band; an entry is the probability that a random path to that point has left it.
     */
    private static double outsideBand(int m, int n, long h) {
        long g = gcd(m, n);
        long mg = m / g;
        long ng = n / g;
        int minJ = 0;
        int maxJ = (int) Math.min(ceilDiv(h, mg), n + 1L);
        int length = maxJ - minJ;
        int size = (int) Math.min(2L * maxJ + 2, n + 1L);
        double[] column = new double[size];
        java.util.Arrays.fill(column, maxJ, size, 1.0);
        for (int i = 1; i <= m; i++) {
            int lastMinJ = minJ;
            int lastLength = length;
            minJ = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0), n);
            maxJ = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1L);
            if (maxJ <= minJ) {
                return 1.0;
            }
            double value = minJ == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxJ - minJ; jj++) {
                int j = jj + minJ;
                value = (column[jj + minJ - lastMinJ] * i + value * j) / (i + j);
                column[jj] = value;
            }
            length = maxJ - minJ;
            if (lastLength > length) {
                java.util.Arrays.fill(column, length, Math.min(lastLength, size), 1.0);
            }
        }
        return column[maxJ - minJ - 1];
    }

    /**
     * {@code P(D_n >= x)} for the two-sided one-sample statistic, as scipy's {@code kstwo.sf(x, n)}
     * (Simard–L'Ecuyer's selection, see the class comment).
     */
    static double twoSidedSf(long n, double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        double t = n * x;
        if (x <= 0.0 || t <= 0.5) {
            return 1.0;
        }
        if (t <= 1.0) {
            // the cdf is at most n!/n^n, below 2^-53 once n > 140 (scipy's cut): the sf rounds to 1
            return n <= 140 ? clip(1.0 - rubenGambinoProduct(n, t)) : 1.0;
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnovSf(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            return nxSquared <= 4 ? clip(1.0 - durbinCdf((int) n, x)) : clip(2 * smirnovSf(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnovSf(n, x));
        }
        double cdf = n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinCdf((int) n, x) : pelzGoodCdf(n, x);
        return clip(1.0 - cdf);
    }

    private static double rubenGambinoProduct(long n, double t) {
        double p = 1.0;
        for (long i = 1; i <= n; i++) {
            p *= i * (1.0 / n) * (2 * t - 1);
        }
        return p;
    }

    /**
     * {@code P(D_n^+ >= x)}, as scipy's {@code special.smirnov(n, x)}: the Birnbaum–Tingey sum with
     * each positive term in log space, the closed forms at the ends, and the approximation above
     * {@link #SMIRNOV_MAX_COMPUTE_N}.
     */
    static double smirnovSf(long n, double x) {
        if (n == 1) {
            return 1.0 - x;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        double nx = n * x;
        long floorNx = (long) Math.floor(nx);
        // n·x is whole when its exact value is, or falls short of a whole number by less than
        // the rounding of n·x (scipy's modNX rounds such a remainder up); the fused multiply-add
        // gives the exact rounding error of n·x
        boolean whole = nx == floorNx && Math.fma(n, x, -nx) <= 0.0;
        if (floorNx == 0 || (floorNx == 1 && whole)) {
            return clip(1.0 - x * Math.pow(1.0 + x, n - 1));
        }
        if (-2.0 * n * x * x < MIN_LOG) {
            return 0.0;
        }
        if (floorNx >= n - 1) {
            return Math.pow(1.0 - x, n);
        }
        if (n > SMIRNOV_MAX_COMPUTE_N) {
            double logP = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logP < -Math.log(2) ? Math.exp(logP) : 1.0 + Math.expm1(logP);
        }
        // the terms v > n(1 - x) vanish, and so does v = n(1 - x) when n·x is whole
        long last = n - floorNx - 1;
        double logN = Gamma.logGamma(n + 1.0);
        double[] logTerms = new double[(int) last + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v <= last; v++) {
            double left = x + (double) v / n;
            double right = ((double) (n - v) / n) - x;
            double logTerm = logN - Gamma.logGamma(v + 1.0) - Gamma.logGamma(n - v + 1.0) + (v - 1) * Math.log(left)
                    + (n - v) * Math.log(right);
            logTerms[v] = logTerm;
            max = Math.max(max, logTerm);
        }
        double sum = 0.0;
        for (double logTerm : logTerms) {
            sum += Math.exp(logTerm - max);
        }
        return clip(Math.exp(Math.log(x) + max + Math.log(sum)));
    }

    /**
     * {@code P(D_n <= x)} by Durbin's matrix: with {@code n·x = k - h}, the {@code (k, k)} entry of
     * {@code H^n} times {@code n!/n^n}, {@code H} of order {@code 2k - 1}, powers by squaring with
     * the exponent kept apart (Marsaglia, Tsang and Wang).
     */
    static double durbinCdf(int n, double x) {
        double nd = n * x;
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int size = 2 * k - 1;
        double[][] matrix = new double[size][size];
        double[] v = new double[size];
        double[] w = new double[size];
        double factorial = 1.0;
        for (int j = 1; j <= size; j++) {
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] = (1.0 - Math.pow(h, j)) * factorial;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), size) - 2 * Math.pow(h, size);
        v[size - 1] = (1.0 + tt) * factorial;
        for (int i = 1; i < size; i++) {
            for (int r = i - 1; r < size; r++) {
                matrix[r][i] = w[r - i + 1];
            }
        }
        for (int r = 0; r < size; r++) {
            matrix[r][0] = v[r];
            matrix[size - 1][r] = v[size - 1 - r];
        }
        double[][] power = identity(size);
        int exponent = 0;
        int matrixExponent = 0;
        for (int remaining = n; remaining > 0; remaining /= 2) {
            if (remaining % 2 == 1) {
                power = multiply(power, matrix);
                exponent += matrixExponent;
            }
            matrix = multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.abs(matrix[k - 1][k - 1]) > SCALE_UP) {
                scale(matrix, SCALE_DOWN);
                matrixExponent += SCALE_EXPONENT;
            }
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SCALE_DOWN) {
                p *= SCALE_UP;
                exponent -= SCALE_EXPONENT;
            }
        }
        return clip(Math.scalb(p, exponent));
    }

    private static double[][] identity(int size) {
        double[][] identity = new double[size][size];
        for (int i = 0; i < size; i++) {
            identity[i][i] = 1.0;
        }
        return identity;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int size = a.length;
        double[][] product = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int l = 0; l < size; l++) {
                double factor = a[i][l];
                if (factor != 0.0) {
                    for (int j = 0; j < size; j++) {
                        product[i][j] += factor * b[l][j];
                    }
                }
            }
        }
        return product;
    }

    private static void scale(double[][] matrix, double factor) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    /**
     * {@code P(D_n <= x)} by the Pelz–Good expansion {@code K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5},
     * {@code z = x·√n}, each {@code K} in its theta-function form for small {@code z}.
     */
    static double pelzGoodCdf(long n, double x) {
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double pi2 = Math.PI * Math.PI;
        double pi4 = pi2 * pi2;
        double pi6 = pi4 * pi2;
        double qLog = -pi2 / 8 / z2;
        if (qLog < -708) {
            return 0.0;
        }
        double q = Math.exp(qLog);
        double k1a = -z2;
        double k1b = pi2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * pi2 / 4;
        double k2c = pi4 * (1 - 2 * z2) / 16;
        double k3d = pi6 * (5 - 30 * z2) / 64;
        double k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = pi2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * z4 * z4;
        double[] terms = new double[4];
        int maxK = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxK; k > 0; k--) {
            double m = 2.0 * k - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qPower = Math.pow(q, 8.0 * k);
            double[] coefficients = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                k3a + k3b * m2 + k3c * m4 + k3d * m6};
            for (int i = 0; i < 4; i++) {
                terms[i] = terms[i] * qPower + coefficients[i];
            }
        }
        double root2Pi = Math.sqrt(2 * Math.PI);
        double[] divisors = {z, 6 * z4, 72 * z6 * z, 6480 * z6 * z4};
        for (int i = 0; i < 4; i++) {
            terms[i] = terms[i] * q * root2Pi / divisors[i];
        }
        double q2 = Math.exp(-pi2 / 2 / z2);
        double k2Extra = 0.0;
        double k3Extra = 0.0;
        double root3z = Math.sqrt(3) * z;
        for (int k = maxK; k > 0; k--) {
            double k2 = (double) k * k;
            double qPower = Math.pow(q2, k2);
            double kPi = Math.PI * k;
            k2Extra += k2 * qPower;
            k3Extra += (root3z + kPi) * (root3z - kPi) * k2 * qPower;
        }
        terms[2] += k2Extra * pi2 * root2Pi / (-36 * z2 * z);
        terms[3] += k3Extra * pi2 * root2Pi / (216 * z6);
        double sum = 0.0;
        for (int i = 0; i < 4; i++) {
            sum += terms[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }

    private static double clip(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
