package dev.mlops.data.split;

import dev.mlops.core.component.ComponentType;

/**
 * The settings of the {@code stratified} splitter ({@link Splitters#stratified}): each class of the
 * label column keeps its proportions in every set. Spec string:
 * {@code stratified(label=class, seed=42)} or
 * {@code stratified(sizes="train=0.8,test=0.2", label=class, seed=42, smallClasses=allow)}.
 *
 * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
 *     when absent
 * @param label the categorical label column; required, not blank
 * @param seed the seed of the shuffle within each class; required
 * @param smallClasses what to do with a class too small to reach every set; {@code refuse} when absent
 */
public record StratifiedSplitterSettings(SizePolicy sizes, String label, long seed, SmallClasses smallClasses)
        implements Guarantee.LabelColumn {

    /**
     * Checks the label and defaults the absent settings.
     *
     * @throws IllegalArgumentException if the label is absent or blank
     */
    public StratifiedSplitterSettings {
        sizes = sizes == null ? SizePolicy.guide() : sizes;
        label = SplitSupport.requireColumn(label, "label");
        smallClasses = smallClasses == null ? SmallClasses.REFUSE : smallClasses;
    }

    /** The component type {@code stratified}, registered for the {@link java.util.ServiceLoader}; immutable. */
    public static final class Type extends ComponentType<Splitter, StratifiedSplitterSettings> {
        /** Describes the type. */
        public Type() {
            super(Splitter.class, "stratified", StratifiedSplitterSettings.class, "keeps the proportions of each class in every set");
        }

        @Override
        public Splitter create(StratifiedSplitterSettings settings) {
            return new StratifiedSplitter(settings);
        }
    }
}
