package dev.mlops.train.tribuo;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Tribuo datasets from {@link Table}s: the label or target column becomes each example's output
 * and the other columns its features, through a {@link FeatureEncoder} fitted on the training
 * rows. Stateless and thread-safe.
 *
 * <pre>{@code
 * FeatureEncoder encoder = FeatureEncoder.fit(train, Set.of("class"), MissingPolicy.IMPUTE);
 * MutableDataset<Label> dataset = TribuoTables.classification(train, "class", encoder);
 * Model<Label> model = new LogisticRegressionTrainer().train(dataset);
 * Predictor predictor = TribuoPredictors.classifier(model, encoder);
 * }</pre>
 */
public final class TribuoTables {

    private TribuoTables() {
        throw new AssertionError("no instances");
    }

    /**
     * Builds a classification dataset.
     *
     * @param table the rows, with the label column and the encoder's features
     * @param label the label column: categorical, or boolean (its classes {@code true} and {@code false})
     * @param encoder the features' encoding
     * @return one example per row, in order
     * @throws IllegalArgumentException if the label column is absent or of another type, a label is
     *     missing (naming its row), or the rows hold fewer than two classes
     */
    public static MutableDataset<Label> classification(Table table, String label, FeatureEncoder encoder) {
        Column labels = labelColumn(table, label);
        Set<String> classes = new LinkedHashSet<>();
        for (int row = 0; row < labels.size(); row++) {
            classes.add(labelText(labels, row));
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("label column '" + label + "' has " + (classes.isEmpty() ? "no class"
                    : "one class '" + classes.iterator().next() + "'") + " in these rows; classification needs at"
                    + " least two");
        }
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = encoder.examples(table, row -> new Label(labelText(labels, row)));
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("table of "
                + table.rowCount() + " rows, label '" + label + "'", factory), factory);
        dataset.addAll(examples);
        return dataset;
    }

    /**
     * Builds a regression dataset.
     *
     * @param table the rows, with the target column and the encoder's features
     * @param target the numeric target column
     * @param encoder the features' encoding
     * @return one example per row, in order, each output the one dimension named after the target
     * @throws IllegalArgumentException if the target column is absent or not numeric, or a target is
     *     missing or not finite (naming its row)
     */
    public static MutableDataset<Regressor> regression(Table table, String target, FeatureEncoder encoder) {
        Objects.requireNonNull(table, "table");
        if (!table.schema().contains(target) || !(table.column(target) instanceof NumericColumn values)) {
            throw new IllegalArgumentException("target column '" + target + "' must be a numeric column of the table;"
                    + " its columns are " + table.schema());
        }
        for (int row = 0; row < values.size(); row++) {
            if (values.isMissing(row) || !Double.isFinite(values.get(row))) {
                throw new IllegalArgumentException("row " + row + ": the target '" + target + "' is "
                        + (values.isMissing(row) ? "missing" : values.format(row)) + "; every training row needs a finite"
                        + " target");
            }
        }
        RegressionFactory factory = new RegressionFactory();
        List<Example<Regressor>> examples = encoder.examples(table, row -> new Regressor(target, values.get(row)));
        MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("table of "
                + table.rowCount() + " rows, target '" + target + "'", factory), factory);
        dataset.addAll(examples);
        return dataset;
    }

    private static Column labelColumn(Table table, String label) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(label, "label");
        if (!table.schema().contains(label)) {
            throw new IllegalArgumentException("label column '" + label + "' is not in the table; its columns are "
                    + table.schema().names());
        }
        Column column = table.column(label);
        if (!(column instanceof CategoricalColumn) && !(column instanceof BooleanColumn)) {
            throw new IllegalArgumentException("label column '" + label + "' is " + column.type() + "; a class label"
                    + " is categorical or boolean");
        }
        return column;
    }

    /**
     * @return the class of a row of a label column, as text
     * @throws IllegalArgumentException if it is missing
     */
    static String labelText(Column labels, int row) {
        if (labels.isMissing(row)) {
            throw new IllegalArgumentException("row " + row + ": the label '" + labels.name() + "' is missing; every"
                    + " training row needs a label");
        }
        return labels instanceof CategoricalColumn categories ? categories.get(row)
                : Boolean.toString(((BooleanColumn) labels).get(row));
    }
}
