package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.internal.ClassifiedRows;

/**
 * The unweighted mean of each class's F1 score, sklearn's {@code f1_score(average="macro")}: over
 * the classes present in the truth or the predictions (a class no row holds or predicts is left
 * out), precision {@code tp / predicted} and recall {@code tp / true}, each 0 when its
 * denominator is (sklearn's {@code zero_division=0}), and F1 {@code 2 p r / (p + r)}, 0 when both
 * are.
 */
final class MacroF1 extends NamedMetric {
    static final String NAME = "macro_f1";

    MacroF1() {
        super(NAME, true);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        ClassifiedRows rows = ClassifiedRows.read(NAME, truth, predictions);
        int classes = rows.classes().size();
        int[] hits = new int[classes];
        int[] predicted = new int[classes];
        int[] actual = new int[classes];
        for (int row = 0; row < rows.size(); row++) {
            int t = rows.truth(row);
            int p = rows.predicted(row);
            actual[t]++;
            predicted[p]++;
            hits[t] += t == p ? 1 : 0;
        }
        double sum = 0.0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (predicted[c] + actual[c] > 0) {
                double precision = ratio(hits[c], predicted[c]);
                double recall = ratio(hits[c], actual[c]);
                double denominator = precision + recall;
                sum += denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    private static double ratio(int count, int of) {
        return of == 0 ? 0.0 : (double) count / of;
    }
}
