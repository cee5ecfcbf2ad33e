package dev.mlops.testkit;

import dev.mlops.core.Seed;
import dev.mlops.core.component.ComponentType;
import dev.mlops.train.experiment.ClassificationBaseline;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.LinearRegression;
import dev.mlops.train.experiment.LogisticRegression;
import dev.mlops.train.experiment.RegressionBaseline;
import dev.mlops.train.experiment.TribuoExperiment;
import dev.mlops.train.predict.Task;
import org.junit.jupiter.api.Nested;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

/** Every built-in experiment, and a user's own written as the guide's example is, honours the contract. */
class ExperimentContractTest {

    /** A user's own experiment in one class, as the guide's example is: which trainer, nothing else. */
    public static final class ShallowTree extends TribuoExperiment<ShallowTree.Settings> {
        /**
         * The settings.
         *
         * @param depth the tree's largest depth
         */
        public record Settings(int depth) {
        }

        ShallowTree(Settings settings) {
            super("shallow-tree", settings);
        }

        @Override
        protected Trainer<Label> trainer(Seed seed) {
            return new CARTClassificationTrainer(settings().depth());
        }

        /** Registers the type, as a user's jar lists it in META-INF/services. */
        public static final class Type extends ComponentType<Experiment, Settings> {
            /** Describes the type. */
            public Type() {
                super(Experiment.class, "shallow-tree", Settings.class, "a user's shallow CART tree");
            }

            @Override
            public ShallowTree create(Settings settings) {
                return new ShallowTree(settings);
            }
        }
    }

    @Nested
    class UsersOwn extends ExperimentContract {
        @Override
        protected Experiment experiment() {
            return new ShallowTree(new ShallowTree.Settings(3));
        }
    }

    @Nested
    class Logistic extends ExperimentContract {
        @Override
        protected Experiment experiment() {
            return LogisticRegression.defaults();
        }
    }

    @Nested
    class Tree extends ExperimentContract {
        @Override
        protected Experiment experiment() {
            return ClassificationTree.defaults();
        }
    }

    @Nested
    class Stratified extends ExperimentContract {
        @Override
        protected Experiment experiment() {
            return new ClassificationBaseline(ClassificationBaseline.Strategy.STRATIFIED);
        }
    }

    @Nested
    class MostFrequent extends ExperimentContract {
        @Override
        protected Experiment experiment() {
            return new ClassificationBaseline(ClassificationBaseline.Strategy.MOST_FREQUENT);
        }
    }

    @Nested
    class Linear extends ExperimentContract {
        @Override
        protected Experiment experiment() {
            return LinearRegression.defaults();
        }

        @Override
        protected Task task() {
            return Task.REGRESSION;
        }
    }

    @Nested
    class Median extends ExperimentContract {
        @Override
        protected Experiment experiment() {
            return new RegressionBaseline(RegressionBaseline.Strategy.MEDIAN);
        }

        @Override
        protected Task task() {
            return Task.REGRESSION;
        }
    }
}
