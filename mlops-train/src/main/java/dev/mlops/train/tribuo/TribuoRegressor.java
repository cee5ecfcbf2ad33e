package dev.mlops.train.tribuo;

import dev.mlops.core.table.Table;
import dev.mlops.train.predict.Outputs;
import java.util.List;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo regression {@link Model} of one target as a {@link dev.mlops.train.predict.Predictor}: rows encoded by the
 * {@link FeatureEncoder} it was trained with, the prediction its one output dimension.
 * Thread-safe, as Tribuo models are for prediction.
 */
public final class TribuoRegressor extends TribuoPredictor<Regressor> {

    private TribuoRegressor(Model<Regressor> model, FeatureEncoder encoder) {
        super(model, encoder);
    }

    /**
     * @param model a trained regression model of one output dimension
     * @param encoder the encoder its training rows were encoded with
     * @return the predictor
     * @throws IllegalArgumentException if the model predicts more than one dimension
     */
    public static TribuoRegressor of(Model<Regressor> model, FeatureEncoder encoder) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(encoder, "encoder");
        if (model.getOutputIDInfo().size() != 1) {
            throw new IllegalArgumentException("the model predicts " + model.getOutputIDInfo().size()
                    + " dimensions; a regression predictor has one");
        }
        return new TribuoRegressor(model, encoder);
    }

    @Override
    Regressor unknown() {
        return RegressionFactory.UNKNOWN_REGRESSOR;
    }

    @Override
    public Outputs outputs() {
        return Outputs.regression();
    }

    @Override
    public Table predict(Table features) {
        List<Prediction<Regressor>> predictions = tribuoPredictions(features);
        double[] values = new double[predictions.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = predictions.get(row).getOutput().getValues()[0];
        }
        return Outputs.regression().values(values);
    }
}
