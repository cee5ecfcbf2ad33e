package dev.mlops.data.slice;

/**
 * When a slice is too small for a meaningful metric: when it holds fewer than {@code minRows}
 * rows of a set.
 *
 * <p>The rule comes from the width of a confidence interval. A proportion metric (accuracy,
 * precision, recall, an error rate) measured on n rows has a 95 % normal-approximation interval
 * of half-width 1.96·√(p(1−p)/n), at most 1.96·√(0.25/n) at p = 0.5. To keep that margin at or
 * below m, a slice needs n ≥ (1.96 / (2m))² rows: {@link #forMargin(double)}. The default of
 * 100 rows bounds the margin at ±0.098; a margin of ±0.05 needs 385 rows.
 *
 * @param minRows the fewest rows a slice may have in a set, at least 1
 */
public record SliceSizeRule(int minRows) {
    private static final double Z_95 = 1.959963984540054;
    private static final int DEFAULT_MIN_ROWS = 100;

    /**
     * Checks the bound.
     *
     * @param minRows the fewest rows a slice may have in a set, at least 1
     * @throws IllegalArgumentException if minRows is below 1
     */
    public SliceSizeRule {
        if (minRows < 1) {
            throw new IllegalArgumentException("minRows must be at least 1 but was " + minRows);
        }
    }

    /** @return the rule of 100 rows, a worst-case 95 % margin of ±0.098 */
    public static SliceSizeRule defaults() {
        return new SliceSizeRule(DEFAULT_MIN_ROWS);
    }

    /**
     * Returns the rule whose slices measure a proportion metric within a margin, at 95 %
     * confidence in the worst case.
     *
     * @param margin the half-width of the interval, in (0, 0.5]
     * @return the rule of ⌈(1.96 / (2·margin))²⌉ rows
     * @throws IllegalArgumentException if the margin is outside (0, 0.5]
     */
    public static SliceSizeRule forMargin(double margin) {
        if (!(margin > 0 && margin <= 0.5)) {
            throw new IllegalArgumentException("margin must be in (0, 0.5] but was " + margin);
        }
        double rows = Math.pow(Z_95 / (2 * margin), 2);
        return new SliceSizeRule((int) Math.ceil(rows - 1e-9));
    }

    /**
     * Returns the worst-case 95 % margin of a proportion measured on this many rows.
     *
     * @param rows the rows of a slice, at least 1
     * @return 1.96·√(0.25/rows)
     */
    public static double margin(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1 but was " + rows);
        }
        return Z_95 * Math.sqrt(0.25 / rows);
    }

    /**
     * Tells whether a slice of this many rows is too small.
     *
     * @param rows the slice's rows in a set
     * @return true if it has fewer than {@link #minRows()}
     */
    public boolean tooSmall(int rows) {
        return rows < minRows;
    }
}
