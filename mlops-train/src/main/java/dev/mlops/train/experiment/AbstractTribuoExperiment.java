package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.AbstractComponent;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.NumericScaling;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * What an experiment that trains a Tribuo {@link Trainer} does, for either output type: encode
 * the rows ({@link dev.mlops.train.tribuo.FeatureEncoder}), train, wrap the model as a
 * {@link dev.mlops.train.predict.Predictor}, measure the validation rows, and log what the
 * encoding reported to the run. Extend {@link TribuoExperiment} for classification or
 * {@link TribuoRegressionExperiment} for regression.
 *
 * @param <T> Tribuo's output type
 * @param <S> the settings record
 */
public abstract sealed class AbstractTribuoExperiment<T extends Output<T>, S extends Record>
        extends AbstractComponent<S> implements Experiment permits TribuoExperiment, TribuoRegressionExperiment {

    AbstractTribuoExperiment(String type, S settings) {
        super(type, settings);
    }

    /**
     * Makes the trainer of one run. Called once per run, so that a trainer's own random state
     * never carries from one run to the next.
     *
     * @param seed the seed of this experiment's run, derived from the context's by the type name
     * @return a new trainer
     */
    protected abstract Trainer<T> trainer(Seed seed);

    /** @return what to do with missing feature values; {@link MissingPolicy#IMPUTE} unless overridden */
    protected MissingPolicy missingPolicy() {
        return MissingPolicy.IMPUTE;
    }

    /**
     * @return how numeric features are scaled; {@link NumericScaling#NONE} unless overridden (a
     *     model trained by gradient descent wants {@link NumericScaling#STANDARDIZE})
     */
    protected NumericScaling scaling() {
        return NumericScaling.NONE;
    }

    /** @return the steps of this output type: its task, its dataset and its predictor */
    abstract TribuoRuns.Steps<T> steps();

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the context's label does not fit this experiment's task
     */
    @Override
    public final ExperimentResult run(ExperimentContext context) {
        return TribuoRuns.run(context, missingPolicy(), scaling(), trainer(context.seed().derive(type())), steps());
    }
}
