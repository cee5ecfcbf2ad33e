package dev.mlops.deploy.strategy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rollout whose stages are immutable objects that route by themselves: {@link #route} reads the
 * current stage from a volatile field (no lock, no allocation), and {@link #apply} asks the
 * subclass for the next stage under a lock, records the move and publishes the new stage.
 *
 * @param <S> the stage type
 */
abstract class StagedRollout<S extends StagedRollout.Stage> implements Rollout {
    private final DeploymentStrategy strategy;
    private final Clock clock;
    private final Object lock = new Object();
    private final List<RolloutTransition> transitions = new ArrayList<>();
    private volatile S current;

    /** A stage: its status and how it routes. Immutable. */
    interface Stage {
        /** @return the stage's status */
        RolloutStatus status();

        /**
         * @param unitId the unit, or null
         * @return a route built when the stage was
         */
        Route route(@Nullable String unitId);
    }

    StagedRollout(DeploymentStrategy strategy, Clock clock, S first) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.current = first;
    }

    /**
     * The stage an event leads to from the current one (the same to stay).
     *
     * @param stage the current stage
     * @param event the event
     * @return the next stage
     * @throws IllegalStateException if the stage does not accept the event ({@link #refuse})
     */
    abstract S next(S stage, RolloutEvent event);

    @Override
    public final DeploymentStrategy strategy() {
        return strategy;
    }

    @Override
    public final Route route(@Nullable String unitId) {
        return current.route(unitId);
    }

    @Override
    public final RolloutStatus status() {
        return current.status();
    }

    @Override
    public final RolloutStatus apply(RolloutEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (lock) {
            S before = current;
            S after = next(before, event);
            if (after != before) {
                transitions.add(new RolloutTransition(clock.instant(), before.status(), after.status(),
                        describe(event)));
                current = after;
            }
            return after.status();
        }
    }

    @Override
    public final List<RolloutTransition> transitions() {
        synchronized (lock) {
            return List.copyOf(transitions);
        }
    }

    /**
     * @param stage the current stage
     * @param event the event it does not accept
     * @return the exception to throw, naming the strategy, the stage and the event
     */
    final IllegalStateException refuse(S stage, RolloutEvent event) {
        return new IllegalStateException(strategy.type() + " rollout in stage '" + stage.status().stage()
                + "' does not accept a " + event.getClass().getSimpleName() + " event (" + describe(event) + ")");
    }

    /**
     * @param event an event
     * @return the event in words, as a transition's cause
     */
    static String describe(RolloutEvent event) {
        if (event instanceof RolloutEvent.Promote promote) {
            return "promoted: " + promote.reason();
        } else if (event instanceof RolloutEvent.Rollback rollback) {
            return "rolled back: " + rollback.reason();
        } else if (event instanceof RolloutEvent.Alarm alarm) {
            return "alarm: " + alarm.alarm();
        }
        return "health check of " + ((RolloutEvent.HealthCheck) event).health().keySet();
    }

    @Override
    public String toString() {
        return strategy + " in stage '" + current.status().stage() + "'";
    }
}
