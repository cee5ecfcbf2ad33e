package dev.mlops.deploy.strategy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a rollout stands: its stage, the share of requests each variant answers, the variants that
 * receive copies, and whether the rollout has finished (no event can move it any more).
 *
 * @param stage the stage's name as the strategy documents it (such as {@code blue},
 *     {@code canary 2 of 4}, {@code rolled back})
 * @param traffic the share of requests each variant answers, each in [0, 1], summing to 1
 * @param shadows the variants that receive copies of requests, in order
 * @param finished true when the rollout is over (completed or rolled back for good)
 */
public record RolloutStatus(String stage, SortedMap<String, Double> traffic, List<String> shadows, boolean finished) {
    private static final double TOLERANCE = 1e-9;

    /**
     * Checks and copies the fields.
     *
     * @param stage the stage's name, not blank
     * @param traffic the shares, each in [0, 1], summing to 1 within 1e-9
     * @param shadows the shadows
     * @param finished whether the rollout is over
     * @throws IllegalArgumentException if the stage is blank or the shares are not a distribution
     */
    public RolloutStatus {
        Objects.requireNonNull(stage, "stage");
        if (stage.isBlank()) {
            throw new IllegalArgumentException("a rollout stage's name must not be blank");
        }
        double sum = 0;
        for (Map.Entry<String, Double> share : traffic.entrySet()) {
            double value = share.getValue();
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("variant '" + share.getKey() + "' has a traffic share of " + value
                        + " in stage '" + stage + "', outside [0, 1]");
            }
            sum += value;
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException("the traffic shares of stage '" + stage + "' sum to " + sum
                    + ", not 1: " + traffic);
        }
        traffic = Collections.unmodifiableSortedMap(new TreeMap<>(traffic));
        shadows = List.copyOf(shadows);
    }
}
