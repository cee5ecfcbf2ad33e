package dev.mlops.deploy.strategy;

import dev.mlops.core.component.Component;
import java.time.Clock;
import java.util.List;

/**
 * A plan for moving traffic between model variants (blue/green, canary, shadow, A/B): which
 * variants it routes among, how traffic is shared at first and how the sharing may change. The
 * strategy is an immutable {@link Component}, its settings the whole plan; the running state
 * lives in the {@link Rollout} that {@link #start} returns.
 *
 * <p>The contract, which {@code DeploymentStrategyContract} in mlops-testkit checks for any
 * implementation: every {@link Rollout#route} names exactly one answering variant among
 * {@link #variants()}, and shadows that are other variants among them; shadows never change which
 * variant answers; where the strategy promises stickiness, the same unit id gets the same
 * answering variant for as long as the rollout's shares do not change; the rollout moves only on
 * the events the strategy's javadoc lists, records each move, and refuses any other event with an
 * {@link IllegalStateException} naming the stage and the event; a rollout is safe to use from
 * many threads at once.
 */
public interface DeploymentStrategy extends Component {

    /** @return the names of the variants this strategy routes among, in the order its settings give */
    List<String> variants();

    /**
     * Starts a rollout in the strategy's first stage.
     *
     * @param clock the clock that stamps transitions and measures bake times
     * @return a new rollout, independent of any other
     */
    Rollout start(Clock clock);
}
