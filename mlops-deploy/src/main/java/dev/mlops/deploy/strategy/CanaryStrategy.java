package dev.mlops.deploy.strategy;

import dev.mlops.core.component.AbstractComponent;
import dev.mlops.core.component.ComponentType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A canary release: the new variant answers a growing share of the traffic, step by step on a
 * schedule, while guardrails watch it; a breach sends all traffic back to the baseline at once.
 * <pre>{@code
 * DeploymentStrategy canary = ComponentRegistry.defaults().create(DeploymentStrategy.class,
 *         "canary(baseline=blue, canary=green, steps=\"5,25,50,100\", bake=PT10M, maxErrorRate=0.01,"
 *         + " maxP95=PT0.2S, minRequests=100)");
 * Rollout rollout = canary.start(Clock.systemUTC());
 * Route route = rollout.route(userId);                       // on each request
 * rollout.apply(new RolloutEvent.HealthCheck(endpointHealth)); // every minute or so
 * }</pre>
 * The settings are {@link CanarySettings}.
 *
 * <h2>Stages and the events each accepts</h2>
 * <table>
 * <caption>The canary's state machine: each event's effect in each stage</caption>
 * <tr><th>stage</th><th>canary's share</th><th>HealthCheck</th><th>Promote</th><th>Rollback</th>
 *     <th>Alarm raised</th><th>Alarm cleared</th></tr>
 * <tr><td>{@code canary i of n}</td><td>step i's</td>
 *     <td>a guardrail breached: to {@code rolled back}; fewer than {@code minRequests} canary requests
 *     since the step began: stays (keeps baking, logged); bake time elapsed with no breach: to
 *     {@code canary i+1 of n}, or {@code completed} after the last step; else stays</td>
 *     <td>to {@code canary i+1 of n}, or {@code completed} after the last step</td>
 *     <td>to {@code rolled back}</td><td>to {@code rolled back}</td><td>stays (logged)</td></tr>
 * <tr><td>{@code completed} (finished)</td><td>100 %</td><td>stays (an endpoint keeps checking)</td>
 *     <td colspan="4">refused</td></tr>
 * <tr><td>{@code rolled back} (finished)</td><td>0 %</td><td>stays (an endpoint keeps checking)</td>
 *     <td colspan="4">refused</td></tr>
 * </table>
 * A refused event throws an {@link IllegalStateException} naming the stage and the event. Every
 * move is kept as a {@link RolloutTransition} whose cause says what moved it (the bake time and the
 * measured values, the promotion's or rollback's reason, the breached guardrail with its measured
 * value and threshold, the alarm's rule), and logged through slf4j at info, as are the health
 * checks that leave a step baking.
 *
 * <h2>Guardrails</h2>
 * A {@link RolloutEvent.HealthCheck} carries each variant's cumulative counts. The canary is judged
 * on its requests and errors <em>since its step began</em>: the differences from the last health
 * check before the step began (the first step counts from zero, the endpoint's start; counts that
 * went down mean the endpoint restarted and count whole). Its latency is judged on the p95 the
 * check reports. With fewer than {@code minRequests} requests in the step there is no judgement:
 * the step keeps baking, however long its bake time has run. Otherwise these must hold: error rate
 * at most {@code maxErrorRate}; p95 at most {@code maxP95} (if set); and, if set and the baseline
 * answered at least {@code max(1, minRequests)} requests in the step (else the comparison is
 * skipped and the cause says so), error rate at most the baseline's plus
 * {@code maxErrorRateAboveBaseline} and p95 at most {@code maxP95RatioToBaseline} times the
 * baseline's. An alarm raised by mlops-monitor's alarm evaluator counts as a breach at once.
 *
 * <h2>Routing</h2>
 * Sticky per unit id: a unit whose {@link UnitHash#point point} (salted with the {@code salt}
 * setting) is below the canary's share goes to the canary. Shares only grow from step to step, so
 * a unit only ever moves from the baseline to the canary, never back, until a rollback sends
 * everyone back. A request without a unit id takes the next point of a Weyl sequence on a shared
 * counter (n times the golden ratio, modulo 1), which keeps the observed share within a few
 * requests of the step's share. {@link Rollout#route} reads one volatile field and returns one of
 * two routes built at the start: it allocates nothing and takes no lock.
 *
 * <p>The strategy is immutable and thread-safe; so is each rollout it starts.
 */
public final class CanaryStrategy extends AbstractComponent<CanarySettings> implements DeploymentStrategy {
    /** The component type's name. */
    public static final String NAME = "canary";
    private static final Logger LOG = LoggerFactory.getLogger(CanaryStrategy.class);

    private final double[] shares;

    private CanaryStrategy(CanarySettings settings) {
        super(NAME, settings);
        this.shares = CanarySchedule.parse(settings.steps());
    }

    /**
     * A canary strategy.
     *
     * @param settings the plan
     * @return the strategy
     */
    public static CanaryStrategy of(CanarySettings settings) {
        return new CanaryStrategy(settings);
    }

    /** @return the baseline variant, then the canary */
    @Override
    public List<String> variants() {
        return List.of(settings().baseline(), settings().canary());
    }

    /** @return the canary's traffic share of each step, in (0, 1], increasing; unmodifiable */
    public List<Double> schedule() {
        List<Double> schedule = new ArrayList<>();
        for (double share : shares) {
            schedule.add(share);
        }
        return Collections.unmodifiableList(schedule);
    }

    /**
     * Starts at the first step.
     *
     * @param clock the clock that stamps transitions and measures bake times
     * @return a new rollout at {@code canary 1 of n}
     */
    @Override
    public Rollout start(Clock clock) {
        return new CanaryRollout(this, clock, LOG);
    }

    int steps() {
        return shares.length;
    }

    double share(int step) {
        return shares[step];
    }

    /** {@code "canary"}: the component type of {@link CanaryStrategy}. */
    public static final class Type extends ComponentType<DeploymentStrategy, CanarySettings> {

        /** Describes the type. */
        public Type() {
            super(DeploymentStrategy.class, NAME, CanarySettings.class,
                    "canary release: a growing traffic share on a schedule, guardrails, rollback on a breach");
        }

        @Override
        public DeploymentStrategy create(CanarySettings settings) {
            return of(settings);
        }
    }
}
