package dev.mlops.data.split;

/**
 * A property a {@link Split} promises, as its {@link GuaranteeReport} lists it. Every split also
 * promises, without listing it, that its sets are disjoint, that they and the excluded rows cover
 * every row exactly once, and that no set is empty.
 *
 * <p>The settings a check needs are in {@link Split#settings()} under the keys that
 * {@link Splitters} names ({@link Splitters#LABEL}, {@link Splitters#GROUP}, {@link Splitters#TIME},
 * {@link Splitters#GAP}).
 */
public enum Guarantee {
    /** Each set's size is within one row of the row count times its fraction. */
    SET_SIZES_WITHIN_ONE_ROW,
    /**
     * For each class of the label column, its count in each set is within one row of the class's
     * count times the set's fraction.
     */
    CLASS_COUNTS_WITHIN_ONE_ROW,
    /** Every class of the label column has at least one row in every set. */
    EVERY_CLASS_IN_EVERY_SET,
    /** No value of the group column has rows in two sets. */
    GROUPS_INTACT,
    /**
     * The sets are ordered in time: every time in a set is later than the latest time of the set
     * before it plus the gap (zero when none was set).
     */
    TIME_ORDERED
}
