package dev.mlops.train.metrics;

import java.util.List;

/**
 * The built-in metrics, each computed from a truth column and a prediction table in the shape of
 * {@link dev.mlops.train.predict.Outputs} and checked against scikit-learn 1.2:
 *
 * <pre>{@code
 * Table predictions = predictor.predict(test.select(features));
 * double auc = Metrics.auc().compute(test.column("class"), predictions);
 * for (Metric metric : Metrics.forClassification()) {
 *     System.out.println(metric.name() + " " + metric.compute(test.column("class"), predictions));
 * }
 * }</pre>
 *
 * <p>Classification metrics take the outputs' classes from the prediction table's
 * {@code score@<class>} columns, in order, and need a categorical truth and {@code prediction}
 * column; regression metrics need both numeric. Every metric refuses, with an
 * {@link IllegalArgumentException} whose message starts with the metric's name and names the
 * column and the 0-based row: a truth column and a prediction table of different lengths, a
 * column of the wrong type or absent, a missing truth or prediction, a true or predicted class
 * that is not one of the outputs' classes, a score missing or outside [0, 1], and a regression
 * value that is NaN or infinite. A metric of no rows is NaN. Every metric is immutable and
 * thread-safe.
 */
public final class Metrics {

    private static final Metric ACCURACY = new Accuracy();
    private static final Metric MACRO_F1 = new MacroF1();
    private static final Metric AUC = new RocAuc();
    private static final Metric LOG_LOSS = new LogLoss();
    private static final Metric RMSE = new RootMeanSquaredError();
    private static final Metric MAE = new MeanAbsoluteError();
    private static final Metric R2 = new RSquared();

    private Metrics() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns accuracy, named {@code accuracy}: the share of rows whose predicted class is the
     * true one (sklearn's {@code accuracy_score}); higher is better.
     *
     * @return the metric
     */
    public static Metric accuracy() {
        return ACCURACY;
    }

    /**
     * Returns macro-F1, named {@code macro_f1}: the unweighted mean of the F1 scores of the
     * classes present in the truth or the predictions, a precision or recall with a zero
     * denominator counting 0 (sklearn's {@code f1_score(average="macro", zero_division=0)});
     * higher is better.
     *
     * @return the metric
     */
    public static Metric macroF1() {
        return MACRO_F1;
    }

    /**
     * Returns the area under the ROC curve, named {@code auc}: for two classes, of the second
     * class's score, ties counting one half; for more, the unweighted mean of each class's
     * one-vs-rest AUC (sklearn's {@code roc_auc_score}, with {@code multi_class="ovr"} for more
     * than two classes); NaN when a class of the outputs is absent from the truth; higher is
     * better.
     *
     * @return the metric
     */
    public static Metric auc() {
        return AUC;
    }

    /**
     * Returns the log loss, named {@code log_loss}: the mean of {@code -ln} of the true class's
     * score, after clipping each score to {@code [2^-52, 1 - 2^-52]} and dividing each row's
     * scores by their sum (sklearn 1.2's {@code log_loss} with {@code eps="auto"} and the outputs'
     * classes as {@code labels}); lower is better.
     *
     * @return the metric
     */
    public static Metric logLoss() {
        return LOG_LOSS;
    }

    /**
     * Returns the root mean squared error, named {@code rmse} (sklearn's
     * {@code mean_squared_error(squared=False)}); lower is better.
     *
     * @return the metric
     */
    public static Metric rmse() {
        return RMSE;
    }

    /**
     * Returns the mean absolute error, named {@code mae} (sklearn's {@code mean_absolute_error});
     * lower is better.
     *
     * @return the metric
     */
    public static Metric mae() {
        return MAE;
    }

    /**
     * Returns the coefficient of determination, named {@code r2} (sklearn's {@code r2_score}):
     * NaN for fewer than two rows; for a constant truth, 1 if every prediction is exact and 0
     * otherwise; higher is better.
     *
     * @return the metric
     */
    public static Metric r2() {
        return R2;
    }

    /** @return accuracy, macro-F1, AUC and log loss, in that order: a classifier's leaderboard columns */
    public static List<Metric> forClassification() {
        return List.of(ACCURACY, MACRO_F1, AUC, LOG_LOSS);
    }

    /** @return RMSE, MAE and R², in that order: a regression model's leaderboard columns */
    public static List<Metric> forRegression() {
        return List.of(RMSE, MAE, R2);
    }
}
