package dev.mlops.data.split;

import dev.mlops.core.component.ComponentType;

/**
 * The settings of the {@code grouped} splitter ({@link Splitters#grouped}): no value of the group
 * column has rows in two sets. Spec string: {@code grouped(group=customer, seed=42)}.
 *
 * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
 *     when absent
 * @param group the group column; required, not blank
 * @param seed the seed of the order of groups of equal size; required
 */
public record GroupedSplitterSettings(SizePolicy sizes, String group, long seed) implements Guarantee.GroupColumn {

    /**
     * Checks the group and defaults the absent policy.
     *
     * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
     *     when absent
     * @param group the group column; required, not blank
     * @param seed the seed of the order of groups of equal size; required
     * @throws IllegalArgumentException if the group is absent or blank
     */
    public GroupedSplitterSettings {
        sizes = sizes == null ? SizePolicy.guide() : sizes;
        group = SplitSupport.requireColumn(group, "group");
    }

    /** The component type {@code grouped}, registered for the {@link java.util.ServiceLoader}; immutable. */
    public static final class Type extends ComponentType<Splitter, GroupedSplitterSettings> {
        /** Describes the type. */
        public Type() {
            super(Splitter.class, "grouped", GroupedSplitterSettings.class, "keeps each group in one set");
        }

        @Override
        public Splitter create(GroupedSplitterSettings settings) {
            return new GroupedSplitter(settings);
        }
    }
}
