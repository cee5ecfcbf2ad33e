package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.ExperimentResult;
import dev.mlops.train.experiment.TribuoExperiment;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

/** The experiment contract passes a sound experiment and fails each kind of broken one. */
class ExperimentContractSelfTest {

    private static ExperimentContract contract(Experiment experiment) {
        return new ExperimentContract() {
            @Override
            protected Experiment experiment() {
                return experiment;
            }
        };
    }

    /** Draws its classes from a counter kept between runs instead of from the run's seed. */
    static final class Stateful extends TribuoExperiment<Stateful.Settings> {
        private final AtomicLong runs = new AtomicLong();

        record Settings() {
        }

        Stateful() {
            super("stateful", new Settings());
        }

        @Override
        protected Trainer<Label> trainer(Seed seed) {
            return DummyClassifierTrainer.createUniformTrainer(runs.incrementAndGet());
        }
    }

    /** Reports only the first of the context's metrics. */
    record Forgetful() implements Experiment {
        @Override
        public String type() {
            return "forgetful";
        }

        @Override
        public Record settings() {
            return this;
        }

        @Override
        public ExperimentResult run(ExperimentContext context) {
            ExperimentResult full = ClassificationTree.defaults().run(context);
            String first = full.metrics().keySet().iterator().next();
            return new ExperimentResult(full.model(), full.validationPredictions(), Map.of(first,
                    full.metrics().get(first)), full.modelBytes());
        }
    }

    @Test
    void aSoundExperimentPasses() {
        ExperimentContract contract = contract(ClassificationTree.defaults());

        assertThatCode(() -> {
            contract.theResultNamesEveryMetricAndPredictsEveryValidationRow();
            contract.aRunDoesNotDependOnAnEarlierRunOfTheSameInstance();
            contract.seesNoTestRowAndItsModelPredictsTheTestRowsOnceAfterTraining();
        }).doesNotThrowAnyException();
    }

    @Test
    void anExperimentThatKeepsStateBetweenRunsFails() {
        assertThatThrownBy(contract(new Stateful())::aRunDoesNotDependOnAnEarlierRunOfTheSameInstance)
                .isInstanceOf(AssertionError.class).hasMessageContaining("after a run on other data");
    }

    @Test
    void aResultThatLeavesOutAMetricFails() {
        assertThatThrownBy(contract(new Forgetful())::theResultNamesEveryMetricAndPredictsEveryValidationRow)
                .isInstanceOf(AssertionError.class);
    }
}
