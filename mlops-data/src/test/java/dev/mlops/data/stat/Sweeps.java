package dev.mlops.data.stat;

import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.data.profile.ColumnProfile;
import dev.mlops.data.profile.DatasetProfile;
import dev.mlops.data.profile.ProfileOptions;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Seeded samples and sweep arguments that the statistics' tests share. */
final class Sweeps {
    /** The master seed every sweep draws its cases from. */
    static final long MASTER_SEED = 20_240_515L;

    private Sweeps() {
        throw new AssertionError("no instances");
    }

    /** Twenty cases {@code (seed, n, m)}: a seed and two sample sizes in {@code [2, maxSize]}, drawn from the master seed. */
    static Stream<Arguments> sizes(int maxSize) {
        SplittableRandom random = new SplittableRandom(MASTER_SEED + maxSize);
        return Stream.generate(() -> Arguments.of(random.nextLong(), random.nextInt(2, maxSize + 1),
                random.nextInt(2, maxSize + 1))).limit(20);
    }

    /** {@code n} normal values of the given mean and standard deviation, rounded to two decimals so there are ties. */
    static double[] normal(SplittableRandom random, int n, double mean, double sd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.round((mean + sd * random.nextGaussian()) * 100) / 100.0;
        }
        return values;
    }

    /** The profile of one numeric column {@code x} with the given values. */
    static ColumnProfile profile(ProfileOptions options, double... values) {
        return DatasetProfile.of(Table.of(NumericColumn.of("x", values)), options).column("x");
    }
}
