package dev.mlops.monitor.drift;

import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A correction of p-values for testing many columns at once, so that a batch of 50 columns at
 * level 0.05 does not call 2 or 3 of them drifted by chance alone. The adjusted p-values are
 * those of statsmodels' {@code multipletests(p, method=...)[1]}; a column drifts when its
 * adjusted p-value is below the level. Stateless and thread-safe.
 */
public enum Correction {
    /** No correction: each p-value is compared with the level as it is. */
    NONE,
    /**
     * Benjamini–Hochberg, controlling the false discovery rate (the expected share of false
     * alarms among the columns called drifted) for independent or positively dependent tests:
     * {@code p_(i) · m / i}, made monotone from the largest down, at most 1 ({@code "fdr_bh"}).
     * The default: in monitoring a few false alarms among many true ones are acceptable, and it
     * keeps far more power than a family-wise correction when many columns are tested.
     */
    BENJAMINI_HOCHBERG,
    /**
     * Holm's step-down method, controlling the family-wise error rate (the chance of any false
     * alarm) under any dependence: {@code (m - i + 1) · p_(i)}, made monotone from the smallest
     * up, at most 1 ({@code "holm"}). Stricter than Benjamini–Hochberg.
     */
    HOLM;

    /**
     * Adjusts p-values.
     *
     * @param pValues the p-values, each in {@code [0, 1]}; not changed
     * @return the adjusted p-values, in the same order, in a fresh array
     * @throws IllegalArgumentException if a p-value is outside {@code [0, 1]}; the message names its index
     */
    public double[] adjust(double[] pValues) {
        Objects.requireNonNull(pValues, "pValues");
        for (int i = 0; i < pValues.length; i++) {
            if (!(pValues[i] >= 0.0 && pValues[i] <= 1.0)) {
                throw new IllegalArgumentException("pValues[" + i + "] must be in [0, 1] but was " + pValues[i]);
            }
        }
        int m = pValues.length;
        double[] adjusted = pValues.clone();
        if (this == NONE || m == 0) {
            return adjusted;
        }
        int[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> pValues[i]))
                .mapToInt(Integer::intValue).toArray();
        if (this == BENJAMINI_HOCHBERG) {
            double running = 1.0;
            for (int rank = m; rank >= 1; rank--) {
                int i = order[rank - 1];
                running = Math.min(running, pValues[i] * m / rank);
                adjusted[i] = running;
            }
        } else {
            double running = 0.0;
            for (int rank = 1; rank <= m; rank++) {
                int i = order[rank - 1];
                running = Math.max(running, Math.min(1.0, (m - rank + 1) * pValues[i]));
                adjusted[i] = running;
            }
        }
        return adjusted;
    }

    /** @return the name statsmodels' {@code multipletests} gives the method, or {@code "none"} */
    @Override
    public String toString() {
        return switch (this) {
            case NONE -> "none";
            case BENJAMINI_HOCHBERG -> "fdr_bh";
            case HOLM -> "holm";
        };
    }
}
