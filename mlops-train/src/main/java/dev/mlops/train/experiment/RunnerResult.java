package dev.mlops.train.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run of an {@link ExperimentRunner} gives.
 *
 * @param leaderboard the experiments ranked
 * @param results each successful experiment's result by its spec
 * @param testAccesses every use of the test rows, in order
 */
public record RunnerResult(Leaderboard leaderboard, Map<String, ExperimentResult> results,
        List<TestSetAccess> testAccesses) {
    /**
     * Copies the parts.
     *
     * @param leaderboard the leaderboard
     * @param results the results by spec
     * @param testAccesses the accesses
     */
    public RunnerResult {
        Objects.requireNonNull(leaderboard, "leaderboard");
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        testAccesses = List.copyOf(testAccesses);
    }
}
