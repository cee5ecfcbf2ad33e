package dev.mlops.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deploy.strategy.BlueGreenStrategy;
import dev.mlops.deploy.strategy.DeploymentStrategy;
import dev.mlops.deploy.strategy.Rollout;
import dev.mlops.deploy.strategy.RolloutEvent;
import dev.mlops.deploy.strategy.RolloutEvent.Alarm;
import dev.mlops.deploy.strategy.RolloutEvent.HealthCheck;
import dev.mlops.deploy.strategy.RolloutEvent.Promote;
import dev.mlops.deploy.strategy.RolloutEvent.Rollback;
import dev.mlops.deploy.strategy.RolloutStatus;
import dev.mlops.deploy.strategy.RolloutTransition;
import dev.mlops.deploy.strategy.Route;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The deployment strategy contract passes a sound strategy and fails each kind of broken one. */
class DeploymentStrategyContractSelfTest {
    private static final BlueGreenStrategy SOUND = new BlueGreenStrategy(new BlueGreenStrategy.Settings("b", "g"));
    private static final Map<String, Set<Class<? extends RolloutEvent>>> STAGES = Map.of(
            "blue", Set.of(Promote.class, HealthCheck.class),
            "green", Set.of(Promote.class, Rollback.class, Alarm.class, HealthCheck.class),
            "done", Set.of(HealthCheck.class),
            "rolled back", Set.of(HealthCheck.class));

    /** Blue/green with its rollouts changed by a wrapper. */
    private record Broken(UnaryOperator<Rollout> change) implements DeploymentStrategy {
        @Override
        public String type() {
            return SOUND.type();
        }

        @Override
        public Record settings() {
            return SOUND.settings();
        }

        @Override
        public List<String> variants() {
            return SOUND.variants();
        }

        @Override
        public Rollout start(Clock clock) {
            return change.apply(SOUND.start(clock));
        }
    }

    /** A rollout that delegates everything; subclasses override one behaviour. */
    private static class Delegating implements Rollout {
        final Rollout inner;

        Delegating(Rollout inner) {
            this.inner = inner;
        }

        @Override
        public DeploymentStrategy strategy() {
            return inner.strategy();
        }

        @Override
        public Route route(@Nullable String unitId) {
            return inner.route(unitId);
        }

        @Override
        public RolloutStatus status() {
            return inner.status();
        }

        @Override
        public RolloutStatus apply(RolloutEvent event) {
            return inner.apply(event);
        }

        @Override
        public List<RolloutTransition> transitions() {
            return inner.transitions();
        }
    }

    private static DeploymentStrategyContract contract(DeploymentStrategy strategy,
            Map<String, Set<Class<? extends RolloutEvent>>> stages) {
        return new DeploymentStrategyContract() {
            @Override
            protected DeploymentStrategy strategy() {
                return strategy;
            }

            @Override
            protected boolean sticky() {
                return true;
            }

            @Override
            protected Map<String, Set<Class<? extends RolloutEvent>>> acceptedEvents() {
                return stages;
            }
        };
    }

    @Test
    void aSoundStrategyPasses() {
        DeploymentStrategyContract contract = contract(SOUND, STAGES);
        assertThatCode(() -> {
            contract.everyStageReachedIsListed();
            contract.acceptedEventsMoveAndRecordEachMove();
            contract.otherEventsAreRefusedNamingStageAndEventAndChangeNothing();
            contract.eachRouteHasOneAnsweringVariantAndShadowsThatNeverAnswer();
            contract.aStickyStrategyKeepsEachUnitOnItsVariant();
            contract.routesFromSixteenThreadsWhileEventsAreAppliedAreValidAndNoneIsLost();
            contract.routesFromSixteenThreadsMatchTheShares();
        }).doesNotThrowAnyException();
    }

    @Test
    void aStageMissingFromTheListFails() {
        Map<String, Set<Class<? extends RolloutEvent>>> withoutDone = Map.of(
                "blue", STAGES.get("blue"), "green", STAGES.get("green"), "rolled back", STAGES.get("rolled back"));
        assertThatThrownBy(() -> contract(SOUND, withoutDone).everyStageReachedIsListed())
                .isInstanceOf(AssertionError.class).hasMessageContaining("stage 'done'");
    }

