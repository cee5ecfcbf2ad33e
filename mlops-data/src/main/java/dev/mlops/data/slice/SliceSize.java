package dev.mlops.data.slice;

/**
 * One slice's size in one set.
 *
 * @param slice the slice's name
 * @param set the set's name
 * @param rows the slice's rows in the set
 * @param setRows the set's rows
 * @param share rows / setRows, 0 for an empty set
 * @param tooSmall whether the slice is too small for a meaningful metric under the report's rule
 */
public record SliceSize(String slice, String set, int rows, int setRows, double share, boolean tooSmall) {
}
