package dev.mlops.train.features;

import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import dev.mlops.train.predict.Task;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The number per row that Shapley values explain: a regression model's value, or one named
 * class's score, or that score's log-odds {@code ln(p / (1 − p))} — the margin of a logistic
 * model, in which its Shapley values are additive and known in closed form.
 *
 * @param scale which number is read from the prediction table
 * @param label the class whose score is read; absent for {@link Scale#VALUE}
 */
public record ExplainedOutput(Scale scale, Optional<String> label) {

    /**
     * Scores are clamped to {@code [EPSILON, 1 − EPSILON]} before their log-odds are taken, so a
     * score of exactly 0 or 1 gives a finite log-odds of about ±34.5.
     */
    public static final double EPSILON = 1e-15;

    /** Which number a prediction table yields per row. */
    public enum Scale {
        /** The {@code prediction} column of a regression model. */
        VALUE,
        /** The {@code score@<class>} column of a classifier, in [0, 1]. */
        SCORE,
        /** The log-odds of the {@code score@<class>} column, {@code ln(p / (1 − p))}. */
        LOG_ODDS
    }

    /**
     * Checks that a class is named exactly when a class's score is read.
     *
     * @param scale which number is read
     * @param label the class, present for {@link Scale#SCORE} and {@link Scale#LOG_ODDS} only
     * @throws IllegalArgumentException if the label does not fit the scale
     */
    public ExplainedOutput {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(label, "label");
        if (label.isPresent() == (scale == Scale.VALUE)) {
            throw new IllegalArgumentException(scale == Scale.VALUE ? "a regression value has no class, but got "
                    + label.get() : "the " + scale + " scale explains a named class, but none was given");
        }
    }

    /** @return a regression model's value */
    public static ExplainedOutput value() {
        return new ExplainedOutput(Scale.VALUE, Optional.empty());
    }

    /**
     * @param label one of the classifier's classes
     * @return that class's score
     */
    public static ExplainedOutput score(String label) {
        return new ExplainedOutput(Scale.SCORE, Optional.of(label));
    }

    /**
     * @param label one of the classifier's classes
     * @return the log-odds of that class's score (the margin of a logistic model)
     */
    public static ExplainedOutput logOdds(String label) {
        return new ExplainedOutput(Scale.LOG_ODDS, Optional.of(label));
    }

    /**
     * Checks that a predictor's outputs hold this number.
     *
     * @param outputs the predictor's outputs
     * @throws IllegalArgumentException if a classifier is asked for a value, a regression model
     *     for a class's score, or the class is not one of the classifier's
     */
    void check(Outputs outputs) {
        String named = label.orElse(null);
        if (outputs.task() == Task.CLASSIFICATION && named == null) {
            throw new IllegalArgumentException("the predictor is a classifier over " + outputs.classes()
                    + ": name the class to explain, as ExplainedOutput.score(\"" + outputs.classes().get(1)
                    + "\") or ExplainedOutput.logOdds(\"" + outputs.classes().get(1) + "\")");
        }
        if (outputs.task() == Task.REGRESSION && named != null) {
            throw new IllegalArgumentException("the predictor is a regression model, which has no class '" + named
                    + "' to explain; explain its value with ExplainedOutput.value()");
        }
        if (named != null && !outputs.classes().contains(named)) {
            throw new IllegalArgumentException("class '" + named + "' is not one of the predictor's classes "
                    + outputs.classes());
        }
    }

    /**
     * Reads this number from every row of a prediction table.
     *
     * @param predictions a prediction table whose outputs passed {@link #check}
     * @return one number per row
     */
    double[] read(Table predictions) {
        @Nullable String named = label.orElse(null);
        double[] values = predictions.numericColumn(named == null ? Outputs.PREDICTION : Outputs.scoreColumn(named))
                .toArray();
        if (scale == Scale.LOG_ODDS) {
            for (int row = 0; row < values.length; row++) {
                double p = Math.min(Math.max(values[row], EPSILON), 1 - EPSILON);
                values[row] = Math.log(p) - Math.log1p(-p);
            }
        }
        return values;
    }
}
