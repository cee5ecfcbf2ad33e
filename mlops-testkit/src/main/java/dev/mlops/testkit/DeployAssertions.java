package dev.mlops.testkit;

import dev.mlops.deploy.gate.GateReport;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the AssertJ assertions on deployment results, so that a user's CI test of a
 * candidate model reads naturally:
 * <pre>{@code
 * import static dev.mlops.testkit.DeployAssertions.assertThat;
 *
 * assertThat(QualityGate.defaults(Clock.systemUTC()).check(input)).passes();
 * }</pre>
 * It may be imported statically beside {@code org.assertj.core.api.Assertions.assertThat} and
 * {@link DataAssertions#assertThat}: Java picks the most specific overload, this one for a
 * {@link GateReport}.
 */
public final class DeployAssertions {

    private DeployAssertions() {
        throw new AssertionError("no instances");
    }

    /**
     * @param actual the quality gate's report under test
     * @return assertions on the report
     */
    public static GateAssert assertThat(@Nullable GateReport actual) {
        return new GateAssert(actual);
    }
}
