package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;

/**
 * A regression baseline that ignores the features (Tribuo's {@link DummyRegressionTrainer}): the
 * training targets' mean or median. The {@link ExperimentRunner} runs both before any other
 * regression model.
 */
public final class RegressionBaseline extends TribuoRegressionExperiment<RegressionBaseline.Settings> {
    /** The type name. */
    public static final String TYPE = "baseline-regressor";

    /** Which constant the baseline predicts. */
    public enum Strategy {
        /** The training targets' mean. */
        MEAN,
        /** The training targets' median. */
        MEDIAN
    }

    /**
     * The settings.
     *
     * @param strategy which constant to predict; default {@link Strategy#MEAN}
     */
    public record Settings(@Nullable Strategy strategy) {
        /**
         * Fills in the default.
         *
         * @param strategy which constant to predict, or null for the default
         */
        public Settings {
            strategy = strategy == null ? Strategy.MEAN : strategy;
        }
    }

    /**
     * @param strategy which constant to predict
     */
    public RegressionBaseline(Strategy strategy) {
        super(TYPE, new Settings(Objects.requireNonNull(strategy, "strategy")));
    }

    @Override
    protected Trainer<Regressor> trainer(Seed seed) {
        return switch (Objects.requireNonNull(settings().strategy())) {
            case MEAN -> DummyRegressionTrainer.createMeanTrainer();
            case MEDIAN -> DummyRegressionTrainer.createMedianTrainer();
        };
    }

    /** Builds regression baselines from their settings. */
    public static final class Type extends ComponentType<Experiment, Settings> {

        /** Describes the type. */
        public Type() {
            super(Experiment.class, TYPE, Settings.class, "a regression model that predicts the training mean or median");
        }

        @Override
        public RegressionBaseline create(Settings settings) {
            return new RegressionBaseline(Objects.requireNonNull(settings.strategy()));
        }
    }
}
