package dev.mlops.train.features;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/** How two numeric columns are correlated. */
public enum CorrelationMethod {
    /** Pearson's product-moment correlation: the strength of a linear relation. */
    PEARSON {
        @Override
        double correlate(double[] x, double[] y) {
            return new PearsonsCorrelation().correlation(x, y);
        }
    },
    /**
     * Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their
     * average rank; the strength of a monotone relation.
     */
    SPEARMAN {
        @Override
        double correlate(double[] x, double[] y) {
            return new SpearmansCorrelation().correlation(x, y);
        }
    };

    /**
     * @param x at least two values, not all equal
     * @param y as many values, not all equal
     * @return the correlation in [-1, 1]
     */
    abstract double correlate(double[] x, double[] y);
}
