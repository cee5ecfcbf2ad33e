package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.AbstractComponent;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoTables;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * An experiment that trains any Tribuo classification {@link Trainer}: a subclass names its type
 * and settings and says which trainer to use, and this base encodes the rows
 * ({@link dev.mlops.train.tribuo.FeatureEncoder}), trains, wraps the model as a
 * {@link TribuoClassifier} and measures the validation rows.
 *
 * <pre>{@code
 * public final class DeepTree extends TribuoExperiment<DeepTree.Settings> {
 *     public record Settings(int depth) { }
 *
 *     public DeepTree(Settings settings) {
 *         super("deep-tree", settings);
 *     }
 *
 *     @Override
 *     protected Trainer<Label> trainer(Seed seed) {
 *         return new CARTClassificationTrainer(settings().depth());
 *     }
 * }
 * }</pre>
 *
 * @param <S> the settings record
 */
public abstract class TribuoExperiment<S extends Record> extends AbstractComponent<S> implements Experiment {

    /**
     * Keeps the type and settings.
     *
     * @param type the experiment's type name
     * @param settings the settings that rebuild it
     */
    protected TribuoExperiment(String type, S settings) {
        super(type, settings);
    }

    /**
     * Makes the trainer of one run. Called once per run, so that a trainer's own random state
     * never carries from one run to the next.
     *
     * @param seed the seed of this experiment's run, derived from the context's by the type name
     * @return a new trainer
     */
    protected abstract Trainer<Label> trainer(Seed seed);

    /** @return what to do with missing feature values; {@link MissingPolicy#IMPUTE} unless overridden */
    protected MissingPolicy missingPolicy() {
        return MissingPolicy.IMPUTE;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the context's label is not a classification label
     */
    @Override
    public final ExperimentResult run(ExperimentContext context) {
        return TribuoRuns.run(context, Task.CLASSIFICATION, missingPolicy(), trainer(context.seed().derive(type())),
                TribuoTables::classification, TribuoClassifier::of);
    }
}