    @Test
    void anEventAcceptedThatTheStageDoesNotListFails() {
        Map<String, Set<Class<? extends RolloutEvent>>> blueRefusesHealthChecks = Map.of(
                "blue", Set.of(Promote.class), "green", STAGES.get("green"), "done", STAGES.get("done"),
                "rolled back", STAGES.get("rolled back"));
        assertThatThrownBy(() -> contract(SOUND, blueRefusesHealthChecks)
                .otherEventsAreRefusedNamingStageAndEventAndChangeNothing())
                .isInstanceOf(AssertionError.class).hasMessageContaining("stage 'blue' applying HealthCheck");
    }

    @Test
    void aRefusalThatDoesNotNameTheEventFails() {
        Broken vague = new Broken(rollout -> new Delegating(rollout) {
            @Override
            public RolloutStatus apply(RolloutEvent event) {
                try {
                    return inner.apply(event);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("no: " + inner.status().stage());
                }
            }
        });
        assertThatThrownBy(() -> contract(vague, STAGES).otherEventsAreRefusedNamingStageAndEventAndChangeNothing())
                .isInstanceOf(AssertionError.class).hasMessageContaining("no: blue");
    }

    @Test
    void aMoveWithoutATransitionFails() {
        Broken forgetful = new Broken(rollout -> new Delegating(rollout) {
            @Override
            public List<RolloutTransition> transitions() {
                return List.of();
            }
        });
        assertThatThrownBy(() -> contract(forgetful, STAGES).acceptedEventsMoveAndRecordEachMove())
                .isInstanceOf(AssertionError.class).hasMessageContaining("transitions after stage 'blue' applying");
    }

    @Test
    void aRouteToAnUnknownVariantOrWithTheAnswerAsShadowFails() {
        Broken unknown = new Broken(rollout -> new Delegating(rollout) {
            private final Route purple = Route.to("purple");

            @Override
            public Route route(@Nullable String unitId) {
                return purple;
            }
        });
        assertThatThrownBy(() -> contract(unknown, STAGES).eachRouteHasOneAnsweringVariantAndShadowsThatNeverAnswer())
                .isInstanceOf(AssertionError.class).hasMessageContaining("purple");
        Broken answeringShadow = new Broken(rollout -> new Delegating(rollout) {
            private final Route withGreenShadow = Route.to("b").withShadow("g");

            @Override
            public Route route(@Nullable String unitId) {
                return withGreenShadow;
            }
        });
        assertThatThrownBy(() -> contract(answeringShadow, STAGES)
                .eachRouteHasOneAnsweringVariantAndShadowsThatNeverAnswer())
                .isInstanceOf(AssertionError.class).hasMessageContaining("shadows");
    }

    @Test
    void routesThatDoNotMatchTheSharesFail() {
        Broken halfAndHalf = new Broken(rollout -> new Delegating(rollout) {
            private final AtomicLong count = new AtomicLong();
            private final Route b = Route.to("b");
            private final Route g = Route.to("g");

            @Override
            public Route route(@Nullable String unitId) {
                return count.incrementAndGet() % 2 == 0 ? b : g;
            }
        });
        assertThatThrownBy(() -> contract(halfAndHalf, STAGES).eachRouteHasOneAnsweringVariantAndShadowsThatNeverAnswer())
                .isInstanceOf(AssertionError.class).hasMessageContaining("share of 'g'");
        assertThatThrownBy(() -> contract(halfAndHalf, STAGES).aStickyStrategyKeepsEachUnitOnItsVariant())
                .isInstanceOf(AssertionError.class).hasMessageContaining("promises stickiness");
    }

    @Test
    void aRolloutThatFailsUnderConcurrentRoutingFails() {
        Broken unsafe = new Broken(rollout -> new Delegating(rollout) {
            private final AtomicLong inside = new AtomicLong();

            @Override
            public Route route(@Nullable String unitId) {
                if (inside.incrementAndGet() > 1) {
                    inside.decrementAndGet();
                    throw new IllegalStateException("two threads routed at once");
                }
                Thread.onSpinWait();
                inside.decrementAndGet();
                return inner.route(unitId);
            }
        });
        assertThatThrownBy(() -> contract(unsafe, STAGES).routesFromSixteenThreadsMatchTheShares())
                .isInstanceOf(AssertionError.class).hasMessageContaining("two threads routed at once");
    }
}
