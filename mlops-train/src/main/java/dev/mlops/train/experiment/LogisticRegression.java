package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentType;
import dev.mlops.train.tribuo.NumericScaling;
import org.jspecify.annotations.Nullable;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Multinomial logistic regression trained by stochastic gradient descent with AdaGrad (Tribuo's
 * {@code LinearSGDTrainer} with the log loss, the settings of its {@code LogisticRegressionTrainer}
 * by default), seeded from the run's seed.
 */
public final class LogisticRegression extends TribuoExperiment<LogisticRegression.Settings> {
    /** The type name. */
    public static final String TYPE = "logistic-regression";
    /** Tribuo's logging interval that logs nothing: the library never writes to the user's logs unasked. */
    private static final int NO_LOGGING = -1;

    /**
     * The settings.
     *
     * @param epochs passes over the training rows; default 5
     * @param learningRate AdaGrad's initial learning rate; default 1.0
     * @param minibatchSize examples per gradient step; default 1
     */
    public record Settings(@Nullable Integer epochs, @Nullable Double learningRate, @Nullable Integer minibatchSize) {
        /**
         * Fills in the defaults and checks the values.
         *
         * @param epochs passes over the training rows, at least 1
         * @param learningRate the initial learning rate, positive and finite
         * @param minibatchSize examples per step, at least 1
         * @throws IllegalArgumentException naming a setting out of range
         */
        public Settings {
            epochs = epochs == null ? 5 : epochs;
            learningRate = learningRate == null ? 1.0 : learningRate;
            minibatchSize = minibatchSize == null ? 1 : minibatchSize;
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, but was " + epochs);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be positive and finite, but was " + learningRate);
            }
            if (minibatchSize < 1) {
                throw new IllegalArgumentException("minibatchSize must be at least 1, but was " + minibatchSize);
            }
        }
    }

    /** @param settings the settings */
    public LogisticRegression(Settings settings) {
        super(TYPE, settings);
    }

    /** @return logistic regression with the default settings */
    public static LogisticRegression defaults() {
        return new LogisticRegression(new Settings(null, null, null));
    }

    /** @return standardized numeric features, which gradient descent needs on comparable scales */
    @Override
    protected NumericScaling scaling() {
        return NumericScaling.STANDARDIZE;
    }

    @Override
    protected Trainer<Label> trainer(Seed seed) {
        Settings settings = settings();
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(settings.learningRate(), 0.1), settings.epochs(),
                NO_LOGGING, settings.minibatchSize(), seed.value());
    }

    /** Builds logistic regression experiments from their settings. */
    public static final class Type extends ComponentType<Experiment, Settings> {

        /** Describes the type. */
        public Type() {
            super(Experiment.class, TYPE, Settings.class, "multinomial logistic regression by SGD with AdaGrad");
        }

        @Override
        public LogisticRegression create(Settings settings) {
            return new LogisticRegression(settings);
        }
    }
}
