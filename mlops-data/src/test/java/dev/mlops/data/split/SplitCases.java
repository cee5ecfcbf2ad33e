package dev.mlops.data.split;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Seeded random cases for the splitters' property sweeps, all drawn from one master seed. */
final class SplitCases {
    static final long MASTER_SEED = 0x5EED_5B17_0003L;
    static final int CASES = 40;
    static final int MAX_ROWS = 5_000;
    static final int MAX_CLASSES = 12;
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private SplitCases() {
    }

    /** One sweep case: a seed for the table and splitter, a row count, a class count, a skew. */
    record Case(long seed, int rows, int classes, double skew, SplitSets sets) {
        @Override
        public String toString() {
            return "seed " + seed + ", " + rows + " rows, " + classes + " classes, skew " + skew + ", sets " + sets;
        }
    }

    /** Arguments of {@link Case}s: sizes 0 to 5,000, 1 to 12 classes, skewed class weights, 1 to 5 sets. */
    static Stream<Arguments> cases(String salt) {
        SplittableRandom random = new SplittableRandom(MASTER_SEED ^ salt.hashCode());
        return Stream.generate(() -> {
            long seed = random.nextLong();
            int rows = random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(MAX_ROWS + 1);
            int classes = 1 + random.nextInt(MAX_CLASSES);
            double skew = random.nextInt(3) == 0 ? 0 : 0.3 + 2 * random.nextDouble();
            return Arguments.of(new Case(seed, rows, classes, skew, randomSets(random)));
        }).limit(CASES);
    }

    static SplitSets randomSets(SplittableRandom random) {
        int k = 1 + random.nextInt(5);
        double[] weights = new double[k];
        double sum = 0;
        for (int s = 0; s < k; s++) {
            weights[s] = 0.05 + random.nextDouble();
            sum += weights[s];
        }
        SplitSets.Builder builder = SplitSets.builder();
        double used = 0;
        for (int s = 0; s < k; s++) {
            double fraction = s == k - 1 ? 1 - used : weights[s] / sum;
            used += fraction;
            builder.add("set" + s, fraction);
        }
        return builder.build();
    }

    /**
     * A table with a label column ({@code label}, class {@code c} drawn with weight
     * {@code (c + 1)^-skew}), a group column ({@code group}) and a time column ({@code time}, with ties).
     */
    static Table table(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        double[] weights = new double[c.classes()];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = Math.pow(k + 1, -c.skew());
            sum += weights[k];
        }
        CategoricalColumn.Builder labels = CategoricalColumn.builder("label");
        CategoricalColumn.Builder groups = CategoricalColumn.builder("group");
        TimestampColumn.Builder times = TimestampColumn.builder("time");
        int groupCount = 1 + random.nextInt(Math.max(1, c.rows() / 2));
        int distinctTimes = 1 + random.nextInt(Math.max(1, c.rows()));
        for (int row = 0; row < c.rows(); row++) {
            double u = random.nextDouble() * sum;
            int label = 0;
            while (label < weights.length - 1 && (u -= weights[label]) >= 0) {
                label++;
            }
            labels.add("c" + label);
            groups.add("g" + random.nextInt(groupCount));
            times.add(EPOCH.plusSeconds(random.nextInt(distinctTimes)));
        }
        return Table.of(labels.build(), groups.build(), times.build());
    }

    /** Each class's row count, by level. */
    static java.util.Map<String, Integer> classSizes(Table table) {
        java.util.Map<String, Integer> sizes = new java.util.TreeMap<>();
        CategoricalColumn labels = table.categoricalColumn("label");
        for (int row = 0; row < table.rowCount(); row++) {
            sizes.merge(labels.get(row), 1, Integer::sum);
        }
        return sizes;
    }
}
