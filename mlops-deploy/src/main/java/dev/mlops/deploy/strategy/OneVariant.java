package dev.mlops.deploy.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A stage of two variants in which one answers every request and nobody shadows it.
 *
 * @param status the stage's status
 * @param only the one route of the stage
 */
record OneVariant(RolloutStatus status, Route only) implements StagedRollout.Stage {

    /**
     * @param stage the stage's name
     * @param on the variant that answers
     * @param off the other variant, with a share of 0
     * @param finished whether the stage ends the rollout
     * @return the stage
     */
    static OneVariant of(String stage, String on, String off, boolean finished) {
        return new OneVariant(new RolloutStatus(stage, allOn(on, off), List.of(), finished), Route.to(on));
    }

    /**
     * @param on the variant with all traffic
     * @param off the variant with none
     * @return the shares
     */
    static TreeMap<String, Double> allOn(String on, String off) {
        Map<String, Double> traffic = Map.of(on, 1.0, off, 0.0);
        return new TreeMap<>(traffic);
    }

    @Override
    public Route route(@Nullable String unitId) {
        return only;
    }
}
