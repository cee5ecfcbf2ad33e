package dev.mlops.testkit;

import dev.mlops.deploy.gate.GateReport;
import dev.mlops.deploy.gate.RuleResult;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a quality gate's {@link GateReport}, from {@link DeployAssertions#assertThat(GateReport)}:
 * <pre>{@code
 * assertThat(gate.check(input)).passes();
 * assertThat(report).fails().hasFailuresIn("slice young");
 * }</pre>
 *
 * <p>The report passes as {@link GateReport#passed()} says: no finding failed; skipped findings
 * (an empty slice) do not fail it. A failure message of {@link #passes()} lists every failed
 * finding with its rule, both models' values, the difference and its interval
 * ({@link GateReport#describeFailures()}). Not thread-safe.
 */
public final class GateAssert extends AbstractAssert<GateAssert, GateReport> {

    GateAssert(@Nullable GateReport actual) {
        super(actual, GateAssert.class);
    }

    /**
     * Verifies that the gate passed; the failure message lists every failed rule with its values.
     *
     * @return this assertion
     */
    public GateAssert passes() {
        isNotNull();
        if (!actual.passed()) {
            throw failure("%s", "Expecting the quality gate to pass for candidate '" + actual.candidate()
                    + "' against " + actual.referenceRole() + " '" + actual.reference() + "', but "
                    + actual.describeFailures());
        }
        return myself;
    }

    /**
     * Verifies that the gate failed: at least one finding failed.
     *
     * @return this assertion
     */
    public GateAssert fails() {
        isNotNull();
        if (actual.passed()) {
            throw failure("%s", "Expecting the quality gate to fail, but no rule failed:\n" + actual.toText());
        }
        return myself;
    }

    /**
     * Verifies where the gate failed, exactly and in the report's order.
     *
     * @param scopes the scopes of the failed findings, such as {@code validation} or
     *     {@code slice young}; none for a passing report
     * @return this assertion
     */
    public GateAssert hasFailuresIn(String... scopes) {
        isNotNull();
        List<String> failed = actual.failures().stream().map(RuleResult::scope).toList();
        if (!failed.equals(List.of(scopes))) {
            throw failure("%s", "Expecting the quality gate's failures to be in " + List.of(scopes) + ", but they were in "
                    + failed + ":\n" + actual.toText());
        }
        return myself;
    }
}
