package dev.mlops.train.experiment;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

/**
 * A classification baseline that ignores the features (Tribuo's {@link DummyClassifierTrainer}):
 * the most frequent training class, a class drawn in the training proportions, or one drawn
 * uniformly. A model worth keeping beats the best of them; the {@link ExperimentRunner} runs all
 * three before any other classifier.
 */
public final class ClassificationBaseline extends TribuoExperiment<ClassificationBaseline.Settings> {
    /** The type name. */
    public static final String TYPE = "baseline-classifier";

    /** How the baseline picks a class. */
    public enum Strategy {
        /** Always the most frequent training class. */
        MOST_FREQUENT,
        /** A class drawn with the training classes' proportions, seeded. */
        STRATIFIED,
        /** A class drawn uniformly, seeded. */
        UNIFORM
    }

    /**
     * The settings.
     *
     * @param strategy how the baseline picks a class; default {@link Strategy#MOST_FREQUENT}
     */
    public record Settings(@Nullable Strategy strategy) {
        /**
         * Fills in the default.
         *
         * @param strategy how the baseline picks a class, or null for the default
         */
        public Settings {
            strategy = strategy == null ? Strategy.MOST_FREQUENT : strategy;
        }
    }

    /**
     * @param strategy how the baseline picks a class
     */
    public ClassificationBaseline(Strategy strategy) {
        super(TYPE, new Settings(Objects.requireNonNull(strategy, "strategy")));
    }

    @Override
    protected Trainer<Label> trainer(Seed seed) {
        return switch (Objects.requireNonNull(settings().strategy())) {
            case MOST_FREQUENT -> DummyClassifierTrainer.createMostFrequentTrainer();
            case STRATIFIED -> DummyClassifierTrainer.createStratifiedTrainer(seed.value());
            case UNIFORM -> DummyClassifierTrainer.createUniformTrainer(seed.value());
        };
    }

    /** Builds classification baselines from their settings. */
    public static final class Type extends ComponentType<Experiment, Settings> {

        /** Describes the type. */
        public Type() {
            super(Experiment.class, TYPE, Settings.class,
                    "a classifier that ignores the features: the most frequent, a stratified or a uniform class");
        }

        @Override
        public ClassificationBaseline create(Settings settings) {
            return new ClassificationBaseline(Objects.requireNonNull(settings.strategy()));
        }
    }
}
