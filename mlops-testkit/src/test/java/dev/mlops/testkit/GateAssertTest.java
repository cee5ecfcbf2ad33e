package dev.mlops.testkit;

import static dev.mlops.testkit.DeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.ReportHeader;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.gate.RuleResult;
import dev.mlops.deploy.gate.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GateAssertTest {
    static final String RULE = "no slice's accuracy lower than the reference's by more than 0.0300";

    static RuleResult result(String scope, double candidate, Verdict verdict) {
        return new RuleResult(RULE, scope, candidate, 0.80, candidate - 0.80, null, OptionalDouble.empty(), 0.77,
                verdict, "accuracy on " + scope + ": candidate " + candidate + ", reference 0.8");
    }

    static GateReport report(RuleResult... results) {
        return new GateReport(new ReportHeader(GateReport.KIND, GateReport.FORMAT_VERSION,
                Instant.parse("2026-12-07T03:00:00Z"), new Fingerprint("a".repeat(64))), "candidate:2",
                "production:1", GateReport.PRODUCTION, "validation (10 rows)", Optional.empty(), List.of(RULE),
                List.of(results));
    }

    @Test
    void aPassingGatePasses() {
        GateReport passed = report(result("slice a", 0.9, Verdict.PASS), result("slice c", Double.NaN,
                Verdict.SKIPPED));

        assertThat(passed).passes().hasFailuresIn();
        assertThatThrownBy(() -> assertThat(passed).fails()).isInstanceOf(AssertionError.class)
                .hasMessage("Expecting the quality gate to fail, but no rule failed:\n" + passed.toText());
    }

    @Test
    void aFailingGateFailsWithEveryFailedRuleAndItsValuesInTheMessage() {
        GateReport failed = report(result("slice a", 0.9, Verdict.PASS), result("slice b", 0.7, Verdict.FAIL),
                result("slice c", 0.6, Verdict.FAIL));

        assertThat(failed).fails().hasFailuresIn("slice b", "slice c");
        assertThatThrownBy(() -> assertThat(failed).passes()).isInstanceOf(AssertionError.class)
                .hasMessage("Expecting the quality gate to pass for candidate 'candidate:2' against production"
                        + " 'production:1', but 2 findings failed:\n"
                        + "  - " + RULE + ": accuracy on slice b: candidate 0.7, reference 0.8\n"
                        + "  - " + RULE + ": accuracy on slice c: candidate 0.6, reference 0.8\n");
    }

    @Test
    void theFailuresMustBeWhereTheTestSays() {
        GateReport failed = report(result("slice b", 0.7, Verdict.FAIL));

        assertThatThrownBy(() -> assertThat(failed).hasFailuresIn("slice a")).isInstanceOf(AssertionError.class)
                .hasMessage("Expecting the quality gate's failures to be in [slice a], but they were in [slice b]:\n"
                        + failed.toText());
    }

    @Test
    void aMissingReportFails() {
        GateReport none = null;
        assertThatThrownBy(() -> assertThat(none).passes()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
        assertThatThrownBy(() -> assertThat(none).fails()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(none).hasFailuresIn()).isInstanceOf(AssertionError.class);
    }
}
