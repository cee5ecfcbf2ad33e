package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentType;
import org.jspecify.annotations.Nullable;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;

/**
 * A CART classification tree (Tribuo's {@link CARTClassificationTrainer}, Gini impurity, every
 * feature considered at each split, so the tree does not depend on the seed).
 */
public final class ClassificationTree extends TribuoExperiment<ClassificationTree.Settings> {
    /** The type name. */
    public static final String TYPE = "cart";

    /**
     * The settings.
     *
     * @param maxDepth the tree's largest depth; default 6
     * @param minChildWeight the least total weight of a child node; default 5
     */
    public record Settings(@Nullable Integer maxDepth, @Nullable Double minChildWeight) {
        /**
         * Fills in the defaults and checks the values.
         *
         * @param maxDepth the largest depth, at least 1
         * @param minChildWeight the least weight of a child, positive and finite
         * @throws IllegalArgumentException naming a setting out of range
         */
        public Settings {
            maxDepth = maxDepth == null ? 6 : maxDepth;
            minChildWeight = minChildWeight == null ? 5.0 : minChildWeight;
            if (maxDepth < 1) {
                throw new IllegalArgumentException("maxDepth must be at least 1, but was " + maxDepth);
            }
            if (!(minChildWeight > 0) || Double.isInfinite(minChildWeight)) {
                throw new IllegalArgumentException("minChildWeight must be positive and finite, but was "
                        + minChildWeight);
            }
        }
    }

    /** @param settings the settings */
    public ClassificationTree(Settings settings) {
        super(TYPE, settings);
    }

    /** @return a tree with the default settings */
    public static ClassificationTree defaults() {
        return new ClassificationTree(new Settings(null, null));
    }

    @Override
    protected Trainer<Label> trainer(Seed seed) {
        Settings settings = settings();
        return new CARTClassificationTrainer(settings.maxDepth(), settings.minChildWeight().floatValue(), 0.0f, 1.0f,
                false, new GiniIndex(), seed.value());
    }

    /** Builds classification trees from their settings. */
    public static final class Type extends ComponentType<Experiment, Settings> {

        /** Describes the type. */
        public Type() {
            super(Experiment.class, TYPE, Settings.class, "a CART classification tree (Gini impurity)");
        }

        @Override
        public ClassificationTree create(Settings settings) {
            return new ClassificationTree(settings);
        }
    }
}
