package dev.mlops.monitor.quality;

import java.util.Objects;

/**
 * One class's quality in a window.
 *
 * @param name the class
 * @param precision the share of rows predicted as the class that hold it (0 when none is predicted)
 * @param recall the share of rows holding the class that are predicted as it (0 when none holds it)
 * @param f1 the harmonic mean of precision and recall (0 when both are)
 * @param support the number of labelled rows that hold the class
 */
public record ClassQuality(String name, double precision, double recall, double f1, long support) {

    /**
     * Checks the name.
     *
     * @param name the class
     * @param precision the precision
     * @param recall the recall
     * @param f1 the F1 score
     * @param support the support
     */
    public ClassQuality {
        Objects.requireNonNull(name, "name");
    }
}
