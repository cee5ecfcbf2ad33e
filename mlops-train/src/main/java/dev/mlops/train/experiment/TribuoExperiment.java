package dev.mlops.train.experiment;

import dev.mlops.train.predict.Task;
import dev.mlops.train.tribuo.TribuoClassifier;
import dev.mlops.train.tribuo.TribuoTables;
import org.tribuo.classification.Label;

/**
 * An experiment that trains any Tribuo classification {@link org.tribuo.Trainer}: a subclass
 * names its type and settings and says which trainer to use ({@link #trainer}), and this base
 * encodes the rows, trains, wraps the model as a {@link TribuoClassifier} and measures the
 * validation rows.
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
public abstract non-sealed class TribuoExperiment<S extends Record> extends AbstractTribuoExperiment<Label, S> {

    /**
     * Keeps the type and settings.
     *
     * @param type the experiment's type name
     * @param settings the settings that rebuild it
     */
    protected TribuoExperiment(String type, S settings) {
        super(type, settings);
    }

    @Override
    final TribuoRuns.Steps<Label> steps() {
        return new TribuoRuns.Steps<>(Task.CLASSIFICATION, TribuoTables::classification, TribuoClassifier::of);
    }
}
