package dev.mlops.deploy.gate;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Predictor;
import java.util.Objects;

/**
 * One model's predictions of a {@link ValidationSet}, with its measured latency and the set's
 * fingerprint: what a {@link QualityGate} compares. Made once per model and set, so that a
 * production model's evaluation can be kept and compared with several candidates. Immutable.
 */
public final class Evaluation {
    private final String model;
    private final ValidationSet set;
    private final Table predictions;
    private final Latency latency;

    private Evaluation(String model, ValidationSet set, Table predictions, Latency latency) {
        this.model = model;
        this.set = set;
        this.predictions = predictions;
        this.latency = latency;
    }

    /**
     * Evaluates a model with the default latency protocol ({@link LatencyProtocol#DEFAULT}).
     *
     * @param model the model's name as the report shows it, such as {@code credit-risk:7}, not blank
     * @param predictor the model
     * @param set the validation set
     * @return the evaluation
     * @throws IllegalArgumentException if the name is blank
     */
    public static Evaluation of(String model, Predictor predictor, ValidationSet set) {
        return of(model, predictor, set, LatencyProtocol.DEFAULT);
    }

    /**
     * Evaluates a model: predicts every row of the set (without its label) and measures the
     * latency per example.
     *
     * @param model the model's name as the report shows it, not blank
     * @param predictor the model
     * @param set the validation set
     * @param protocol how to measure latency
     * @return the evaluation
     * @throws IllegalArgumentException if the name is blank
     * @throws dev.mlops.core.SchemaException if the set lacks a column the model reads
     */
    public static Evaluation of(String model, Predictor predictor, ValidationSet set, LatencyProtocol protocol) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(protocol, "protocol");
        if (model.isBlank()) {
            throw new IllegalArgumentException("a model's name must not be blank but was '" + model + "'");
        }
        Table features = set.features();
        Table predictions = predictor.predict(features);
        return new Evaluation(model, set, predictions, protocol.measure(predictor, features));
    }

    /** @return the model's name */
    public String model() {
        return model;
    }

    /** @return the set the model was evaluated on */
    public ValidationSet set() {
        return set;
    }

    /** @return the fingerprint of the set's rows */
    public Fingerprint fingerprint() {
        return set.fingerprint();
    }

    /** @return the model's predictions of the set's rows, in order */
    public Table predictions() {
        return predictions;
    }

    /** @return the measured latency per example */
    public Latency latency() {
        return latency;
    }

    /** @return the model and the set */
    @Override
    public String toString() {
        return "'" + model + "' on " + set;
    }
}
