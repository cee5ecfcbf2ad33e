package dev.mlops.monitor.quality;

import dev.mlops.data.stat.Histogram;
import dev.mlops.data.stat.Quantiles;
import dev.mlops.data.stat.RegressionErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A regression model's quality in one window, over its labelled predictions; a residual is
 * {@code truth - predicted}.
 *
 * @param errors the RMSE, MAE, R² and mean residual
 * @param probabilities the probabilities of {@code quantiles}: {@link #PROBABILITIES}
 * @param quantiles the residuals' quantiles (linear interpolation, numpy's default)
 * @param histogram the residuals in equal-width bins from the smallest to the largest
 */
public record RegressionQuality(RegressionErrors errors, List<Double> probabilities, List<Double> quantiles,
        Histogram histogram) {

    /** The probabilities at which the residuals' quantiles are given. */
    public static final List<Double> PROBABILITIES = List.of(0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0);

    /**
     * Keeps unmodifiable copies.
     *
     * @param errors the errors
     * @param probabilities the probabilities
     * @param quantiles the quantiles, one per probability
     * @param histogram the histogram
     * @throws IllegalArgumentException if there are not as many quantiles as probabilities
     */
    public RegressionQuality {
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(histogram, "histogram");
        probabilities = List.copyOf(probabilities);
        quantiles = List.copyOf(quantiles);
        if (probabilities.size() != quantiles.size()) {
            throw new IllegalArgumentException("one quantile per probability, but there were " + probabilities.size()
                    + " probabilities and " + quantiles.size() + " quantiles");
        }
    }

    /** Measures a window's labelled predictions (at least one). */
    static RegressionQuality of(double[] truth, double[] predicted, int bins) {
        RegressionErrors errors = RegressionErrors.of(truth, predicted);
        double[] residuals = new double[truth.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = truth[i] - predicted[i];
        }
        double[] p = new double[PROBABILITIES.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = PROBABILITIES.get(i);
        }
        List<Double> quantiles = new ArrayList<>(p.length);
        for (double q : Quantiles.of(residuals, p)) {
            quantiles.add(q);
        }
        return new RegressionQuality(errors, PROBABILITIES, quantiles, Histogram.of(residuals, bins));
    }
}
