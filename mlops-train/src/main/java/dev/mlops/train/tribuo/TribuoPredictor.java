package dev.mlops.train.tribuo;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import java.util.List;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;

/**
 * What every Tribuo model behind a {@link Predictor} shares: the model, the {@link FeatureEncoder}
 * its training rows were encoded with, and the step from a features table to Tribuo's
 * predictions. {@link TribuoClassifier} and {@link TribuoRegressor} turn those into the
 * prediction table. Thread-safe, as Tribuo models are for prediction.
 *
 * @param <T> Tribuo's output type
 */
public abstract sealed class TribuoPredictor<T extends Output<T>> implements Predictor
        permits TribuoClassifier, TribuoRegressor {
    private final Model<T> model;
    private final FeatureEncoder encoder;

    TribuoPredictor(Model<T> model, FeatureEncoder encoder) {
        this.model = Objects.requireNonNull(model, "model");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** @return the Tribuo model */
    public final Model<T> model() {
        return model;
    }

    /** @return the encoder of its features */
    public final FeatureEncoder encoder() {
        return encoder;
    }

    @Override
    public final Schema inputSchema() {
        return encoder.inputSchema();
    }

    /**
     * Encodes the rows and lets the model predict them.
     *
     * @param features the features table
     * @return Tribuo's predictions, one per row, in order
     */
    final List<Prediction<T>> tribuoPredictions(Table features) {
        return model.predict(encoder.examples(features, row -> unknown()));
    }

    /** @return Tribuo's unknown output of this type, for rows to predict */
    abstract T unknown();
}
