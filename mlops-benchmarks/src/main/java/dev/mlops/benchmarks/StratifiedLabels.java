package dev.mlops.benchmarks;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The labels that {@link StratifiedSplitBenchmark} splits: {@code rows} class codes from 10
 * classes with skewed priors (the largest class about 25 times the smallest), drawn from a fixed
 * seed. {@link #main} writes them as one signed byte per row, so that scikit-learn splits the very
 * same labels ({@code mlops-benchmarks/scripts/sklearn_stratified_split.py}).
 */
public final class StratifiedLabels {
    /** The default number of rows. */
    public static final int DEFAULT_ROWS = 10_000_000;
    private static final double[] WEIGHTS = {25, 18, 13, 10, 8, 6, 5, 3, 2, 1};
    private static final long SEED = 20_261_125L;

    private StratifiedLabels() {
    }

    /**
     * Draws the class codes.
     *
     * @param rows how many
     * @return one code in [0, 10) per row
     */
    public static byte[] codes(int rows) {
        double total = 0;
        for (double weight : WEIGHTS) {
            total += weight;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] codes = new byte[rows];
        for (int row = 0; row < rows; row++) {
            double u = random.nextDouble() * total;
            int code = 0;
            while (code < WEIGHTS.length - 1 && (u -= WEIGHTS[code]) >= 0) {
                code++;
            }
            codes[row] = (byte) code;
        }
        return codes;
    }

    /**
     * Builds the one-column table {@code label} of the codes, named {@code class-0} to {@code class-9}.
     *
     * @param codes the class codes
     * @return the table
     */
    public static Table table(byte[] codes) {
        CategoricalColumn.Builder label = CategoricalColumn.builder("label");
        String[] names = new String[WEIGHTS.length];
        for (int c = 0; c < names.length; c++) {
            names[c] = "class-" + c;
        }
        for (byte code : codes) {
            label.add(names[code]);
        }
        return Table.of(label.build());
    }

    /**
     * Writes the labels, one byte per row.
     *
     * @param args the output file, and optionally the number of rows
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: StratifiedLabels FILE [ROWS]");
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROWS;
        try {
            Files.write(Path.of(args[0]), codes(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + args[0], e);
        }
    }
}
