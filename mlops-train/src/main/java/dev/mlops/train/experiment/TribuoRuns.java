package dev.mlops.train.experiment;

import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import java.util.Set;
import java.util.function.BiFunction;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Trainer;

/** The steps every Tribuo experiment takes: encode, train, wrap, measure. */
final class TribuoRuns {

    private TribuoRuns() {
        throw new AssertionError("no instances");
    }

    /** A function that builds a dataset from rows, naming the label column, through an encoder. */
    interface DatasetBuilder<T extends Output<T>> {
        MutableDataset<T> build(Table table, String label, FeatureEncoder encoder);
    }

    static <T extends Output<T>> ExperimentResult run(ExperimentContext context, Task task, MissingPolicy policy,
            Trainer<T> trainer, DatasetBuilder<T> datasets, BiFunction<Model<T>, FeatureEncoder, Predictor> wrap) {
        if (context.task() != task) {
            throw new IllegalArgumentException("this experiment does " + task + ", but label '" + context.label()
                    + "' makes the task " + context.task());
        }
        FeatureEncoder encoder = FeatureEncoder.fit(context.train(), Set.of(context.label()), policy);
        Model<T> model = trainer.train(datasets.build(context.train(), context.label(), encoder));
        return context.evaluate(wrap.apply(model, encoder), serializedSize(model));
    }

    /** @return the model's protobuf size in bytes, or -1 for a model that cannot be serialized so */
    private static long serializedSize(Model<?> model) {
        try {
            return model.serialize().getSerializedSize();
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }
}
