package dev.mlops.monitor.quality;

import dev.mlops.data.stat.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A classifier's quality in one window, over its labelled predictions.
 *
 * @param classes the classes found in the window's labels and predictions, sorted; the rows and
 *     columns of the matrix
 * @param matrix the confusion matrix, rows true classes and columns predicted ones
 * @param accuracy the share predicted right
 * @param macroPrecision the mean precision over the classes
 * @param macroRecall the mean recall over the classes
 * @param macroF1 the mean F1 over the classes
 * @param perClass each class's precision, recall, F1 and support, in the order of {@code classes}
 */
public record ClassificationQuality(List<String> classes, ConfusionMatrix matrix, double accuracy,
        double macroPrecision, double macroRecall, double macroF1, List<ClassQuality> perClass) {

    /**
     * Keeps unmodifiable copies.
     *
     * @param classes the classes
     * @param matrix the confusion matrix
     * @param accuracy the accuracy
     * @param macroPrecision the macro precision
     * @param macroRecall the macro recall
     * @param macroF1 the macro F1
     * @param perClass each class's quality
     */
    public ClassificationQuality {
        classes = List.copyOf(classes);
        Objects.requireNonNull(matrix, "matrix");
        perClass = List.copyOf(perClass);
    }

    /** Measures a window's labelled predictions, given as positions in {@code classes}. */
    static ClassificationQuality of(List<String> classes, int[] truth, int[] predicted) {
        ConfusionMatrix matrix = ConfusionMatrix.of(classes.size(), truth, predicted);
        List<ClassQuality> perClass = new ArrayList<>(classes.size());
        for (int c = 0; c < classes.size(); c++) {
            perClass.add(new ClassQuality(classes.get(c), matrix.precision(c), matrix.recall(c), matrix.f1(c),
                    matrix.support(c)));
        }
        return new ClassificationQuality(classes, matrix, matrix.accuracy(), matrix.macroPrecision(),
                matrix.macroRecall(), matrix.macroF1(), perClass);
    }
}
