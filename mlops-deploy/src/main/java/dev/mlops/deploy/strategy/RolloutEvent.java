package dev.mlops.deploy.strategy;

import dev.mlops.monitor.alarm.AlarmEvent;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What can move a rollout. Each strategy's javadoc lists the events each of its stages accepts;
 * any other is refused.
 */
public sealed interface RolloutEvent {

    /**
     * A person or a pipeline moves the rollout forward: blue/green switches to the new variant, a
     * canary goes to its next step without waiting for the bake time, an A/B test ends on the
     * named arm.
     *
     * @param variant the variant to move to, where the strategy lets the event choose (an A/B
     *     test's arm); null to let the strategy take its next stage
     * @param reason why, in words
     */
    record Promote(@Nullable String variant, String reason) implements RolloutEvent {
        /**
         * Checks the fields.
         *
         * @param variant the variant to move to, or null; not blank
         * @param reason why, not blank
         */
        public Promote {
            if (variant != null && variant.isBlank()) {
                throw new IllegalArgumentException("a promotion's variant must not be blank");
            }
            checkReason(reason);
        }

        /**
         * A promotion to the strategy's next stage.
         *
         * @param reason why, not blank
         */
        public Promote(String reason) {
            this(null, reason);
        }

        /** @return the variant to move to, if the event names one */
        public Optional<String> target() {
            return Optional.ofNullable(variant);
        }
    }

    /**
     * A person or a pipeline sends all traffic back to the variant that served before the rollout.
     *
     * @param reason why, in words
     */
    record Rollback(String reason) implements RolloutEvent {
        /**
         * Checks the reason.
         *
         * @param reason why, not blank
         */
        public Rollback {
            checkReason(reason);
        }
    }

    /**
     * A periodic look at each variant's health, on which a canary checks its guardrails (a breach
     * rolls it back) and its bake time (elapsed, it takes the next step).
     *
     * @param health each variant's counts and latency so far, cumulative since its endpoint started
     *     (a strategy compares differences between checks)
     */
    record HealthCheck(Map<String, VariantHealth> health) implements RolloutEvent {
        /**
         * Copies the map.
         *
         * @param health each variant's health
         */
        public HealthCheck {
            health = Map.copyOf(health);
        }
    }

    /**
     * A monitoring alarm was raised (mlops-monitor's alarm evaluator), which a canary treats as a
     * breached guardrail.
     *
     * @param alarm the alarm event
     */
    record Alarm(AlarmEvent alarm) implements RolloutEvent {
        /**
         * Checks the alarm.
         *
         * @param alarm the alarm event
         */
        public Alarm {
            Objects.requireNonNull(alarm, "alarm");
        }
    }

    private static void checkReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a rollout event needs a reason");
        }
    }
}
