package dev.mlops.data.check;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Samples and sweep cases that the distribution checks' tests share. */
final class DistributionSamples {

    private DistributionSamples() {
        throw new AssertionError("no instances");
    }

    /**
     * One case of a seeded sweep: the seed of its samples and their sizes.
     *
     * @param seed the seed of the case's samples
     * @param current the size of the current sample
     * @param reference the size of the reference sample
     */
    record Case(long seed, int current, int reference) {
        @Override
        public String toString() {
            return "seed " + seed + ", current " + current + ", reference " + reference;
        }
    }

    /** Twenty cases of random sizes in the given ranges, all drawn from one master seed. */
    static List<Case> cases(long master, int minCurrent, int maxCurrent, int minReference, int maxReference) {
        SplittableRandom random = new SplittableRandom(master);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add(new Case(random.nextLong(), random.nextInt(minCurrent, maxCurrent + 1),
                    random.nextInt(minReference, maxReference + 1)));
        }
        return cases;
    }

    /** {@code n} normal values of the given mean and standard deviation. */
    static double[] normal(SplittableRandom random, int n, double mean, double sd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }

    /** A table of one numeric column {@code x}. */
    static Table numeric(double... values) {
        return Table.of(NumericColumn.of("x", values));
    }

    /** A context with the profile of a table of one numeric column {@code x} as reference. */
    static CheckContext reference(double... values) {
        return CheckContext.defaults().withReference(DatasetProfile.of(numeric(values)));
    }

    /** The values {@code (i * 37 % 120) / 12.0 + shift} for i in 0..119: a uniform grid in a shuffled order. */
    static double[] grid120(double shift) {
        double[] values = new double[120];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37 % 120) / 12.0 + shift;
        }
        return values;
    }

    /** The values {@code (j * 41 % 110) / 10.0 + 0.3} for j in 0..109. */
    static double[] grid110() {
        double[] values = new double[110];
        for (int j = 0; j < values.length; j++) {
            values[j] = (j * 41 % 110) / 10.0 + 0.3;
        }
        return values;
    }
}
