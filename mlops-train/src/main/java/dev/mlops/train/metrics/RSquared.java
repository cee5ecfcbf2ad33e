package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;

/**
 * The coefficient of determination, sklearn's {@code r2_score}: {@code 1 - SS_res / SS_tot},
 * computed by the shared {@link dev.mlops.data.stat.RegressionErrors}. Its conventions: NaN for
 * fewer than two rows; when the truth is constant (every value equal, so {@code SS_tot} is 0), 1
 * if every prediction is exact and 0 otherwise (sklearn's {@code force_finite=True}). sklearn
 * tests {@code SS_tot == 0} on a mean that may round (three values of 0.1 have a tiny non-zero
 * {@code SS_tot} there); here a constant truth is recognised exactly.
 */
final class RSquared extends NamedMetric {
    static final String NAME = "r2";

    RSquared() {
        super(NAME, true);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        return RegressionRows.read(NAME, truth, predictions).errors().rSquared();
    }
}
