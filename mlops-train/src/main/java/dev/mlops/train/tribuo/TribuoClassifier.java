package dev.mlops.train.tribuo;

import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A Tribuo classification {@link Model} as a {@link dev.mlops.train.predict.Predictor}: rows encoded by the
 * {@link FeatureEncoder} it was trained with, classes in the order of the model's output ids.
 * A model that generates probabilities gives its scores, normalised to sum to 1; one that does
 * not (a hinge-loss linear model, say) gives score 1 to the class it predicts and 0 to the
 * others. Thread-safe, as Tribuo models are for prediction.
 */
public final class TribuoClassifier extends TribuoPredictor<Label> {
    private final Outputs outputs;

    private TribuoClassifier(Model<Label> model, FeatureEncoder encoder) {
        super(model, encoder);
        ImmutableOutputInfo<Label> info = model.getOutputIDInfo();
        List<String> classes = new ArrayList<>();
        for (int id = 0; id < info.size(); id++) {
            classes.add(info.getOutput(id).getLabel());
        }
        this.outputs = Outputs.classification(classes);
    }

    /**
     * @param model a trained classifier of at least two classes
     * @param encoder the encoder its training rows were encoded with
     * @return the predictor
     */
    public static TribuoClassifier of(Model<Label> model, FeatureEncoder encoder) {
        return new TribuoClassifier(Objects.requireNonNull(model, "model"), Objects.requireNonNull(encoder, "encoder"));
    }

    @Override
    Label unknown() {
        return LabelFactory.UNKNOWN_LABEL;
    }

    @Override
    public Outputs outputs() {
        return outputs;
    }

    @Override
    public Table predict(Table features) {
        List<Prediction<Label>> predictions = tribuoPredictions(features);
        boolean probabilities = model().generatesProbabilities();
        List<String> classes = outputs.classes();
        double[][] scores = new double[predictions.size()][classes.size()];
        for (int row = 0; row < scores.length; row++) {
            Prediction<Label> prediction = predictions.get(row);
            if (probabilities) {
                Map<String, Label> byClass = prediction.getOutputScores();
                double sum = 0;
                for (int c = 0; c < classes.size(); c++) {
                    Label score = byClass.get(classes.get(c));
                    scores[row][c] = score == null ? 0 : Math.max(0, score.getScore());
                    sum += scores[row][c];
                }
                for (int c = 0; c < classes.size(); c++) {
                    scores[row][c] = sum > 0 ? Math.min(1, scores[row][c] / sum) : 1.0 / classes.size();
                }
            } else {
                scores[row][classes.indexOf(prediction.getOutput().getLabel())] = 1;
            }
        }
        return outputs.classifications(scores);
    }
}
