package dev.mlops.train.features;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The correlations of every pair of a table's numeric columns, by Pearson's or Spearman's method
 * (commons-math3's {@code PearsonsCorrelation} and {@code SpearmansCorrelation}), and the pairs
 * correlated so strongly that one column may be redundant.
 *
 * <pre>{@code
 * CorrelationMatrix matrix = CorrelationMatrix.spearman(features);
 * for (CorrelatedPair pair : matrix.highlyCorrelated()) { ... }   // |r| >= 0.9, strongest first
 * }</pre>
 *
 * <p><b>Missing values</b> ({@link #MISSING_VALUE_POLICY}): each pair is correlated over its
 * pairwise-complete rows, the rows where both columns hold a finite value; a missing value, NaN
 * or an infinity leaves the row out of the pairs of that column only, as pandas'
 * {@code DataFrame.corr} does. {@link #rows(String, String)} tells how many rows a pair used.
 *
 * <p><b>Constant columns</b>: a pair is NaN when fewer than two rows are complete or when either
 * column is constant over the complete rows; a column with fewer than two distinct finite values
 * is listed in {@link #constantColumns()} and its diagonal entry is NaN (1 for every other
 * column). Nothing is thrown for them. Columns of other types are left out. Instances are
 * immutable and thread-safe.
 */
public final class CorrelationMatrix {

    /** The threshold of {@link #highlyCorrelated()}: an absolute correlation of at least 0.9. */
    public static final double DEFAULT_THRESHOLD = 0.9;

    /** The missing-value policy, as {@link #missingValuePolicy()} states it. */
    public static final String MISSING_VALUE_POLICY =
            "pairwise-complete: each pair is correlated over the rows where both columns hold a finite value";

    private final CorrelationMethod method;
    private final List<String> columns;
    private final double[][] correlations;
    private final int[][] rows;
    private final List<String> constantColumns;

    private CorrelationMatrix(CorrelationMethod method, List<String> columns, double[][] correlations, int[][] rows,
            List<String> constantColumns) {
        this.method = method;
        this.columns = columns;
        this.correlations = correlations;
        this.rows = rows;
        this.constantColumns = constantColumns;
    }

    /**
     * Computes Pearson's correlations of the table's numeric columns.
     *
     * @param table a table with at least one numeric column
     * @return the matrix
     * @throws IllegalArgumentException if the table has no numeric column
     */
    public static CorrelationMatrix pearson(Table table) {
        return of(table, CorrelationMethod.PEARSON);
    }

    /**
     * Computes Spearman's rank correlations of the table's numeric columns.
     *
     * @param table a table with at least one numeric column
     * @return the matrix
     * @throws IllegalArgumentException if the table has no numeric column
     */
    public static CorrelationMatrix spearman(Table table) {
        return of(table, CorrelationMethod.SPEARMAN);
    }

    /**
     * Computes the correlations of the table's numeric columns, in table order.
     *
     * @param table a table with at least one numeric column
     * @param method Pearson or Spearman
     * @return the matrix
     * @throws IllegalArgumentException if the table has no numeric column
     */
    public static CorrelationMatrix of(Table table, CorrelationMethod method) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(method, "method");
        List<NumericColumn> numeric = new ArrayList<>();
        for (Column column : table.columns()) {
            if (column instanceof NumericColumn values) {
                numeric.add(values);
            }
        }
        if (numeric.isEmpty()) {
            throw new IllegalArgumentException("the table has no numeric column to correlate; its columns are "
                    + table.schema().names());
        }
        int count = numeric.size();
        double[][] values = new double[count][];
        List<String> names = new ArrayList<>(count);
        List<String> constant = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            NumericColumn column = numeric.get(c);
            names.add(column.name());
            values[c] = column.toArray();
            if (distinctAtMostOne(values[c])) {
                constant.add(column.name());
            }
        }
        double[][] correlations = new double[count][count];
        int[][] rows = new int[count][count];
        for (int i = 0; i < count; i++) {
            for (int j = i; j < count; j++) {
                double[][] complete = complete(values[i], values[j]);
                rows[i][j] = complete[0].length;
                rows[j][i] = complete[0].length;
                double r = isConstant(complete[0], complete[1]) ? Double.NaN
                        : i == j ? 1 : method.correlate(complete[0], complete[1]);
                correlations[i][j] = r;
                correlations[j][i] = r;
            }
        }
        return new CorrelationMatrix(method, List.copyOf(names), correlations, rows, List.copyOf(constant));
    }

    /** @return true if either array has fewer than two distinct values (the arrays are of equal length) */
    private static boolean isConstant(double[] x, double[] y) {
        return distinctAtMostOne(x) || distinctAtMostOne(y);
    }

    private static boolean distinctAtMostOne(double[] values) {
        double first = Double.NaN;
        for (double value : values) {
            if (Double.isFinite(value)) {
                if (Double.isFinite(first) && value != first) {
                    return false;
                }
                first = value;
            }
        }
        return true;
    }

    /** @return the two columns' values in the rows where both are finite */
    private static double[][] complete(double[] x, double[] y) {
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        int n = 0;
        for (int row = 0; row < x.length; row++) {
            if (Double.isFinite(x[row]) && Double.isFinite(y[row])) {
                xs[n] = x[row];
                ys[n] = y[row];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }

    /** @return the method the correlations were computed by */
    public CorrelationMethod method() {
        return method;
    }

    /** @return the missing-value policy the correlations follow, {@link #MISSING_VALUE_POLICY} */
    public String missingValuePolicy() {
        return MISSING_VALUE_POLICY;
    }

    /** @return the numeric columns in table order: the rows and columns of the matrix */
    public List<String> columns() {
        return columns;
    }

    /** @return the columns with fewer than two distinct finite values, whose correlations are all NaN */
    public List<String> constantColumns() {
        return constantColumns;
    }

    /**
     * Returns one correlation.
     *
     * @param first a column of {@link #columns()}
     * @param second a column of {@link #columns()}
     * @return their correlation in [-1, 1], or NaN (see the class comment)
     * @throws IllegalArgumentException if a column is not one of {@link #columns()}
     */
    public double get(String first, String second) {
        return correlations[index(first)][index(second)];
    }

    /**
     * Tells how many rows a pair was correlated over.
     *
     * @param first a column of {@link #columns()}
     * @param second a column of {@link #columns()}
     * @return the number of rows where both hold a finite value
     * @throws IllegalArgumentException if a column is not one of {@link #columns()}
     */
    public int rows(String first, String second) {
        return rows[index(first)][index(second)];
    }

    /** @return a copy of the matrix, rows and columns in {@link #columns()} order */
    public double[][] toArray() {
        double[][] copy = new double[correlations.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = correlations[i].clone();
        }
        return copy;
    }

    /** @return the pairs whose absolute correlation is at least {@link #DEFAULT_THRESHOLD}, strongest first */
    public List<CorrelatedPair> highlyCorrelated() {
        return highlyCorrelated(DEFAULT_THRESHOLD);
    }

    /**
     * Lists the pairs of distinct columns whose absolute correlation is at least the threshold,
     * strongest first, ties in table order; NaN correlations are never listed.
     *
     * @param threshold in [0, 1]
     * @return the pairs, unmodifiable
     * @throws IllegalArgumentException if the threshold is outside [0, 1]
     */
    public List<CorrelatedPair> highlyCorrelated(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must lie in [0, 1] but was " + threshold);
        }
        List<CorrelatedPair> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                if (Math.abs(correlations[i][j]) >= threshold) {
                    pairs.add(new CorrelatedPair(columns.get(i), columns.get(j), correlations[i][j], rows[i][j]));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((CorrelatedPair pair) -> -Math.abs(pair.correlation())));
        return List.copyOf(pairs);
    }

    private int index(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("column '" + column + "' is not a numeric column of the matrix "
                    + columns);
        }
        return index;
    }
}
