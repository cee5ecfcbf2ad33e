package dev.mlops.deploy.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.Seed;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.slice.Slice;
import dev.mlops.train.experiment.ClassificationBaseline;
import dev.mlops.train.experiment.ClassificationTree;
import dev.mlops.train.experiment.Experiment;
import dev.mlops.train.experiment.ExperimentContext;
import dev.mlops.train.experiment.LogisticRegression;
import dev.mlops.train.metrics.Metrics;
import dev.mlops.train.predict.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gate on real Tribuo models trained on the bundled credit-g data (a copy in test resources). */
class CreditGateTest {
    static final List<Slice> SLICES = List.of(Slice.of("young", "age < 25"), Slice.of("older", "age >= 25"));
    static Table train;
    static ValidationSet validation;
    static ValidationSet otherValidation;
    static Predictor logistic;
    static Predictor tree;
    static Predictor mostFrequent;

    @BeforeAll
    static void train() throws IOException {
        Table data;
        try (InputStream in = Objects.requireNonNull(CreditGateTest.class.getResourceAsStream("/data/credit-g.csv"))) {
            data = CsvFormat.defaults().read(in, "credit-g.csv");
        }
        train = data.rows(IntStream.range(0, 600).toArray());
        validation = ValidationSet.of("validation", data.rows(IntStream.range(600, 800).toArray()), "class", SLICES);
        otherValidation = ValidationSet.of("validation", data.rows(IntStream.range(800, 1000).toArray()), "class",
                SLICES);
        logistic = model(LogisticRegression.defaults());
        tree = model(ClassificationTree.defaults());
        mostFrequent = model(new ClassificationBaseline(ClassificationBaseline.Strategy.MOST_FREQUENT));
    }

    static Predictor model(Experiment experiment) {
        return experiment.run(ExperimentContext.of(train, validation.rows(), "class", Seed.of(1),
                List.of(Metrics.accuracy()), SLICES, null)).model();
    }

    @Test
    void theFirstModelIsGatedAgainstTheMostFrequentBaseline() {
        GateReport report = QualityGate.defaults(QualityGateTest.CLOCK)
                .check(GateInput.of(Evaluation.of("logistic", logistic, validation))
                        .withBaseline(Evaluation.of("most-frequent", mostFrequent, validation)));

        RuleResult macroF1 = report.results().get(0);
        assertThat(report.referenceRole()).isEqualTo(GateReport.BASELINE);
        assertThat(macroF1.verdict()).isEqualTo(Verdict.PASS);
        assertThat(macroF1.candidate()).isGreaterThan(macroF1.reference() + 0.1);
        assertThat(macroF1.interval().lower()).isPositive();
        assertThat(report.results()).extracting(RuleResult::scope).containsExactly("validation", "slice young",
                "slice older");
        assertThat(report.results().get(1).candidate()).isEqualTo(Metrics.accuracy().compute(
                Slice.of("young", "age < 25").select(validation.rows()).column("class"),
                logistic.predict(Slice.of("young", "age < 25").select(validation.rows()))));
    }

    @Test
    void aCandidateEvaluatedOnOtherRowsThanProductionIsRefused() {
        Evaluation candidate = Evaluation.of("tree", tree, otherValidation);
        Evaluation production = Evaluation.of("logistic", logistic, validation);

        assertThatThrownBy(() -> QualityGate.defaults(QualityGateTest.CLOCK)
                .check(GateInput.of(candidate).withProduction(production)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(fingerprint " + otherValidation.fingerprint().sha256() + ")")
                .hasMessageContaining("(fingerprint " + validation.fingerprint().sha256() + ")");
    }

    @Test
    void aTreeWorseThanTheLogisticModelInProductionFailsTheGate() {
        GateReport report = QualityGate.defaults(QualityGateTest.CLOCK)
                .withRule(new LatencyRule(1000.0))
                .withRule(SignificanceRule.mcnemar(SignificanceRule.Against.BASELINE))
                .check(GateInput.of(Evaluation.of("tree", tree, validation))
                        .withProduction(Evaluation.of("logistic", logistic, validation))
                        .withBaseline(Evaluation.of("most-frequent", mostFrequent, validation)));

        assertThat(report.passed()).isFalse();
        assertThat(report.results()).extracting(RuleResult::rule).containsExactly(
                "macro_f1 no lower than the reference by more than 0.0100",
                "no slice's accuracy lower than the reference's by more than 0.0300",
                "no slice's accuracy lower than the reference's by more than 0.0300",
                "p95 latency per example below 1000.0000 ms",
                "significantly better than the baseline (mcnemar-exact, level 0.05)");
        RuleResult macroF1 = report.results().get(0);
        assertThat(macroF1.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(macroF1.difference()).isLessThan(-0.01);
        assertThat(macroF1.interval().contains(macroF1.difference())).isTrue();
        RuleResult latency = report.results().get(3);
        assertThat(latency.verdict()).isEqualTo(Verdict.PASS);
        assertThat(latency.candidate()).isPositive();
        assertThat(report.results().get(4).message()).contains("'tree' against 'most-frequent'");
    }
}
