package dev.mlops.data.split;

import dev.mlops.core.component.ComponentType;

/**
 * The settings of the {@code random} splitter ({@link Splitters#random}): the rows are shuffled with
 * the seed and cut by the fractions. Spec string: {@code random(sizes="train=0.8,test=0.2", seed=42)}.
 *
 * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
 *     when absent
 * @param seed the seed of the shuffle; required
 */
public record RandomSplitterSettings(SizePolicy sizes, long seed) {

    /**
    * Defaults an absent policy to the guide's.
    *
    * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
    *     when absent
    * @param seed the seed of the shuffle; required
    */
    public RandomSplitterSettings {
        sizes = sizes == null ? SizePolicy.guide() : sizes;
    }

    /** The component type {@code random}, registered for the {@link java.util.ServiceLoader}; immutable. */
    public static final class Type extends ComponentType<Splitter, RandomSplitterSettings> {
        /** Describes the type. */
        public Type() {
            super(Splitter.class, "random", RandomSplitterSettings.class, "shuffles the rows with a seed; each set within one row of its share");
        }

        @Override
        public Splitter create(RandomSplitterSettings settings) {
            return new RandomSplitter(settings);
        }
    }
}
