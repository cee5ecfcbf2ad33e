package dev.mlops.data.split;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The built-in {@link Splitter}s. Each takes a {@link SizePolicy} (a fixed {@link SplitSets}, or
 * {@link SizePolicy#guide()} to choose 70/15/15 or 90/5/5 by the table's size) and, when it draws
 * at random, a seed; the same seed and table give the same split. All are immutable and
 * thread-safe, and none boxes per row. Each is a {@link dev.mlops.core.component.Component} with a
 * public settings record ({@link RandomSplitterSettings}, {@link StratifiedSplitterSettings},
 * {@link GroupedSplitterSettings}, {@link StratifiedGroupedSplitterSettings},
 * {@link TemporalSplitterSettings}) and equals another splitter of the same type and settings;
 * {@code ComponentRegistry.defaults().create(Splitter.class, "stratified(label=class, seed=42)")}
 * builds the same splitter as {@code stratified(SizePolicy.guide(), "class", 42)}.
 *
 * <p>Every splitter refuses with a {@link SplitException} a table that would leave a set empty
 * (in particular an empty table, and a one-row table over more than one set).
 *
 * <table>
 *   <caption>The splitters and the guarantees their reports list</caption>
 *   <tr><th>factory</th><th>guarantees</th><th>refuses</th></tr>
 *   <tr><td>{@link #random}</td><td>{@link Guarantee#SET_SIZES_WITHIN_ONE_ROW}</td>
 *       <td>fewer rows than sets</td></tr>
 *   <tr><td>{@link #stratified}</td><td>{@link Guarantee#CLASS_COUNTS_WITHIN_ONE_ROW},
 *       {@link Guarantee#EVERY_CLASS_IN_EVERY_SET} (unless small classes were allowed)</td>
 *       <td>a missing label; a class too small to reach every set, naming it and its count</td></tr>
 *   <tr><td>{@link #grouped}, {@link #stratifiedGrouped}</td><td>{@link Guarantee#GROUPS_INTACT};
 *       class counts reported</td><td>a missing group key or label; fewer groups than sets</td></tr>
 *   <tr><td>{@link #temporal}</td><td>{@link Guarantee#TIME_ORDERED}; rows removed by the gap
 *       reported</td><td>a missing time; too few distinct times for the sets and gap</td></tr>
 * </table>
 */
public final class Splitters {

    private Splitters() {
        throw new AssertionError("no instances");
    }

    /**
     * Returns a splitter that shuffles the rows with the seed and cuts them by the fractions, each
     * set within one row of its exact share.
     *
     * @param sizes the sets, or a policy that chooses them by the row count
     * @param seed the seed of the shuffle
     * @return the splitter
     */
    public static Splitter random(SizePolicy sizes, long seed) {
        return new RandomSplitter(new RandomSplitterSettings(Objects.requireNonNull(sizes, "sizes"), seed));
    }

    /**
     * Returns a splitter that keeps each class's proportions: a class of {@code m} rows has, in a
     * set of fraction {@code f}, {@code floor(m f)} or {@code ceil(m f)} rows, and a row in every
     * set; a class too small for both is refused.
     *
     * @param sizes the sets, or a policy that chooses them by the row count
     * @param label the categorical label column
     * @param seed the seed of the shuffle within each class
     * @return the splitter
     */
    public static Splitter stratified(SizePolicy sizes, String label, long seed) {
        return stratified(sizes, label, seed, SmallClasses.REFUSE);
    }

    /**
     * Returns a stratified splitter with a stated policy for classes too small to reach every set.
     *
     * @param sizes the sets, or a policy that chooses them by the row count
     * @param label the categorical label column
     * @param seed the seed of the shuffle within each class
     * @param smallClasses refuse such classes, or split them within one row of their share and list
     *     them in the report
     * @return the splitter
     */
    public static Splitter stratified(SizePolicy sizes, String label, long seed, SmallClasses smallClasses) {
        return stratified(sizes, label, seed, smallClasses, LabelType.INFERRED);
    }

    /**
     * Returns a stratified splitter that reads the label's classes as stated: with
     * {@link LabelType#CATEGORICAL}, each distinct value of a numeric label (such as 0/1) is a class.
     *
     * @param sizes the sets, or a policy that chooses them by the row count
     * @param label the label column
     * @param seed the seed of the shuffle within each class
     * @param smallClasses refuse classes too small to reach every set, or split them within one row
     *     of their share and list them in the report
     * @param labelType how the label's classes are read
     * @return the splitter
     */
    public static Splitter stratified(SizePolicy sizes, String label, long seed, SmallClasses smallClasses,
            LabelType labelType) {
        return new StratifiedSplitter(new StratifiedSplitterSettings(Objects.requireNonNull(sizes, "sizes"), label, seed,
                Objects.requireNonNull(smallClasses, "smallClasses"), Objects.requireNonNull(labelType, "labelType")));
    }

    /**
     * Returns a splitter that never puts one group (all rows with one value of the group column,
     * such as a customer id or a duplicate-cluster id) in two sets. Groups go, in a seeded order
     * and largest first, to the set furthest below its target; the sizes achieved are in the split.
     *
     * @param sizes the sets, or a policy that chooses them by the row count
     * @param group the group column: categorical, text or numeric
     * @param seed the seed of the order of groups of equal size
     * @return the splitter
     */
    public static Splitter grouped(SizePolicy sizes, String group, long seed) {
        return new GroupedSplitter(new GroupedSplitterSettings(Objects.requireNonNull(sizes, "sizes"), group, seed));
    }

    /**
     * Returns a grouped splitter that also balances classes: each group counts as its most
     * frequent class, and goes to the set furthest below its target share of that class. Groups
     * stay intact; the class counts achieved are in the report.
     *
     * @param sizes the sets, or a policy that chooses them by the row count
     * @param label the categorical label column
     * @param group the group column: categorical, text or numeric
     * @param seed the seed of the order of groups of equal size
     * @return the splitter
     */
    public static Splitter stratifiedGrouped(SizePolicy sizes, String label, String group, long seed) {
        return stratifiedGrouped(sizes, label, group, seed, LabelType.INFERRED);
    }

    /**
     * Returns a stratified grouped splitter that reads the label's classes as stated: with
     * {@link LabelType#CATEGORICAL}, each distinct value of a numeric label (such as 0/1) is a class.
     *
     * @param sizes the sets, or a policy that chooses them by the row count
     * @param label the label column
     * @param group the group column: categorical, text or numeric
     * @param seed the seed of the order of groups of equal size
     * @param labelType how the label's classes are read
     * @return the splitter
     */
    public static Splitter stratifiedGrouped(SizePolicy sizes, String label, String group, long seed, LabelType labelType) {
        return new GroupedSplitter(new StratifiedGroupedSplitterSettings(Objects.requireNonNull(sizes, "sizes"), label,
                group, seed, Objects.requireNonNull(labelType, "labelType")));
    }

    /**
     * Returns a splitter that orders the rows by time: the first set gets the oldest rows, and
     * every time in a later set is strictly after every time in an earlier one. Rows with equal
     * times stay in one set: each cut falls between two distinct times, those closest to the
     * requested shares in either direction, and the split is refused only when there are fewer
     * distinct times than sets.
     *
     * @param sizes the sets in time order, or a policy that chooses them by the row count
     * @param time the timestamp column of event times
     * @return the splitter
     */
    public static Splitter temporal(SizePolicy sizes, String time) {
        return temporal(sizes, time, Duration.ZERO, null);
    }

    /**
     * Returns a temporal splitter with a gap, and optionally an extra set of the newest rows.
     * Before each later set, the rows within {@code gap} after the earlier set's latest time are
     * removed (the split excludes them and the report counts them), so that every time in a later
     * set is more than {@code gap} after every time in an earlier one.
     *
     * @param sizes the sets in time order, or a policy that chooses them by the row count
     * @param time the timestamp column of event times
     * @param gap the gap, zero or positive
     * @param newest the extra set of the newest rows, such as {@code recent_testing}, or null for none
     * @return the splitter
     * @throws IllegalArgumentException if the gap is negative
     */
    public static Splitter temporal(SizePolicy sizes, String time, Duration gap, @Nullable NewestSet newest) {
        return new TemporalSplitter(new TemporalSplitterSettings(Objects.requireNonNull(sizes, "sizes"), time,
                Objects.requireNonNull(gap, "gap"), newest));
    }
}
