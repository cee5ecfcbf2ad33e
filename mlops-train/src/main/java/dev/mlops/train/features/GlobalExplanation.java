package dev.mlops.train.features;

import java.util.List;

/**
 * Shapley values of many predictions and, from them, each feature's global importance: its mean
 * absolute Shapley value (mean |SHAP|) over the rows.
 *
 * @param importances one entry per feature, largest mean |SHAP| first, ties in input-schema order
 * @param rows the explanation of every row, in row order
 */
public record GlobalExplanation(List<Importance> importances, List<Explanation> rows) {

    /**
     * Copies the lists.
     *
     * @param importances one entry per feature, largest first
     * @param rows the explanation of every row
     */
    public GlobalExplanation {
        importances = List.copyOf(importances);
        rows = List.copyOf(rows);
    }

    /**
     * One feature's mean absolute Shapley value.
     *
     * @param feature the feature's column
     * @param meanAbsolute the mean over the rows of the absolute estimated Shapley value
     * @param standardError the sampling error of that mean, {@code sqrt(sum of the rows' squared
     *     standard errors) / rows} (the estimates of different rows are independent; the error
     *     of taking absolute values near 0 is not counted)
     */
    public record Importance(String feature, double meanAbsolute, double standardError) {
    }
}
