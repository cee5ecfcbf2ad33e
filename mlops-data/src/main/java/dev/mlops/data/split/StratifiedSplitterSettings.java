package dev.mlops.data.split;

import dev.mlops.core.component.ComponentType;

/**
 * The settings of the {@code stratified} splitter ({@link Splitters#stratified}): each class of the
 * label column keeps its proportions in every set. Spec string:
 * {@code stratified(label=class, seed=42)} or
 * {@code stratified(sizes="train=0.8,test=0.2", label=class, seed=42, smallClasses=allow)}; a numeric
 * label such as 0/1 with {@code stratified(label=y, seed=42, labelType=categorical)}.
 *
 * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
 *     when absent
 * @param label the label column, categorical unless {@code labelType} is {@code categorical};
 *     required, not blank
 * @param seed the seed of the shuffle within each class; required
 * @param smallClasses what to do with a class too small to reach every set; {@code refuse} when absent
 * @param labelType how the label's classes are read; {@code inferred} (a categorical column) when absent
 */
public record StratifiedSplitterSettings(SizePolicy sizes, String label, long seed, SmallClasses smallClasses,
        LabelType labelType) implements Guarantee.LabelColumn {

    /**
     * Checks the label and defaults the absent settings.
     *
     * @param sizes the sets, or a policy that chooses them by the row count; {@link SizePolicy#guide()}
     *     when absent
     * @param label the label column, categorical unless {@code labelType} is {@code categorical};
     *     required, not blank
     * @param seed the seed of the shuffle within each class; required
     * @param smallClasses what to do with a class too small to reach every set; {@code refuse} when absent
     * @param labelType how the label's classes are read; {@code inferred} (a categorical column) when absent
     * @throws IllegalArgumentException if the label is absent or blank
     */
    public StratifiedSplitterSettings {
        sizes = sizes == null ? SizePolicy.guide() : sizes;
        label = SplitSupport.requireColumn(label, "label");
        smallClasses = smallClasses == null ? SmallClasses.REFUSE : smallClasses;
        labelType = labelType == null ? LabelType.INFERRED : labelType;
    }

    /**
     * Settings that read the label column as categorical ({@link LabelType#INFERRED}).
     *
     * @param sizes the sets, or a policy; {@link SizePolicy#guide()} when null
     * @param label the categorical label column
     * @param seed the seed of the shuffle within each class
     * @param smallClasses what to do with a class too small to reach every set; refuse when null
     * @throws IllegalArgumentException if the label is absent or blank
     */
    public StratifiedSplitterSettings(SizePolicy sizes, String label, long seed, SmallClasses smallClasses) {
        this(sizes, label, seed, smallClasses, LabelType.INFERRED);
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
