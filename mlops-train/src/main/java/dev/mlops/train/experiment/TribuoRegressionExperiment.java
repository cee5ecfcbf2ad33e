package dev.mlops.train.experiment;

import dev.mlops.train.predict.Task;
import dev.mlops.train.tribuo.TribuoRegressor;
import dev.mlops.train.tribuo.TribuoTables;
import org.tribuo.regression.Regressor;

/**
 * An experiment that trains any Tribuo regression {@link org.tribuo.Trainer} of one target: the
 * regression twin of {@link TribuoExperiment}, a subclass saying only which trainer to use
 * ({@link #trainer}).
 *
 * @param <S> the settings record
 */
public abstract non-sealed class TribuoRegressionExperiment<S extends Record>
        extends AbstractTribuoExperiment<Regressor, S> {

    /**
     * Keeps the type and settings.
     *
     * @param type the experiment's type name
     * @param settings the settings that rebuild it
     */
    protected TribuoRegressionExperiment(String type, S settings) {
        super(type, settings);
    }

    @Override
    final TribuoRuns.Steps<Regressor> steps() {
        return new TribuoRuns.Steps<>(Task.REGRESSION, TribuoTables::regression, TribuoRegressor::of);
    }
}
