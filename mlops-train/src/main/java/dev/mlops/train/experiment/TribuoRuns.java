package dev.mlops.train.experiment;

import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import dev.mlops.train.predict.Task;
import dev.mlops.train.tracking.ActiveRun;
import dev.mlops.train.tribuo.EncodingReport;
import dev.mlops.train.tribuo.FeatureEncoder;
import dev.mlops.train.tribuo.MissingPolicy;
import dev.mlops.train.tribuo.NumericScaling;
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

    /**
     * What differs between the output types.
     *
     * @param task the task the experiment does
     * @param datasets how rows become a dataset
     * @param wrap how a model becomes a predictor
     */
    record Steps<T extends Output<T>>(Task task, DatasetBuilder<T> datasets,
            BiFunction<Model<T>, FeatureEncoder, Predictor> wrap) {
    }

    static <T extends Output<T>> ExperimentResult run(ExperimentContext context, MissingPolicy policy,
            NumericScaling scaling, Trainer<T> trainer, Steps<T> steps) {
        if (context.task() != steps.task()) {
            throw new IllegalArgumentException("this experiment does " + steps.task() + ", but label '"
                    + context.label() + "' makes the task " + context.task());
        }
        FeatureEncoder encoder = FeatureEncoder.fit(context.train(), Set.of(context.label()), policy, scaling);
        Model<T> model = trainer.train(steps.datasets().build(context.train(), context.label(), encoder));
        ExperimentResult result = context.evaluate(steps.wrap().apply(model, encoder), serializedSize(model));
        context.run().ifPresent(run -> log(run, encoder.report()));
        return result;
    }

    /**
     * Logs what the encoding left out and met on the training and validation rows: the reason
     * for each column left out as a parameter {@code encoding.dropped.<column>}, and the missing
     * values and unseen categories per column as metrics {@code encoding.missing.<column>} and
     * {@code encoding.unseen.<column>}.
     */
    private static void log(ActiveRun run, EncodingReport report) {
        report.dropped().forEach((column, reason) -> run.logParam("encoding.dropped." + column, reason));
        report.missing().forEach((column, count) -> run.logMetric("encoding.missing." + column, count));
        report.unseen().forEach((column, count) -> run.logMetric("encoding.unseen." + column, count));
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
