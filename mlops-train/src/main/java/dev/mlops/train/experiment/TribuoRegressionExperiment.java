package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.AbstractComponent;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoRegressor;
import dev.mlops.train.tribuo.TribuoTables;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;

/**
 * An experiment that trains any Tribuo regression {@link Trainer} of one target: the regression
 * twin of {@link TribuoExperiment}, a subclass saying only which trainer to use.
 *
 * @param <S> the settings record
 */
public abstract class TribuoRegressionExperiment<S extends Record> extends AbstractComponent<S>
        implements Experiment {

    /**
     * Keeps the type and settings.
     *
     * @param type the experiment's type name
     * @param settings the settings that rebuild it
     */
    protected TribuoRegressionExperiment(String type, S settings) {
        super(type, settings);
    }

    /**
     * Makes the trainer of one run, once per run.
     *
     * @param seed the seed of this experiment's run, derived from the context's by the type name
     * @return a new trainer
     */
    protected abstract Trainer<Regressor> trainer(Seed seed);

    /** @return what to do with missing feature values; {@link MissingPolicy#IMPUTE} unless overridden */
    protected MissingPolicy missingPolicy() {
        return MissingPolicy.IMPUTE;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the context's label is not numeric
     */
    @Override
    public final ExperimentResult run(ExperimentContext context) {
        return TribuoRuns.run(context, Task.REGRESSION, missingPolicy(), trainer(context.seed().derive(type())),
                TribuoTables::regression, TribuoRegressor::of);
    }
}
