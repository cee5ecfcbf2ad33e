package dev.mlops.train.features;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.InputCheck;
import dev.mlops.train.predict.Predictor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Shapley values of any {@link Predictor}'s predictions by Monte-Carlo permutation sampling
 * (Štrumbelj and Kononenko, "Explaining prediction models and individual predictions with
 * feature contributions", Knowledge and Information Systems 41, 2014), with antithetic
 * permutations, against a background sample whose rows stand for "absent" feature values
 * (interventional Shapley values).
 *
 * <pre>{@code
 * ShapleyExplainer explainer = ShapleyExplainer.builder(model, training.head(200), Seed.of(7))
 *         .output(ExplainedOutput.logOdds("yes"))
 *         .samples(512)
 *         .build();
 * Explanation one = explainer.explain(validation, 0);
 * GlobalExplanation all = explainer.global(validation.head(100));   // mean |SHAP| per feature
 * }</pre>
 *
 * <p><b>The estimator.</b> For a row {@code x}, each of the {@link #samples()} samples draws a
 * background row {@code z} uniformly and a uniformly random order of the d features, and walks
 * that order twice, forwards and backwards: starting from {@code z}, the features are switched to
 * {@code x}'s values one at a time, each feature's contribution being the change of the explained
 * output when it is switched; the sample's value for a feature is the mean of its two
 * contributions. A feature's Shapley value is the mean over the samples, and its standard error
 * is the samples' standard deviation over {@code sqrt(samples)} — the estimate's error is
 * {@code σ_j / sqrt(samples)}, σ_j being the spread of one sample's value, so four times the
 * samples halve it. For a model additive in its features (a linear model, or a logistic model
 * explained in log-odds) every order gives the same contribution {@code g_j(x_j) − g_j(z_j)}, so
 * the error comes from drawing {@code z} alone and the estimate converges to the closed form
 * {@code w_j·(x_j − mean of the background's x_j)}.
 *
 * <p><b>Cost.</b> Each sample takes {@code 2d − 1} model evaluations (the row {@code z} and the
 * {@code d − 1} intermediate rows of each walk); they are gathered, over samples and rows, into
 * tables of at most {@link #batchRows()} rows and the predictor is called once per such table,
 * besides once for the background (when built) and once for the explained rows.
 *
 * <p><b>Seeds.</b> Row {@code i} of the explained table draws from the stream
 * {@code seed.derive("shapley/row-" + i)}, so a row's explanation does not depend on which
 * other rows are explained with it or on the batch size. Instances are immutable and
 * thread-safe when the predictor is.
 */
public final class ShapleyExplainer {

    /** The samples per row unless {@link Builder#samples(int)} says otherwise. */
    public static final int DEFAULT_SAMPLES = 256;
    /** The rows per predictor call unless {@link Builder#batchRows(int)} says otherwise. */
    public static final int DEFAULT_BATCH_ROWS = 65_536;
    /** The prefix of the names of the seed streams the samples are drawn from. */
    public static final String STREAM = "shapley";

    private final Predictor predictor;
    private final Table background;
    private final ExplainedOutput output;
    private final Seed seed;
    private final int samples;
    private final int batchRows;
    private final String[] features;
    private final double expected;

    private ShapleyExplainer(Builder builder) {
        this.predictor = builder.predictor;
        this.output = builder.output;
        this.seed = builder.seed;
        this.samples = builder.samples;
        this.batchRows = builder.batchRows;
        this.features = predictor.inputSchema().names().toArray(String[]::new);
        this.background = builder.background.select(features);
        double sum = 0;
        for (double value : predict(background)) {
            sum += value;
        }
        this.expected = sum / background.rowCount();
    }

    /**
     * Starts an explainer.
     *
     * @param predictor the model to explain
     * @param background rows standing for absent feature values, typically a sample of the
     *     training data, with at least the columns of the predictor's input schema
     * @param seed the master seed of the samples
     * @return a builder
     */
    public static Builder builder(Predictor predictor, Table background, Seed seed) {
        return new Builder(predictor, background, seed);
    }

    /** @return how many samples each row's estimate draws */
    public int samples() {
        return samples;
    }

    /** @return the most rows passed to one predictor call */
    public int batchRows() {
        return batchRows;
    }

    /** @return the number explained */
    public ExplainedOutput output() {
        return output;
    }

    /** @return the mean explained output over the background, E[f] */
    public double expected() {
        return expected;
    }

    /**
     * Explains one prediction; the same as {@code explain(rows).get(row)}.
     *
     * @param rows a table with at least the columns of the predictor's input schema
     * @param row the 0-based row to explain
     * @return its Shapley values
     * @throws dev.mlops.core.SchemaException if the table does not fit the predictor's input
     * @throws IndexOutOfBoundsException if the row is outside the table
     */
    public Explanation explain(Table rows, int row) {
        InputCheck.require(predictor.inputSchema(), rows);
        return run(rows, new int[] {row}).get(0);
    }

    /**
     * Explains every row of a table.
     *
     * @param rows a table with at least the columns of the predictor's input schema
     * @return one explanation per row, in row order
     * @throws dev.mlops.core.SchemaException if the table does not fit the predictor's input
     */
    public List<Explanation> explain(Table rows) {
        InputCheck.require(predictor.inputSchema(), rows);
        int[] all = new int[rows.rowCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return run(rows, all);
    }

    /**
     * Explains every row of a table and ranks the features by their mean absolute Shapley value.
     *
     * @param rows a table of at least one row, with at least the columns of the predictor's input schema
     * @return the features' mean |SHAP|, largest first, and every row's explanation
     * @throws dev.mlops.core.SchemaException if the table does not fit the predictor's input
     * @throws IllegalArgumentException if the table has no rows
     */
    public GlobalExplanation global(Table rows) {
        if (rows.rowCount() == 0) {
            throw new IllegalArgumentException("the table has no rows to explain; mean |SHAP| needs at least one");
        }
        List<Explanation> explanations = explain(rows);
        List<GlobalExplanation.Importance> importances = new ArrayList<>(features.length);
        for (int j = 0; j < features.length; j++) {
            double absolute = 0;
            double variance = 0;
            for (Explanation explanation : explanations) {
                ShapleyValue value = explanation.values().get(j);
                absolute += Math.abs(value.value());
                variance += value.standardError() * value.standardError();
            }
            int n = explanations.size();
            importances.add(new GlobalExplanation.Importance(features[j], absolute / n, Math.sqrt(variance) / n));
        }
        importances.sort(Comparator.comparingDouble(
                (GlobalExplanation.Importance importance) -> -importance.meanAbsolute()));
        return new GlobalExplanation(importances, explanations);
    }

    private List<Explanation> run(Table rows, int[] which) {
        Table explained = rows.select(features).rows(which);
        double[] outputs = predict(explained);
        Table pool = Stack.of(background, explained);
        Sweep sweep = new Sweep(which, outputs);
        int perSample = 2 * features.length - 1;
        int capacity = Math.max(1, batchRows / perSample);
        while (sweep.remaining() > 0) {
            int slots = (int) Math.min(capacity, sweep.remaining());
            int[][] index = new int[features.length][slots * perSample];
            int[] owners = new int[slots];
            int[][] orders = new int[slots][];
            for (int slot = 0; slot < slots; slot++) {
                owners[slot] = sweep.next();
                orders[slot] = sweep.draw(owners[slot], index, slot * perSample);
            }
            List<Column> columns = new ArrayList<>(features.length);
            for (int c = 0; c < features.length; c++) {
                columns.add(pool.column(c).select(index[c]));
            }
            double[] values = predict(Table.of(columns));
            for (int slot = 0; slot < slots; slot++) {
                sweep.add(owners[slot], orders[slot], values, slot * perSample);
            }
        }
        return sweep.explanations();
    }

    private double[] predict(Table rows) {
        double[] values = output.read(predictor.predict(rows));
        if (values.length != rows.rowCount()) {
            throw new IllegalStateException("the predictor returned " + values.length + " rows for "
                    + rows.rowCount() + " rows of features");
        }
        return values;
    }

    /** The samples of the explained rows, drawn row after row, and their running means and variances. */
    private final class Sweep {
        private final int[] which;
        private final double[] outputs;
        private final SplittableRandom[] randoms;
        private final Running[][] values;
        private final Running[] bases;
        private final int[] position;
        private long next;

        Sweep(int[] which, double[] outputs) {
            this.which = which;
            this.outputs = outputs;
            this.randoms = new SplittableRandom[which.length];
            this.values = new Running[which.length][features.length];
            this.bases = new Running[which.length];
            for (int i = 0; i < which.length; i++) {
                randoms[i] = seed.derive(STREAM + "/row-" + which[i]).random();
                bases[i] = new Running();
                for (int j = 0; j < features.length; j++) {
                    values[i][j] = new Running();
                }
            }
            this.position = new int[features.length];
        }

        long remaining() {
            return (long) which.length * samples - next;
        }

        /** @return the explained row (0-based in {@code which}) the next sample belongs to */
        int next() {
            return (int) (next++ / samples);
        }

        /**
         * Draws a sample of row i and writes its 2d − 1 pool rows per feature from {@code offset}:
         * the background row, then the forward walk's d − 1 rows, then the backward walk's.
         *
         * @return the order of the features
         */
        int[] draw(int i, int[][] index, int offset) {
            SplittableRandom random = randoms[i];
            int z = random.nextInt(background.rowCount());
            int x = background.rowCount() + i;
            int d = features.length;
            int[] order = Shuffle.order(d, random);
            for (int k = 0; k < d; k++) {
                position[order[k]] = k;
            }
            for (int c = 0; c < d; c++) {
                int[] column = index[c];
                column[offset] = z;
                for (int k = 1; k < d; k++) {
                    column[offset + k] = position[c] < k ? x : z;
                    column[offset + d - 1 + k] = position[c] >= d - k ? x : z;
                }
            }
            return order;
        }

        /** Adds the sample of row i whose outputs start at {@code offset} of {@code predicted}. */
        void add(int i, int[] order, double[] predicted, int offset) {
            int d = features.length;
            double[] contributions = new double[d];
            double base = predicted[offset];
            double forward = base;
            double backward = base;
            for (int k = 1; k <= d; k++) {
                double nextForward = k < d ? predicted[offset + k] : outputs[i];
                double nextBackward = k < d ? predicted[offset + d - 1 + k] : outputs[i];
                contributions[order[k - 1]] += nextForward - forward;
                contributions[order[d - k]] += nextBackward - backward;
                forward = nextForward;
                backward = nextBackward;
            }
            for (int j = 0; j < d; j++) {
                values[i][j].add(contributions[j] / 2);
            }
            bases[i].add(base);
        }

        List<Explanation> explanations() {
            List<Explanation> explanations = new ArrayList<>(which.length);
            for (int i = 0; i < which.length; i++) {
                List<ShapleyValue> shapley = new ArrayList<>(features.length);
                for (int j = 0; j < features.length; j++) {
                    shapley.add(new ShapleyValue(features[j], values[i][j].mean, values[i][j].standardError()));
                }
                explanations.add(new Explanation(which[i], outputs[i], expected, bases[i].standardError(), samples,
                        shapley));
            }
            return explanations;
        }
    }

    /** A running mean and sum of squared deviations (Welford). */
    private static final class Running {
        private int count;
        private double mean;
        private double squares;

        void add(double value) {
            count++;
            double delta = value - mean;
            mean += delta / count;
            squares += delta * (value - mean);
        }

        /** @return the standard error of the mean; NaN for a single value */
        double standardError() {
            return Math.sqrt(squares / (count - 1) / count);
        }
    }

    /**
     * Settings of a {@link ShapleyExplainer}; not thread-safe.
     */
    public static final class Builder {
        private final Predictor predictor;
        private final Table background;
        private final Seed seed;
        private ExplainedOutput output = ExplainedOutput.value();
        private int samples = DEFAULT_SAMPLES;
        private int batchRows = DEFAULT_BATCH_ROWS;

        private Builder(Predictor predictor, Table background, Seed seed) {
            this.predictor = Objects.requireNonNull(predictor, "predictor");
            this.background = Objects.requireNonNull(background, "background");
            this.seed = Objects.requireNonNull(seed, "seed");
        }

        /**
         * @param explained the number to explain; a regression model's value unless set, and
         *     required for a classifier
         * @return this builder
         */
        public Builder output(ExplainedOutput explained) {
            this.output = Objects.requireNonNull(explained, "explained");
            return this;
        }

        /**
         * @param count the sample budget per row: how many antithetic pairs of feature orders,
         *     each with its own background row, at least 1 (2 for a standard error)
         * @return this builder
         * @throws IllegalArgumentException if count is below 1
         */
        public Builder samples(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("samples must be at least 1 but was " + count);
            }
            this.samples = count;
            return this;
        }

        /**
         * @param rows the most rows passed to one predictor call, at least 1; a sample's
         *     {@code 2d − 1} rows are never split, so a call holds at least one sample
         * @return this builder
         * @throws IllegalArgumentException if rows is below 1
         */
        public Builder batchRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batchRows must be at least 1 but was " + rows);
            }
            this.batchRows = rows;
            return this;
        }

        /**
         * Checks the settings and computes the background's mean output (one predictor call).
         *
         * @return the explainer
         * @throws IllegalArgumentException if the background has no rows, or the explained
         *     output does not fit the predictor (a classifier needs a named class)
         * @throws dev.mlops.core.SchemaException if the background does not fit the predictor's input
         */
        public ShapleyExplainer build() {
            if (background.rowCount() == 0) {
                throw new IllegalArgumentException("the background has no rows; Shapley values need at least one "
                        + "background row to stand for absent feature values");
            }
            InputCheck.require(predictor.inputSchema(), background);
            output.check(predictor.outputs());
            return new ShapleyExplainer(this);
        }
    }
}
