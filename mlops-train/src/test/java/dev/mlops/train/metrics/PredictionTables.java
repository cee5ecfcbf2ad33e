package dev.mlops.train.metrics;

import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Prediction tables for the tests of metrics and significance, built by hand or read from a fixture. */
public final class PredictionTables {

    /**
     * A truth column with its prediction table.
     *
     * @param truth the true classes or values
     * @param predictions the prediction table
     */
    public record Fixture(Column truth, Table predictions) {
    }

    private PredictionTables() {
    }

    /** A classifier's table: the given predictions, and each class scored 1 where predicted, else 0. */
    public static Table oneHot(List<String> classes, String... predicted) {
        double[][] scores = new double[predicted.length][classes.size()];
        for (int row = 0; row < predicted.length; row++) {
            scores[row][classes.indexOf(predicted[row])] = 1.0;
        }
        return Outputs.classification(classes).classifications(scores);
    }

    /** A classifier's table of the given scores, each row's prediction the class of its highest score. */
    public static Table scored(List<String> classes, double[]... scores) {
        return Outputs.classification(classes).classifications(scores);
    }

    /** A categorical truth column named {@code class}. */
    public static Column truth(String... classes) {
        return CategoricalColumn.of("class", classes);
    }

    /** A numeric truth column named {@code y}. */
    public static Column truth(double... values) {
        return NumericColumn.of("y", values);
    }

    /** A regression model's table of the given predictions. */
    public static Table values(double... predicted) {
        return Outputs.regression().values(predicted);
    }

    /**
     * Reads a fixture written by {@code oracle.py}: a header {@code truth,prediction[,score@...]};
     * with score columns the truth and prediction are classes, without them numbers.
     */
    public static Fixture read(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = PredictionTables.class.getResourceAsStream(resource)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(line -> rows.add(line.split(",")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = rows.remove(0);
        boolean classes = header.length > 2;
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            int column = c;
            if (classes && c < 2) {
                columns.add(CategoricalColumn.of(header[c], rows.stream().map(r -> r[column]).toArray(String[]::new)));
            } else {
                columns.add(NumericColumn.of(header[c], rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).toArray()));
            }
        }
        return new Fixture(columns.get(0), Table.of(columns.subList(1, columns.size())));
    }
}
