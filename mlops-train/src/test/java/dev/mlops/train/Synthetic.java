package dev.mlops.train;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.SplittableRandom;

/** Seeded synthetic tables for training tests. */
public final class Synthetic {

    private Synthetic() {
    }

    /**
     * A classification table: numeric {@code x1}, {@code x2}, categorical {@code color} (red,
     * green, blue), boolean {@code flag}, and the label {@code class}: "yes" when
     * {@code x1 + x2 + (color == red ? 1 : 0) > 0}, flipped for a share of rows.
     *
     * @param rows the rows
     * @param noise the share of labels flipped
     * @param seed the seed
     * @return the table
     */
    public static Table classification(int rows, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        String[] colors = new String[rows];
        Boolean[] flags = new Boolean[rows];
        String[] labels = new String[rows];
        String[] palette = {"red", "green", "blue"};
        for (int row = 0; row < rows; row++) {
            x1[row] = random.nextGaussian();
            x2[row] = random.nextGaussian();
            colors[row] = palette[random.nextInt(3)];
            flags[row] = random.nextBoolean();
            boolean yes = x1[row] + x2[row] + (colors[row].equals("red") ? 1 : 0) > 0;
            labels[row] = yes ^ random.nextDouble() < noise ? "yes" : "no";
        }
        return Table.of(NumericColumn.of("x1", x1), NumericColumn.of("x2", x2), CategoricalColumn.of("color", colors),
                BooleanColumn.of("flag", flags), CategoricalColumn.of("class", labels));
    }

    /**
     * A regression table: numeric {@code x1}, {@code x2} and the target {@code y = 3 x1 - 2 x2 + 1 + noise}.
     *
     * @param rows the rows
     * @param noise the standard deviation of the Gaussian noise
     * @param seed the seed
     * @return the table
     */
    public static Table regression(int rows, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x1 = new double[rows];
        double[] x2 = new double[rows];
        double[] y = new double[rows];
        for (int row = 0; row < rows; row++) {
            x1[row] = random.nextGaussian();
            x2[row] = random.nextGaussian();
            y[row] = 3 * x1[row] - 2 * x2[row] + 1 + noise * random.nextGaussian();
        }
        return Table.of(NumericColumn.of("x1", x1), NumericColumn.of("x2", x2), NumericColumn.of("y", y));
    }
}
