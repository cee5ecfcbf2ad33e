package dev.mlops.deploy.gate;

import static dev.mlops.deploy.gate.QualityGateTest.CLOCK;
import static dev.mlops.deploy.gate.QualityGateTest.PRODUCTION;
import static dev.mlops.deploy.gate.QualityGateTest.SLICE_REGRESSION;
import static dev.mlops.deploy.gate.QualityGateTest.VALIDATION;
import static dev.mlops.deploy.gate.QualityGateTest.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.json.Json;
import dev.mlops.core.report.ReportHeader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateReportTest {
    static GateReport failing() {
        return QualityGate.defaults(CLOCK).withRule(SignificanceRule.mcnemar(SignificanceRule.Against.REFERENCE))
                .check(GateInput.of(evaluate("candidate:2", SLICE_REGRESSION, VALIDATION))
                        .withProduction(evaluate("production:1", PRODUCTION, VALIDATION)));
    }

    @Test
    void theJsonOpensWithTheSharedEnvelopeAndListsEveryFinding() throws IOException {
        GateReport report = failing();
        JsonNode json = Json.reader().readTree(report.toJson());

        ReportHeader header = ReportHeader.read(json, "gate", GateReport.KIND, GateReport.FORMAT_VERSION);
        assertThat(header.fingerprint()).isEqualTo(VALIDATION.fingerprint());
        assertThat(header.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(json.get("candidate").asText()).isEqualTo("candidate:2");
        assertThat(json.get("reference").asText()).isEqualTo("production:1");
        assertThat(json.get("referenceRole").asText()).isEqualTo("production");
        assertThat(json.get("validation").asText()).isEqualTo(VALIDATION.toString());
        assertThat(json.has("recent")).isFalse();
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("rules")).hasSize(3);
        assertThat(json.get("rules").get(0).asText()).isEqualTo("macro_f1 no lower than the reference by more than"
                + " 0.0100");
        JsonNode results = json.get("results");
        assertThat(results).hasSize(report.results().size());
        JsonNode slice = results.get(2);
        RuleResult expected = report.results().get(2);
        assertThat(slice.get("rule").asText()).isEqualTo(expected.rule());
        assertThat(slice.get("scope").asText()).isEqualTo("slice group_b");
        assertThat(slice.get("verdict").asText()).isEqualTo("fail");
        assertThat(slice.get("candidate").asDouble()).isEqualTo(expected.candidate());
        assertThat(slice.get("reference").asDouble()).isEqualTo(expected.reference());
        assertThat(slice.get("difference").asDouble()).isEqualTo(expected.difference());
        assertThat(slice.get("interval").get("lower").asDouble()).isEqualTo(expected.interval().lower());
        assertThat(slice.get("interval").get("upper").asDouble()).isEqualTo(expected.interval().upper());
        assertThat(slice.get("interval").get("level").asDouble()).isEqualTo(0.95);
        assertThat(slice.get("interval").get("resamples").asInt()).isEqualTo(1000);
        assertThat(slice.get("threshold").asDouble()).isEqualTo(expected.threshold());
        assertThat(slice.get("message").asText()).isEqualTo(expected.message());
        assertThat(slice.has("pValue")).isFalse();
        assertThat(results.get(3).get("pValue").asDouble()).isEqualTo(report.results().get(3).pValue()
                .getAsDouble());
    }

    @Test
    void theSameInputAndSeedGiveTheSameReport() {
        assertThat(failing().toJson()).isEqualTo(failing().toJson());
    }

    @Test
    void theTextSaysTheVerdictAndOneLinePerFinding() {
        GateReport report = failing();
        String text = report.toText();

        assertThat(text).startsWith("quality gate FAILED: candidate 'candidate:2' against production 'production:1'\n"
                + "validation: " + VALIDATION + "\n[pass] macro_f1 no lower than the reference by more than 0.0100"
                + " -- macro_f1 on validation: candidate ");
        assertThat(text.lines()).hasSize(2 + report.results().size());
        assertThat(text).contains("\n[fail] no slice's accuracy lower than the reference's by more than 0.0300 --"
                + " accuracy on slice group_b: candidate 0.7000, reference 0.8000, difference -0.1000");
    }

    @Test
    void theFailuresAreDescribedWithTheirValues() {
        GateReport report = failing();
        List<RuleResult> failures = report.failures();
        assertThat(failures).extracting(RuleResult::scope).containsExactly("slice group_b", "validation");
        assertThat(report.describeFailures()).isEqualTo("2 findings failed:\n  - " + failures.get(0).rule()
                + ": " + failures.get(0).message() + "\n  - " + failures.get(1).rule() + ": "
                + failures.get(1).message() + "\n");
        // b = 60 rows only the candidate gets right, c = 40 only production does;
        // statsmodels mcnemar([[0, 60], [40, 0]], exact=True).pvalue = 0.05688793364098088
        assertThat(failures.get(1).pValue().getAsDouble()).isCloseTo(0.05688793364098088, within(1e-15));
        assertThat(failures.get(1).message()).endsWith(", p = 0.0569; not significantly better at level 0.05");
        assertThat(report.failures().get(0).failed()).isTrue();
    }

    @Test
    void aPassingReportSaysSoAndNamesItsRecentSet() throws IOException {
        ValidationSet recent = ValidationSet.of("recent", Scripted.table(60, 3), "class", java.util.List.of());
        Scripted right = Scripted.wrongOn(recent.rows(), row -> false);
        GateReport report = QualityGate.defaults(CLOCK).check(GateInput.of(evaluate("c", PRODUCTION, VALIDATION))
                .withBaseline(evaluate("b", PRODUCTION, VALIDATION))
                .withRecent(evaluate("c", right, recent), evaluate("b", right, recent)));

        assertThat(report.passed()).isTrue();
        assertThat(report.describeFailures()).isEqualTo("no rule failed");
        assertThat(report.toText()).startsWith("quality gate PASSED: candidate 'c' against baseline 'b'\n"
                + "validation: " + VALIDATION + "\nrecent: " + recent + "\n");
        JsonNode json = Json.reader().readTree(report.toJson());
        assertThat(json.get("recent").asText()).isEqualTo(recent.toString());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(Verdict.SKIPPED.label()).isEqualTo("skipped");
    }
}
