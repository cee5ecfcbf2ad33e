package dev.mlops.examples.extension;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.predict.Task;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user's experiment: a k-nearest-neighbours classifier, the "applicants like this one" model a
 * credit team explains to a loan officer in one sentence. An application is scored by the
 * {@code k} training applications closest to it under the heterogeneous Euclidean-overlap metric
 * (HEOM, Wilson and Martinez 1997): a numeric feature contributes its difference over the
 * feature's range in the training rows, a categorical or boolean feature 0 when equal and 1 when
 * not, a missing value 1; the distance is the square root of the sum of squares. A class's score
 * is the share of the neighbours in that class with one added to each count (Laplace's rule, so
 * that no score is 0 and the log-loss stays finite): {@code (count + 1) / (k + classes)}. The
 * prediction is the class with the highest score. Ties of distance go to the earlier training row,
 * so the model is deterministic and needs no seed.
 *
 * <pre>{@code
 * RunnerResult result = ExperimentRunner.builder()
 *         .data(credit, "class", split)
 *         .experiments(new NearestNeighbours(25), LogisticRegression.defaults())
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>Classification only: a numeric label is refused. Every column but the label is a feature
 * (timestamp and text columns are left out). Immutable and thread-safe.
 */
public final class NearestNeighbours extends AbstractComponent<NearestNeighbours.Settings> implements Experiment {
    /** The type name the experiment is registered under. */
    public static final String TYPE = "nearest-neighbours";
    /** The number of neighbours when none is given. */
    public static final int DEFAULT_K = 15;

    /**
     * An experiment.
     *
     * @param k how many neighbours score an application, at least 1
     * @throws IllegalArgumentException if {@code k} is below 1
     */
    public NearestNeighbours(int k) {
        this(new Settings(k));
    }

    /**
     * An experiment from its settings.
     *
     * @param settings the settings
     */
    public NearestNeighbours(Settings settings) {
        super(TYPE, settings);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the label is numeric (a regression task), or the
     *     training rows have fewer rows than {@code k} or no feature column
     */
    @Override
    public ExperimentResult run(ExperimentContext context) {
        if (context.task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException("experiment '" + TYPE + "' classifies, but label '" + context.label()
                    + "' is numeric");
        }
        NeighbourModel model = NeighbourModel.fit(context.train(), context.label(),
                Objects.requireNonNull(settings().k()));
        return context.evaluate(model, -1);
    }

    /**
     * The settings, as a spec string names them: {@code nearest-neighbours(k=25)}.
     *
     * @param k how many neighbours score an application; default {@value #DEFAULT_K}
     */
    public record Settings(@Nullable Integer k) {
        /**
         * Fills in the default and checks {@code k}.
         *
         * @param k how many neighbours, at least 1
         * @throws IllegalArgumentException if {@code k} is below 1
         */
        public Settings {
            k = k == null ? DEFAULT_K : k;
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1 but was " + k);
            }
        }
    }

    /** The experiment's type, listed in {@code META-INF/services/dev.mlops.core.component.ComponentType}. */
    public static final class Type extends ComponentType<Experiment, Settings> {
        /** Describes the type. */
        public Type() {
            super(Experiment.class, TYPE, Settings.class,
                    "k nearest neighbours under the heterogeneous Euclidean-overlap metric, Laplace-smoothed shares");
        }

        @Override
        public Experiment create(Settings settings) {
            return new NearestNeighbours(settings);
        }
    }
}
