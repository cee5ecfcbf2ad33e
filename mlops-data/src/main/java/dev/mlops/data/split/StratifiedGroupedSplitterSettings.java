package dev.mlops.data.split;

import dev.mlops.core.component.ComponentType;

/**
 * The settings of the {@code stratified-grouped} splitter ({@link Splitters#stratifiedGrouped}):
 * groups stay intact and go where their most frequent class is furthest below its share. Spec
 * string: {@code stratified-grouped(label=class, group=customer, seed=42)}; a numeric label such as
 * 0/1 with {@code labelType=categorical}.
 *
 * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
 *     when absent
 * @param label the label column, categorical unless {@code labelType} is {@code categorical};
 *     required, not blank
 * @param group the group column; required, not blank
 * @param seed the seed of the order of groups of equal size; required
 * @param labelType how the label's classes are read; {@code inferred} (a categorical column) when absent
 */
public record StratifiedGroupedSplitterSettings(SizePolicy sizes, String label, String group, long seed,
        LabelType labelType) implements Guarantee.LabelColumn, Guarantee.GroupColumn {

    /**
     * Checks the columns and defaults the absent policy.
     *
     * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
     *     when absent
     * @param label the label column, categorical unless {@code labelType} is {@code categorical};
     *     required, not blank
     * @param group the group column; required, not blank
     * @param seed the seed of the order of groups of equal size; required
     * @param labelType how the label's classes are read; {@code inferred} (a categorical column) when absent
     * @throws IllegalArgumentException if the label or group is absent or blank
     */
    public StratifiedGroupedSplitterSettings {
        sizes = sizes == null ? SizePolicy.guide() : sizes;
        label = SplitSupport.requireColumn(label, "label");
        group = SplitSupport.requireColumn(group, "group");
        labelType = labelType == null ? LabelType.INFERRED : labelType;
    }

    /**
     * Settings that read the label column as categorical ({@link LabelType#INFERRED}).
     *
     * @param sizes the sets, or a policy; {@link SizePolicy#guide()} when null
     * @param label the categorical label column
     * @param group the group column
     * @param seed the seed of the order of groups of equal size
     * @throws IllegalArgumentException if the label or group is absent or blank
     */
    public StratifiedGroupedSplitterSettings(SizePolicy sizes, String label, String group, long seed) {
        this(sizes, label, group, seed, LabelType.INFERRED);
    }

    /** The component type {@code stratified-grouped}, registered for the {@link java.util.ServiceLoader}; immutable. */
    public static final class Type extends ComponentType<Splitter, StratifiedGroupedSplitterSettings> {
        /** Describes the type. */
        public Type() {
            super(Splitter.class, "stratified-grouped", StratifiedGroupedSplitterSettings.class, "keeps groups intact and balances their classes");
        }

        @Override
        public Splitter create(StratifiedGroupedSplitterSettings settings) {
            return new GroupedSplitter(settings);
        }
    }
}
