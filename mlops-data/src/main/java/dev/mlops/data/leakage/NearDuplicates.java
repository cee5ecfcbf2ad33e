package dev.mlops.data.leakage;

import java.util.List;
import java.util.Objects;

/**
 * How {@link LeakageCheck} finds near-duplicates: rows that are not equal but become equal once
 * small differences are normalized away.
 *
 * <p>The one method so far, {@link #roundedKey}, is <em>rounded-key hashing</em>: over the chosen
 * columns, each number is rounded half-even to a number of significant digits (from its exact
 * binary value; {@code -0.0} becomes {@code 0.0}; NaN and infinities stay as they are), each
 * categorical or text value is stripped, its runs of whitespace collapsed to one space and
 * lower-cased ({@link java.util.Locale#ROOT}), booleans and timestamps are kept exactly, and a
 * missing value stays missing (distinct from NaN). Rows whose normalized values are equal are
 * near-duplicates; candidates are found by a 64-bit hash of the normalized values and confirmed
 * by comparing them.
 *
 * <p>What it catches: re-typed or re-exported copies of a row that differ by float noise or by
 * rounding within the chosen precision ({@code 0.30000000000000004} and {@code 0.3}), by case
 * ({@code "München"} and {@code "münchen"}) or by spacing. What it misses: two values on either
 * side of a rounding boundary ({@code 1.2349} and {@code 1.2351} to 4 digits give {@code 1.235}
 * and {@code 1.235}, but {@code 1.2344} and {@code 1.2346} give {@code 1.234} and {@code 1.235}),
 * typos, reordered words, accents ({@code "Munchen"} and {@code "München"} differ), and similarity
 * of any kind that is not equality after normalization (that needs MinHash, edit distance or
 * embeddings, not done here). Columns left out are not compared at all, so rows that differ only
 * there are near-duplicates.
 * Immutable and thread-safe.
 */
public final class NearDuplicates {
    private final List<String> columns;
    private final int significantDigits;

    private NearDuplicates(List<String> columns, int significantDigits) {
        this.columns = columns;
        this.significantDigits = significantDigits;
    }

    /**
     * Returns rounded-key hashing over the given columns.
     *
     * @param columns the columns to compare, of any type; not empty, no name twice
     * @param significantDigits the significant digits numbers are rounded to, 1 to 17
     * @return the method
     * @throws IllegalArgumentException if the columns are empty or repeat a name, or the digits are
     *     outside 1 to 17
     */
    public static NearDuplicates roundedKey(List<String> columns, int significantDigits) {
        List<String> copy = LeakageCheck.requireColumns(columns, "columns");
        if (significantDigits < 1 || significantDigits > 17) {
            throw new IllegalArgumentException("significantDigits must be between 1 and 17 but was " + significantDigits);
        }
        return new NearDuplicates(copy, significantDigits);
    }

    /** @return the columns compared, unmodifiable */
    public List<String> columns() {
        return columns;
    }

    /** @return the significant digits numbers are rounded to */
    public int significantDigits() {
        return significantDigits;
    }

    /** @return the method in one phrase, as reports name it */
    public String method() {
        return "rounded-key hashing (numbers to " + significantDigits
                + " significant digits, text lower-cased with whitespace collapsed)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NearDuplicates that && columns.equals(that.columns)
                && significantDigits == that.significantDigits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, significantDigits);
    }

    @Override
    public String toString() {
        return "NearDuplicates[" + method() + " over " + columns + "]";
    }
}
