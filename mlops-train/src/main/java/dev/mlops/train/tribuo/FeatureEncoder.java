package dev.mlops.train.tribuo;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns the rows of a {@link Table} into Tribuo {@link Example}s, the same way for the training
 * rows it was fitted on and for every table after (validation, test, a request at serving time).
 *
 * <p>Encoding, fitted on the training rows: a numeric column is the feature of its name with the
 * value as is, or standardized with the training rows' mean and standard deviation
 * ({@link NumericScaling}); a boolean column the feature of its name, 1 for true and 0 for false; a
 * categorical column one feature per level seen in training, {@code name@level} (Tribuo's one-hot
 * style), 1 for the row's level and absent for the others. A value a later table holds that no
 * training row had (a category seen only in the test set) sets no one-hot feature and is counted
 * in the {@link #report()}. Missing values (a missing cell, or NaN or ±∞ in a numeric column)
 * follow the {@link MissingPolicy}: refused with the row and column named, imputed from the
 * training rows (the mean, the most frequent boolean, the indicator {@code name@<missing>}), or
 * omitted; each is counted.
 *
 * <p>Left out when fitting, each with its reason in the report: the label and any excluded
 * column, a column with no value in the training rows, a constant one (one distinct value), and
 * timestamp and free-text columns (derive numbers or categories from them first). No column left
 * is an error. Immutable but for its thread-safe counters; thread-safe.
 */
public final class FeatureEncoder {
    /** The level that stands for a missing category under {@link MissingPolicy#IMPUTE}. */
    public static final String MISSING_LEVEL = "<missing>";

    private final List<Encoding> encodings;
    private final MissingPolicy policy;
    private final Schema inputSchema;
    private final Map<String, String> dropped;

    private FeatureEncoder(List<Encoding> encodings, MissingPolicy policy, Map<String, String> dropped) {
        this.encodings = List.copyOf(encodings);
        this.policy = policy;
        this.dropped = dropped;
        List<Field> fields = new ArrayList<>();
        for (Encoding encoding : encodings) {
            fields.add(Field.of(encoding.name, encoding.type));
        }
        this.inputSchema = Schema.of(fields);
    }

    /**
     * Fits an encoder on training rows.
     *
     * @param train the training rows
     * @param excluded the columns that are not features: the label, ids, weights
     * @param policy what to do with missing values
     * @return the encoder
     * @throws IllegalArgumentException if an excluded column is not in the table, or no feature is left
     */
    public static FeatureEncoder fit(Table train, Set<String> excluded, MissingPolicy policy) {
        return fit(train, excluded, policy, NumericScaling.NONE);
    }

    /**
     * Fits an encoder on training rows, scaling numeric features as told.
     *
     * @param train the training rows
     * @param excluded the columns that are not features: the label, ids, weights
     * @param policy what to do with missing values
     * @param scaling how to scale numeric features, learned on the training rows
     * @return the encoder
     * @throws IllegalArgumentException if an excluded column is not in the table, or no feature is left
     */
    public static FeatureEncoder fit(Table train, Set<String> excluded, MissingPolicy policy, NumericScaling scaling) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(policy, "policy");
        for (String name : excluded) {
            if (!train.schema().contains(name)) {
                throw new IllegalArgumentException("excluded column '" + name + "' is not in the table; its columns are "
                        + train.schema().names());
            }
        }
        List<Encoding> encodings = new ArrayList<>();
        Map<String, String> dropped = new TreeMap<>();
        for (Column column : train.columns()) {
            if (excluded.contains(column.name())) {
                continue;
            }
            String reason = reasonToDrop(column);
            if (reason != null) {
                dropped.put(column.name(), reason);
            } else {
                encodings.add(Encoding.fit(column, scaling));
            }
        }
        if (encodings.isEmpty()) {
            throw new IllegalArgumentException("no feature is left to train on: " + (dropped.isEmpty()
                    ? "the table has only the excluded columns " + excluded : "left out " + dropped));
        }
        return new FeatureEncoder(encodings, policy, dropped);
    }

    private static @org.jspecify.annotations.Nullable String reasonToDrop(Column column) {
        if (column.type() == ColumnType.TIMESTAMP || column.type() == ColumnType.TEXT) {
            return column.type().name().toLowerCase(Locale.ROOT) + " columns are not features; derive numbers or"
                    + " categories from them first";
        }
        Set<Object> distinct = new LinkedHashSet<>();
        for (int row = 0; row < column.size() && distinct.size() < 2; row++) {
            if (!Encoding.isMissing(column, row)) {
                distinct.add(column.format(row));
            }
        }
        return distinct.isEmpty() ? "no value in the training rows (missing, NaN or infinite in every row)"
                : distinct.size() == 1 ? "constant in the training rows" : null;
    }

    /**
     * The fitted state of an encoder, all a saved model needs to encode rows as the encoder did:
     * its columns, its missing-value policy and what it left out. Its JSON form (the shared
     * mapper's) reads back into an equal state; {@link FeatureEncoder#of(State)} rebuilds the
     * encoder from it.
     *
     * @param columns the feature columns in encoding order, at least one
     * @param policy what to do with missing values
     * @param dropped the columns left out when fitting, each with its reason
     */
    public record State(List<ColumnState> columns, MissingPolicy policy, Map<String, String> dropped) {
        /**
         * Checks and copies the state.
         *
         * @param columns the feature columns in encoding order, at least one, with distinct names
         * @param policy what to do with missing values
         * @param dropped the columns left out when fitting, each with its reason
         * @throws IllegalArgumentException if there is no column or a name is repeated
         */
        public State {
            columns = List.copyOf(columns);
            Objects.requireNonNull(policy, "policy");
            dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("an encoder state needs at least one feature column");
            }
            Set<String> names = new HashSet<>();
            for (ColumnState column : columns) {
                if (!names.add(column.name())) {
                    throw new IllegalArgumentException("feature column '" + column.name() + "' is listed twice");
                }
            }
        }
    }

    /**
     * How one column is encoded, as fitted on the training rows.
     *
     * @param name the column's name
     * @param type its type: numeric, boolean or categorical
     * @param imputed the value a missing cell takes under {@link MissingPolicy#IMPUTE}: a numeric
     *     column's training mean, a boolean's most frequent training value as 0 or 1; 0 for a
     *     categorical column
     * @param center what a numeric value is centred on (0, or the training mean when standardized)
     * @param scale what a centred numeric value is divided by (1, or the training standard deviation)
     * @param levels a categorical column's training levels in the order first seen; empty otherwise
     */
    public record ColumnState(String name, ColumnType type, double imputed, double center, double scale,
            List<String> levels) {
        /**
         * Checks and copies the column's state.
         *
         * @param name the column's name
         * @param type its type: numeric, boolean or categorical
         * @param imputed the value a missing cell takes under {@link MissingPolicy#IMPUTE}
         * @param center what a numeric value is centred on
         * @param scale what a centred numeric value is divided by, finite and positive
         * @param levels a categorical column's training levels; empty otherwise
         * @throws IllegalArgumentException if the type is not a feature type, a number is not
         *     finite, the scale is not positive, or levels are given to a column of another type
         */
        public ColumnState {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            levels = List.copyOf(levels);
            if (type == ColumnType.TIMESTAMP || type == ColumnType.TEXT) {
                throw new IllegalArgumentException("feature column '" + name + "' is " + type
                        + "; a feature column is numeric, boolean or categorical");
            }
            if (!Double.isFinite(imputed) || !Double.isFinite(center) || !(scale > 0 && Double.isFinite(scale))) {
                throw new IllegalArgumentException("feature column '" + name + "': imputed " + imputed + ", center "
                        + center + " and scale " + scale + " must be finite and the scale positive");
            }
            if (type != ColumnType.CATEGORICAL && !levels.isEmpty()) {
                throw new IllegalArgumentException("feature column '" + name + "' is " + type + " but has levels "
                        + levels + "; only a categorical column has levels");
            }
        }
    }

    /**
     * Rebuilds an encoder from its fitted state, such as a saved model holds: it encodes every
     * table as the encoder the state came from did. Its counters of missing values and unseen
     * categories start at zero.
     *
     * @param state the fitted state
     * @return the encoder
     */
    public static FeatureEncoder of(State state) {
        List<Encoding> encodings = new ArrayList<>();
        for (ColumnState column : state.columns()) {
            Map<String, String> levels = new LinkedHashMap<>();
            for (String level : column.levels()) {
                levels.put(level, column.name() + "@" + level);
            }
            encodings.add(new Encoding(column.name(), column.type(), column.imputed(), column.center(),
                    column.scale(), levels));
        }
        return new FeatureEncoder(encodings, state.policy(), state.dropped());
    }

    /** @return the fitted state, from which {@link #of(State)} rebuilds an encoder that encodes alike */
    public State state() {
        List<ColumnState> columns = new ArrayList<>();
        for (Encoding encoding : encodings) {
            columns.add(new ColumnState(encoding.name, encoding.type, encoding.imputed, encoding.center,
                    encoding.scale, List.copyOf(encoding.levels.keySet())));
        }
        return new State(columns, policy, dropped);
    }

    /** @return the feature columns with their types: the input schema of a model trained on this encoding */
    public Schema inputSchema() {
        return inputSchema;
    }

    /** @return the missing-value policy */
    public MissingPolicy policy() {
        return policy;
    }

    /**
     * Encodes every row of a table.
     *
     * @param <T> the output type
     * @param table a table with at least the columns of {@link #inputSchema()}
     * @param output each row's output (its label or target; Tribuo's unknown output at prediction time)
     * @return one example per row, in order
     * @throws dev.mlops.core.SchemaException if a feature column is absent or of another type
     * @throws IllegalArgumentException under {@link MissingPolicy#REFUSE}, at the first missing value,
     *     naming it; or if a row sets no feature at all
     */
    public <T extends Output<T>> List<Example<T>> examples(Table table, IntFunction<T> output) {
        InputCheck.require(inputSchema, table);
        Column[] columns = new Column[encodings.size()];
        String[][] byCode = new String[encodings.size()][];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = table.column(encodings.get(i).name);
            if (columns[i] instanceof CategoricalColumn categories) {
                byCode[i] = encodings.get(i).featuresByCode(categories);
            }
        }
        List<Example<T>> examples = new ArrayList<>(table.rowCount());
        String[] names = new String[encodings.size()];
        double[] values = new double[encodings.size()];
        for (int row = 0; row < table.rowCount(); row++) {
            int count = 0;
            for (int i = 0; i < columns.length; i++) {
                Encoding encoding = encodings.get(i);
                String feature = encoding.feature(columns[i], row, policy, byCode[i]);
                if (feature != null) {
                    names[count] = feature;
                    values[count++] = encoding.value(columns[i], row);
                }
            }
            if (count == 0) {
                throw new IllegalArgumentException("row " + row + " sets no feature: every feature value is missing and"
                        + " omitted, or a category no training row had; Tribuo cannot use an example without features");
            }
            examples.add(new ArrayExample<>(output.apply(row), java.util.Arrays.copyOf(names, count),
                    java.util.Arrays.copyOf(values, count)));
        }
        return examples;
    }

    /** @return what was left out when fitting, and the missing values and unseen categories met so far */
    public EncodingReport report() {
        Map<String, Long> missing = new LinkedHashMap<>();
        Map<String, Long> unseen = new LinkedHashMap<>();
        for (Encoding encoding : encodings) {
            if (encoding.missing.sum() > 0) {
                missing.put(encoding.name, encoding.missing.sum());
            }
            if (encoding.unseen.sum() > 0) {
                unseen.put(encoding.name, encoding.unseen.sum());
            }
        }
        return new EncodingReport(dropped, missing, unseen);
    }

    /** How one column becomes features, fitted on the training rows. */
    private static final class Encoding {
        private final String name;
        private final ColumnType type;
        /** The imputed value: a numeric column's training mean, a boolean's most frequent value as 0 or 1. */
        private final double imputed;
        /** What a numeric value is centred on and divided by: 0 and 1, or the training mean and standard deviation. */
        private final double center;
        private final double scale;
        /** A categorical column's training levels, each with its feature name. */
        private final Map<String, String> levels;
        private final String missingFeature;
        private final LongAdder missing = new LongAdder();
        private final LongAdder unseen = new LongAdder();

        private Encoding(String name, ColumnType type, double imputed, double center, double scale,
                Map<String, String> levels) {
            this.name = name;
            this.type = type;
            this.imputed = imputed;
            this.center = center;
            this.scale = scale;
            this.levels = levels;
            this.missingFeature = name + "@" + MISSING_LEVEL;
        }

        static Encoding fit(Column column, NumericScaling scaling) {
            Map<String, String> levels = new LinkedHashMap<>();
            double imputed = 0;
            double center = 0;
            double scale = 1;
            if (column instanceof CategoricalColumn categories) {
                for (int row = 0; row < categories.size(); row++) {
                    if (!categories.isMissing(row)) {
                        levels.computeIfAbsent(categories.get(row), level -> column.name() + "@" + level);
                    }
                }
            } else if (column instanceof NumericColumn numbers) {
                double sum = 0;
                long count = 0;
                for (int row = 0; row < numbers.size(); row++) {
                    double value = numbers.get(row);
                    if (!numbers.isMissing(row) && Double.isFinite(value)) {
                        sum += value;
                        count++;
                    }
                }
                imputed = sum / count;
                if (scaling == NumericScaling.STANDARDIZE) {
                    double squares = 0;
                    for (int row = 0; row < numbers.size(); row++) {
                        double value = numbers.get(row);
                        if (!numbers.isMissing(row) && Double.isFinite(value)) {
                            squares += (value - imputed) * (value - imputed);
                        }
                    }
                    center = imputed;
                    scale = Math.sqrt(squares / count);
                }
            } else {
                BooleanColumn booleans = (BooleanColumn) column;
                long trues = 0;
                long present = 0;
                for (int row = 0; row < booleans.size(); row++) {
                    if (!booleans.isMissing(row)) {
                        present++;
                        trues += booleans.get(row) ? 1 : 0;
                    }
                }
                imputed = 2 * trues >= present ? 1 : 0;
            }
            return new Encoding(column.name(), column.type(), imputed, center, scale, levels);
        }

        /**
         * The feature names of a table's categorical column by the column's level codes: a level no
         * training row had has none.
         */
        String[] featuresByCode(CategoricalColumn column) {
            List<String> tableLevels = column.levels();
            String[] features = new String[tableLevels.size()];
            for (int code = 0; code < features.length; code++) {
                features[code] = levels.get(tableLevels.get(code));
            }
            return features;
        }

        /**
         * @param byCode a categorical column's feature names by level code ({@link #featuresByCode}), else null
         * @return the name of the row's feature, or null if it sets none
         */
        @org.jspecify.annotations.Nullable String feature(Column column, int row, MissingPolicy policy,
                String @org.jspecify.annotations.Nullable [] byCode) {
            if (isMissing(column, row)) {
                missing.increment();
                return switch (policy) {
                    case REFUSE -> throw new IllegalArgumentException("row " + row + ", column '" + name + "': the value"
                            + " is missing" + (column.isMissing(row) ? "" : " (" + column.format(row) + ")")
                            + "; the missing-value policy is REFUSE (IMPUTE or OMIT would encode it)");
                    case IMPUTE -> type == ColumnType.CATEGORICAL ? missingFeature : name;
                    case OMIT -> null;
                };
            }
            if (type != ColumnType.CATEGORICAL) {
                return name;
            }
            String feature = Objects.requireNonNull(byCode, "byCode")[((CategoricalColumn) column).code(row)];
            if (feature == null) {
                unseen.increment();
            }
            return feature;
        }

        /** @return the value of the feature {@link #feature} named for the row */
        double value(Column column, int row) {
            if (type == ColumnType.CATEGORICAL) {
                return 1;
            }
            if (type == ColumnType.BOOLEAN) {
                return isMissing(column, row) ? imputed : ((BooleanColumn) column).get(row) ? 1 : 0;
            }
            return ((isMissing(column, row) ? imputed : ((NumericColumn) column).get(row)) - center) / scale;
        }

        static boolean isMissing(Column column, int row) {
            return column.isMissing(row) || column instanceof NumericColumn numbers && !Double.isFinite(numbers.get(row));
        }
    }
}
