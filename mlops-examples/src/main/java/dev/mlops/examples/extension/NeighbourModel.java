package dev.mlops.examples.extension;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Predictor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The model {@link NearestNeighbours} trains: the training rows' features and classes, kept as
 * arrays, and the numeric features' ranges. A numeric feature is held as its values (NaN when
 * missing or not finite), any other as the text of its values (null when missing).
 * Immutable and thread-safe.
 */
final class NeighbourModel implements Predictor {
    private final Schema inputSchema;
    private final Outputs outputs;
    private final int k;
    /** Per feature: the training values of a numeric feature, else null. */
    private final double[] @Nullable [] numbers;
    /** Per feature: the training values' text of another feature, else null. */
    private final @Nullable String[] @Nullable [] texts;
    /** Per feature: the range of a numeric feature in the training rows (0 when constant or empty). */
    private final double[] ranges;
    /** Per training row: the index of its class in {@code outputs.classes()}. */
    private final int[] classes;

    private NeighbourModel(Schema inputSchema, Outputs outputs, int k, double[] @Nullable [] numbers,
            @Nullable String[] @Nullable [] texts,
            double[] ranges, int[] classes) {
        this.inputSchema = inputSchema;
        this.outputs = outputs;
        this.k = k;
        this.numbers = numbers;
        this.texts = texts;
        this.ranges = ranges;
        this.classes = classes;
    }

    /**
     * Keeps the training rows.
     *
     * @throws IllegalArgumentException if there are fewer rows than {@code k}, a label is missing,
     *     fewer than two classes, or no feature column
     */
    static NeighbourModel fit(Table train, String label, int k) {
        if (train.rowCount() < k) {
            throw new IllegalArgumentException("k = " + k + " neighbours need at least " + k
                    + " training rows, but there are " + train.rowCount());
        }
        List<Field> fields = new ArrayList<>();
        for (Field field : train.schema().fields()) {
            if (!field.name().equals(label) && field.type() != ColumnType.TIMESTAMP
                    && field.type() != ColumnType.TEXT) {
                fields.add(Field.of(field.name(), field.type()));
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("experiment '" + NearestNeighbours.TYPE + "' found no feature column"
                    + " beside label '" + label + "' in " + train.schema().names());
        }
        Column truth = train.column(label);
        TreeSet<String> levels = new TreeSet<>();
        for (int row = 0; row < truth.size(); row++) {
            if (truth.isMissing(row)) {
                throw new IllegalArgumentException("training row " + row + " has no label in '" + label + "'");
            }
            levels.add(truth.format(row));
        }
        Outputs outputs = Outputs.classification(List.copyOf(levels));
        Map<String, Integer> index = new HashMap<>();
        for (String level : outputs.classes()) {
            index.put(level, index.size());
        }
        int[] classes = new int[truth.size()];
        for (int row = 0; row < classes.length; row++) {
            classes[row] = index.get(truth.format(row));
        }
        double[] @Nullable [] numbers = new double[fields.size()][];
        @Nullable String[] @Nullable [] texts = new String[fields.size()][];
        double[] ranges = new double[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            Column column = train.column(fields.get(f).name());
            if (column instanceof NumericColumn values) {
                numbers[f] = values(values);
                ranges[f] = range(numbers[f]);
            } else {
                texts[f] = texts(column);
            }
        }
        return new NeighbourModel(Schema.of(fields), outputs, k, numbers, texts, ranges, classes);
    }

    @Override
    public Schema inputSchema() {
        return inputSchema;
    }

    @Override
    public Outputs outputs() {
        return outputs;
    }

    @Override
    public Table predict(Table features) {
        InputCheck.require(inputSchema, features);
        int width = numbers.length;
        double[] @Nullable [] queryNumbers = new double[width][];
        @Nullable String[] @Nullable [] queryTexts = new String[width][];
        for (int f = 0; f < width; f++) {
            Column column = features.column(inputSchema.field(f).name());
            if (numbers[f] != null) {
                queryNumbers[f] = values((NumericColumn) column);
            } else {
                queryTexts[f] = texts(column);
            }
        }
        int training = classes.length;
        double[] squared = new double[training];
        int[] nearest = new int[k];
        double[][] scores = new double[features.rowCount()][];
        for (int row = 0; row < scores.length; row++) {
            for (int t = 0; t < training; t++) {
                double sum = 0;
                for (int f = 0; f < width; f++) {
                    double d = numbers[f] != null ? numeric(queryNumbers[f][row], numbers[f][t], ranges[f])
                            : overlap(queryTexts[f][row], texts[f][t]);
                    sum += d * d;
                }
                squared[t] = sum;
            }
            scores[row] = scores(nearest(squared, nearest));
        }
        return outputs.classifications(scores);
    }

    /** The {@code k} training rows of least distance, ties to the earlier row, in order of distance. */
    private int[] nearest(double[] squared, int[] nearest) {
        int found = 0;
        for (int t = 0; t < squared.length; t++) {
            if (found == k && squared[t] >= squared[nearest[k - 1]]) {
                continue;
            }
            int at = found == k ? k - 1 : found++;
            while (at > 0 && squared[nearest[at - 1]] > squared[t]) {
                nearest[at] = nearest[at - 1];
                at--;
            }
            nearest[at] = t;
        }
        return nearest;
    }

    /** Laplace-smoothed shares of the neighbours' classes. */
    private double[] scores(int[] neighbours) {
        int count = outputs.classes().size();
        double[] scores = new double[count];
        for (int neighbour : neighbours) {
            scores[classes[neighbour]]++;
        }
        for (int c = 0; c < count; c++) {
            scores[c] = (scores[c] + 1) / (k + count);
        }
        return scores;
    }

    /** HEOM for a number: 1 when either is missing, else the difference over the range (0 for a constant feature). */
    static double numeric(double a, double b, double range) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return 1;
        }
        return range > 0 ? Math.abs(a - b) / range : 0;
    }

    /** HEOM for a category: 1 when either is missing or they differ, else 0. */
    static double overlap(@Nullable String a, @Nullable String b) {
        return a == null || b == null || !a.equals(b) ? 1 : 0;
    }

    private static double[] values(NumericColumn column) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            double value = column.isMissing(row) ? Double.NaN : column.get(row);
            values[row] = Double.isFinite(value) ? value : Double.NaN;
        }
        return values;
    }

    private static @Nullable String[] texts(Column column) {
        @Nullable String[] texts = new String[column.size()];
        for (int row = 0; row < texts.length; row++) {
            texts[row] = column.isMissing(row) ? null : column.format(row);
        }
        return texts;
    }

    private static double range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return max > min ? max - min : 0;
    }
}
