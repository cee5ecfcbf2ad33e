package dev.mlops.testkit;

import dev.mlops.data.split.Split;

/** Names the first difference between two splits, for contract failure messages. */
final class SplitDifference {

    private SplitDifference() {
        throw new AssertionError("no instances");
    }

    /**
     * @param expected a split
     * @param actual a split that is not equal to it
     * @return the first difference: the splitter, the table, the sets, the first row of a set, or
     *     the report
     */
    static String first(Split expected, Split actual) {
        if (!expected.splitter().equals(actual.splitter())) {
            return "the splitter differs: " + expected.splitter() + " vs " + actual.splitter();
        }
        if (!expected.fingerprint().equals(actual.fingerprint()) || expected.rowCount() != actual.rowCount()) {
            return "the table differs: " + expected.rowCount() + " rows " + expected.fingerprint() + " vs "
                    + actual.rowCount() + " rows " + actual.fingerprint();
        }
        if (!expected.sets().equals(actual.sets())) {
            return "the sets differ: " + expected.sets() + " vs " + actual.sets();
        }
        for (String set : expected.setNames()) {
            String difference = firstRow("set '" + set + "'", expected.rows(set), actual.rows(set));
            if (difference != null) {
                return difference;
            }
        }
        // equal sets of one row count leave equal excluded rows: a split covers every row
        return "the guarantee reports differ: " + expected.report() + " vs " + actual.report();
    }

    private static @org.jspecify.annotations.Nullable String firstRow(String where, int[] expected, int[] actual) {
        int shared = Math.min(expected.length, actual.length);
        for (int i = 0; i < shared; i++) {
            if (expected[i] != actual[i]) {
                return where + " differs first at its element " + i + ": row " + expected[i] + " vs row " + actual[i];
            }
        }
        return expected.length == actual.length ? null : where + " holds " + expected.length + " rows vs "
                + actual.length + " (equal up to element " + shared + ")";
    }
}
