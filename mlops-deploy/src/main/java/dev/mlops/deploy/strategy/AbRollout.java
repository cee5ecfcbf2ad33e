package dev.mlops.deploy.strategy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A running {@link AbStrategy}: routes by the unit's sticky point until a promotion, a rollback or
 * an alarm puts all traffic on one arm. The stage is one immutable value read from a volatile
 * field, so {@link #route} takes no lock and allocates nothing.
 */
final class AbRollout implements Rollout {
    /** The golden ratio's fraction as a 64-bit fixed-point number: the Weyl sequence's step. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    private final AbStrategy strategy;
    private final Clock clock;
    private final Route[] routes;
    private final AtomicLong draws = new AtomicLong();
    private final List<RolloutTransition> transitions = new ArrayList<>();
    private volatile Stage stage;

    /**
     * A stage: its status, and the arm that takes all traffic, or -1 while the split runs.
     */
    private record Stage(RolloutStatus status, int only) {
    }

    AbRollout(AbStrategy strategy, Clock clock) {
        this.strategy = strategy;
        this.clock = clock;
        List<String> arms = strategy.variants();
        this.routes = new Route[arms.size()];
        for (int i = 0; i < routes.length; i++) {
            routes[i] = Route.to(arms.get(i));
        }
        this.stage = new Stage(new RolloutStatus(AbStrategy.RUNNING, new TreeMap<>(strategy.shares()), List.of(),
                false), -1);
    }

    @Override
    public DeploymentStrategy strategy() {
        return strategy;
    }

    @Override
    public Route route(@Nullable String unitId) {
        Stage current = stage;
        if (current.only >= 0) {
            return routes[current.only];
        }
        double point = unitId != null ? UnitHash.point(unitId, strategy.salt())
                : ((strategy.salt() + draws.getAndIncrement() * GOLDEN) >>> 11) * TWO_TO_MINUS_53;
        return routes[strategy.armAt(point)];
    }

    @Override
    public RolloutStatus status() {
        return stage.status;
    }

    @Override
    public synchronized RolloutStatus apply(RolloutEvent event) {
        Objects.requireNonNull(event, "event");
        Stage current = stage;
        if (event instanceof RolloutEvent.HealthCheck) {
            return current.status;
        }
        if (current.status.finished()) {
            throw refused(current, event, "it is finished and accepts only health checks");
        }
        if (event instanceof RolloutEvent.Promote promote) {
            int arm = promotedArm(current, promote);
            String name = strategy.variants().get(arm);
            return move(current, AbStrategy.promoted(name), arm, "promote " + name + ": " + promote.reason());
        }
        if (event instanceof RolloutEvent.Rollback rollback) {
            return move(current, AbStrategy.STOPPED, 0, "rollback to the control " + strategy.control() + ": "
                    + rollback.reason());
        }
        RolloutEvent.Alarm alarm = (RolloutEvent.Alarm) event;
        return move(current, AbStrategy.STOPPED, 0, "alarm '" + alarm.alarm().rule() + "' stopped the experiment,"
                + " all traffic to the control " + strategy.control() + ": " + alarm.alarm().message());
    }

    @Override
    public synchronized List<RolloutTransition> transitions() {
        return List.copyOf(transitions);
    }

    private int promotedArm(Stage current, RolloutEvent.Promote promote) {
        List<String> arms = strategy.variants();
        if (promote.target().isPresent()) {
            int named = arms.indexOf(promote.target().get());
            if (named < 0) {
                throw refused(current, promote, "'" + promote.target().get() + "' is not one of its arms "
                        + strategy.armList());
            }
            return named;
        }
        if (arms.size() == 2) {
            return 1;
        }
        throw refused(current, promote, "with " + arms.size() + " arms a promotion must name the arm to promote"
                + " (new RolloutEvent.Promote(\"" + arms.get(1) + "\", reason)), one of " + strategy.armList());
    }

    private RolloutStatus move(Stage from, String name, int arm, String cause) {
        Map<String, Double> traffic = new TreeMap<>();
        for (String each : strategy.variants()) {
            traffic.put(each, 0.0);
        }
        traffic.put(strategy.variants().get(arm), 1.0);
        Stage to = new Stage(new RolloutStatus(name, new TreeMap<>(traffic), List.of(), true), arm);
        transitions.add(new RolloutTransition(clock.instant(), from.status, to.status, cause));
        stage = to;
        return to.status;
    }

    private IllegalStateException refused(Stage current, RolloutEvent event, String why) {
        return new IllegalStateException("A/B test '" + strategy.settings().salt() + "' in stage '"
                + current.status.stage() + "' refuses " + event + ": " + why);
    }
}
