package dev.mlops.data.split;

/**
 * A property a {@link Split} promises, as its {@link GuaranteeReport} lists it. Every split also
 * promises, without listing it, that its sets are disjoint, that they and the excluded rows cover
 * every row exactly once, and that no set is empty.
 *
 * <p>The columns a guarantee is about are in the splitter's settings: a splitter that lists
 * {@link #CLASS_COUNTS_WITHIN_ONE_ROW} or {@link #EVERY_CLASS_IN_EVERY_SET} has settings that
 * implement {@link LabelColumn}, {@link #GROUPS_INTACT} {@link GroupColumn}, and
 * {@link #TIME_ORDERED} {@link TimeColumn}, so that a check (such as mlops-testkit's
 * {@code SplitterContract}) reads them typed.
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
    TIME_ORDERED;

    /** Settings that name the label column whose classes the guarantees are about. */
    public interface LabelColumn {
        /** @return the label column */
        String label();

        /**
         * Returns how the label column's classes are read; {@link LabelType#classes} reads them.
         *
         * @return {@link LabelType#INFERRED} unless the settings say otherwise
         */
        default LabelType labelType() {
            return LabelType.INFERRED;
        }
    }

    /** Settings that name the group column whose groups stay intact. */
    public interface GroupColumn {
        /** @return the group column */
        String group();
    }

    /** Settings that name the time column the sets are ordered by, and the gap between sets. */
    public interface TimeColumn {
        /** @return the timestamp column */
        String time();

        /** @return the gap, zero or positive */
        java.time.Duration gap();
    }
}
