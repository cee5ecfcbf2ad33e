package dev.mlops.train.metrics;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.Table;
import dev.mlops.train.internal.ClassifiedRows;

/**
 * The unweighted mean of each class's F1 score, sklearn's {@code f1_score(average="macro")}: over
 * the classes present in the truth or the predictions (a class no row holds or predicts is left
 * out), precision {@code tp / predicted} and recall {@code tp / true}, each 0 when its
 * denominator is (sklearn's {@code zero_division=0}), and F1 {@code 2 p r / (p + r)}, 0 when both
 * are; computed by the shared {@link dev.mlops.data.stat.ConfusionMatrix}.
 */
final class MacroF1 extends NamedMetric {
    static final String NAME = "macro_f1";

    MacroF1() {
        super(NAME, true);
    }

    @Override
    public double compute(Column truth, Table predictions) {
        return ClassifiedRows.read(NAME, truth, predictions).confusion().macroF1();
    }
}
