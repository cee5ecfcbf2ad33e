package dev.mlops.deploy.strategy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A strategy running: it routes each request and moves from stage to stage on events (a
 * promotion, a rollback, a periodic health check, a monitoring alarm), recording every move.
 *
 * <p>{@link #route} is on every request's path: it does not allocate, block or take a lock that
 * {@link #apply} holds for long, and it answers from the stage current when it is called.
 * Implementations are thread-safe.
 */
public interface Rollout {

    /** @return the strategy this rollout runs */
    DeploymentStrategy strategy();

    /**
     * Routes one request.
     *
     * @param unitId the unit the request is for (a user, a customer), which sticky strategies hash
     *     to keep the unit on one variant; null when the request names none, in which case a
     *     strategy routes by its own per-request draw
     * @return the route, one of the instances the current stage built
     */
    Route route(@Nullable String unitId);

    /** @return the current stage and how it shares traffic */
    RolloutStatus status();

    /**
     * Applies an event. An event the current stage accepts may move the rollout to another stage
     * (recorded as a {@link RolloutTransition}) or leave it where it is (a health check during a
     * bake time); the strategy's javadoc lists which events each stage accepts.
     *
     * @param event the event
     * @return the status after the event
     * @throws IllegalStateException if the current stage does not accept the event, naming both
     */
    RolloutStatus apply(RolloutEvent event);

    /** @return every transition so far, oldest first */
    List<RolloutTransition> transitions();
}
