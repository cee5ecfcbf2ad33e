/**
 * Slices: named row predicates ({@code city == "Hamburg"}, {@code age < 25}) that materialise
 * evaluation subsets, and a report of each slice's size in each set of a split that warns when a
 * slice is too small for a meaningful metric ({@link dev.mlops.data.slice.SliceSizeRule}).
 */
@NullMarked
package dev.mlops.data.slice;

import org.jspecify.annotations.NullMarked;
