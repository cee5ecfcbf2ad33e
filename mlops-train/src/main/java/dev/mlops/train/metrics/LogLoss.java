package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.internal.ClassifiedRows;

/**
 * The mean negative natural log of the score given to the true class, sklearn's {@code log_loss}
 * (1.2) with {@code labels} the outputs' classes: each score is first clipped to
 * {@code [eps, 1 - eps]} with {@code eps} = {@value #EPSILON} (the spacing of doubles at 1,
 * sklearn's {@code eps="auto"} for float64), then each row's clipped scores are divided by their
 * sum, so a score of 0 for the true class costs {@code -log(eps)}, about 36.04, not infinity.
 */
final class LogLoss extends NamedMetric {
    static final String NAME = "log_loss";
    /** The clipping bound: {@code Math.ulp(1.0)}, numpy's {@code finfo(float64).eps}. */
    static final double EPSILON = 0x1.0p-52;

    LogLoss() {
        super(NAME, false);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        ClassifiedRows rows = ClassifiedRows.read(NAME, truth, predictions);
        int classes = rows.classes().size();
        double[][] scores = new double[classes][];
        for (int c = 0; c < classes; c++) {
            scores[c] = rows.scores(c);
        }
        double loss = 0.0;
        for (int row = 0; row < rows.size(); row++) {
            double sum = 0.0;
            for (int c = 0; c < classes; c++) {
                sum += clip(scores[c][row]);
            }
            loss -= Math.log(clip(scores[rows.truth(row)][row]) / sum);
        }
        return rows.size() == 0 ? Double.NaN : loss / rows.size();
    }

    private static double clip(double score) {
        return Math.min(Math.max(score, EPSILON), 1.0 - EPSILON);
    }
}
