package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.internal.ClassifiedRows;
import java.util.Arrays;

/**
 * The area under the ROC curve, sklearn's {@code roc_auc_score}: for two classes, of the second
 * class's score (the chance that a row of the second class scores above a row of the first, a
 * tie counting one half, which is the Mann–Whitney statistic with midranks); for more classes,
 * the unweighted mean over the classes of each class's score against all others (sklearn's
 * {@code multi_class="ovr"}, {@code average="macro"}). NaN when a class of the outputs is absent
 * from the truth, where sklearn raises an error. Unlike sklearn, the scores of a row need not sum
 * to 1.
 */
final class RocAuc extends NamedMetric {
    static final String NAME = "auc";

    RocAuc() {
        super(NAME, true);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        ClassifiedRows rows = ClassifiedRows.read(NAME, truth, predictions);
        int classes = rows.classes().size();
        if (classes == 2) {
            return auc(rows, 1);
        }
        double sum = 0.0;
        for (int c = 0; c < classes; c++) {
            sum += auc(rows, c);
        }
        return sum / classes;
    }

    /** The AUC of one class's score against the rows of all other classes; NaN if either side is empty. */
    private static double auc(ClassifiedRows rows, int positive) {
        double[] scores = rows.scores(positive);
        int positives = 0;
        for (int row = 0; row < scores.length; row++) {
            positives += rows.truth(row) == positive ? 1 : 0;
        }
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] hit = new double[positives];
        double[] miss = new double[negatives];
        int h = 0;
        int m = 0;
        for (int row = 0; row < scores.length; row++) {
            if (rows.truth(row) == positive) {
                hit[h++] = scores[row];
            } else {
                miss[m++] = scores[row];
            }
        }
        Arrays.sort(hit);
        Arrays.sort(miss);
        double wins = 0.0;
        int below = 0;
        int notAbove = 0;
        for (double score : hit) {
            while (below < negatives && miss[below] < score) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < negatives && miss[notAbove] <= score) {
                notAbove++;
            }
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positives * negatives);
    }
}
