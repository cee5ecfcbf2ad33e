package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentType;
import dev.mlops.train.tribuo.NumericScaling;
import org.jspecify.annotations.Nullable;
import org.tribuo.Trainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Linear regression trained by stochastic gradient descent on the squared loss with AdaGrad
 * (Tribuo's regression {@code LinearSGDTrainer}), seeded from the run's seed.
 */
public final class LinearRegression extends TribuoRegressionExperiment<LinearRegression.Settings> {
    /** The type name. */
    public static final String TYPE = "linear-regression";
    /** Tribuo's logging interval that logs nothing: the library never writes to the user's logs unasked. */
    private static final int NO_LOGGING = -1;

    /**
     * The settings.
     *
     * @param epochs passes over the training rows; default 10
     * @param learningRate AdaGrad's initial learning rate; default 1.0
     */
    public record Settings(@Nullable Integer epochs, @Nullable Double learningRate) {
        /**
         * Fills in the defaults and checks the values.
         *
         * @param epochs passes over the training rows, at least 1
         * @param learningRate the initial learning rate, positive and finite
         * @throws IllegalArgumentException naming a setting out of range
         */
        public Settings {
            epochs = epochs == null ? 10 : epochs;
            learningRate = learningRate == null ? 1.0 : learningRate;
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, but was " + epochs);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be positive and finite, but was " + learningRate);
            }
        }
    }

    /** @param settings the settings */
    public LinearRegression(Settings settings) {
        super(TYPE, settings);
    }

    /** @return linear regression with the default settings */
    public static LinearRegression defaults() {
        return new LinearRegression(new Settings(null, null));
    }

    /** @return standardized numeric features, which gradient descent needs on comparable scales */
    @Override
    protected NumericScaling scaling() {
        return NumericScaling.STANDARDIZE;
    }

    @Override
    protected Trainer<Regressor> trainer(Seed seed) {
        Settings settings = settings();
        return new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(settings.learningRate(), 0.1), settings.epochs(),
                NO_LOGGING, 1, seed.value());
    }

    /** Builds linear regression experiments from their settings. */
    public static final class Type extends ComponentType<Experiment, Settings> {

        /** Describes the type. */
        public Type() {
            super(Experiment.class, TYPE, Settings.class, "linear regression by SGD on the squared loss with AdaGrad");
        }

        @Override
        public LinearRegression create(Settings settings) {
            return new LinearRegression(settings);
        }
    }
}
