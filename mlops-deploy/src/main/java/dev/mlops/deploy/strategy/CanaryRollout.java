package dev.mlops.deploy.strategy;

import dev.mlops.deploy.strategy.CanaryGuardrails.Verdict;
import dev.mlops.monitor.alarm.AlarmEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A canary running: the state machine that {@link CanaryStrategy}'s javadoc tables. Routing reads
 * one volatile field and allocates nothing; events are applied one at a time under a lock that
 * routing never takes.
 */
final class CanaryRollout implements Rollout {
    /** SplitMix64's golden gamma, 2^64 / φ: n times it, as a fraction of 2^64, is a Weyl sequence in [0, 1). */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

    /** The stages; a step's number lives in {@link State}. */
    enum Stage {
        /** Step i of n: the canary answers the step's share. */
        STEP(false),
        /** Every step passed: the canary answers everything. */
        COMPLETED(true),
        /** A breach, an alarm or a request sent everything back to the baseline. */
        ROLLED_BACK(true);

        private final boolean finished;

        Stage(boolean finished) {
            this.finished = finished;
        }
    }

    /**
     * Where the rollout stands; replaced whole on each transition.
     *
     * @param stage the stage
     * @param step the step's index (0-based) in {@link Stage#STEP}
     * @param share the canary's share of traffic
     * @param status the status to report
     * @param began when the stage began
     * @param atStart each variant's cumulative health when the stage began (the last health check before it)
     */
    private record State(Stage stage, int step, double share, RolloutStatus status, Instant began,
            Map<String, VariantHealth> atStart) {
    }

    private final CanaryStrategy strategy;
    private final Clock clock;
    private final Logger log;
    private final CanaryGuardrails guardrails;
    private final String name;
    private final long salt;
    private final Route baselineRoute;
    private final Route canaryRoute;
    private final AtomicLong draws = new AtomicLong();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final List<RolloutTransition> transitions = new ArrayList<>();
    /** Guarded by {@link #lock}: the last health check's readings. */
    private Map<String, VariantHealth> lastHealth = Map.of();
    private volatile State state;

    CanaryRollout(CanaryStrategy strategy, Clock clock, Logger log) {
        this.strategy = strategy;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = log;
        CanarySettings settings = strategy.settings();
        this.guardrails = new CanaryGuardrails(settings);
        this.name = "canary " + settings.baseline() + " -> " + settings.canary();
        this.salt = UnitHash.salt(settings.salt());
        this.baselineRoute = Route.to(settings.baseline());
        this.canaryRoute = Route.to(settings.canary());
        this.state = step(0, clock.instant());
        log.info("{}: started at {}", name, state.status().stage());
    }

    @Override
    public DeploymentStrategy strategy() {
        return strategy;
    }

    @Override
    public Route route(@Nullable String unitId) {
        double point = unitId == null ? (draws.getAndIncrement() * GOLDEN_GAMMA >>> 11) * TWO_TO_MINUS_53
                : UnitHash.point(unitId, salt);
        return point < state.share() ? canaryRoute : baselineRoute;
    }

    @Override
    public RolloutStatus status() {
        return state.status();
    }

    @Override
    public RolloutStatus apply(RolloutEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (lock) {
            State current = state;
            if (current.stage().finished) {
                if (event instanceof RolloutEvent.HealthCheck) {
                    return current.status();
                }
                throw new IllegalStateException("the " + name + " in stage '" + current.status().stage()
                        + "' (finished) does not accept a " + event.getClass().getSimpleName() + " event: " + event);
            }
            if (event instanceof RolloutEvent.HealthCheck check) {
                healthCheck(current, check.health());
            } else if (event instanceof RolloutEvent.Promote promote) {
                next(current, "promoted: " + promote.reason());
            } else if (event instanceof RolloutEvent.Rollback rollback) {
                rollBack(current, "rolled back on request: " + rollback.reason());
            } else {
                AlarmEvent alarm = ((RolloutEvent.Alarm) event).alarm();
                if (alarm.raised()) {
                    rollBack(current, "monitoring " + alarm.message());
                } else {
                    log.info("{} stays at {}: {}", name, current.status().stage(), alarm.message());
                }
            }
            return state.status();
        }
    }

    @Override
    public List<RolloutTransition> transitions() {
        synchronized (lock) {
            return List.copyOf(transitions);
        }
    }

    private void healthCheck(State current, Map<String, VariantHealth> health) {
        lastHealth = health;
        Verdict verdict = guardrails.judge(current.atStart(), health);
        String stage = current.status().stage();
        switch (verdict.outcome()) {
            case TOO_FEW_REQUESTS:
                log.info("{} keeps baking at {}: {}", name, stage, verdict.text());
                break;
            case BREACH:
                rollBack(current, "guardrail breached at " + stage + ": " + verdict.text());
                break;
            default:
                Instant now = clock.instant();
                if (now.isBefore(current.began().plus(strategy.settings().bake()))) {
                    log.info("{} keeps baking at {} until {}: {}", name, stage,
                            current.began().plus(strategy.settings().bake()), verdict.text());
                } else {
                    next(current, "bake time " + strategy.settings().bake() + " elapsed at " + stage
                            + " with no breach: " + verdict.text());
                }
                break;
        }
    }

    private void next(State current, String cause) {
        Instant now = clock.instant();
        int following = current.step() + 1;
        move(current, following < strategy.steps() ? step(following, now) : finished(Stage.COMPLETED, 1, now),
                cause, now);
    }

    private void rollBack(State current, String cause) {
        Instant now = clock.instant();
        move(current, finished(Stage.ROLLED_BACK, 0, now), cause, now);
    }

    private void move(State from, State to, String cause, Instant at) {
        transitions.add(new RolloutTransition(at, from.status(), to.status(), cause));
        state = to;
        log.info("{}: {} -> {}: {}", name, from.status().stage(), to.status().stage(), cause);
    }

    private State step(int index, Instant now) {
        double share = strategy.share(index);
        String stage = String.format(Locale.ROOT, "canary %d of %d", index + 1, strategy.steps());
        return new State(Stage.STEP, index, share, status(stage, share, false), now, lastHealth);
    }

    private State finished(Stage stage, double share, Instant now) {
        String label = stage.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return new State(stage, 0, share, status(label, share, true), now, lastHealth);
    }

    private RolloutStatus status(String stage, double share, boolean finished) {
        SortedMap<String, Double> traffic = new TreeMap<>();
        traffic.put(baselineRoute.primary(), 1 - share);
        traffic.put(canaryRoute.primary(), share);
        return new RolloutStatus(stage, traffic, List.of(), finished);
    }
}
