package dev.mlops.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.report.Severity;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.metric.MetricId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BlueGreenAndShadowTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final RolloutEvent PROMOTE = new RolloutEvent.Promote("passed the gate");
    private static final RolloutEvent ROLLBACK = new RolloutEvent.Rollback("errors up");
    private static final RolloutEvent HEALTH = new RolloutEvent.HealthCheck(
            Map.of("a", new VariantHealth(10, 1, Duration.ofMillis(3))));
    private static final RolloutEvent ALARM = new RolloutEvent.Alarm(new AlarmEvent(AlarmEvent.Kind.RAISED, "drift",
            Severity.ERROR, MetricId.of("drift.statistic"), 0.4, 0.2, T0, 1, Optional.empty()));

    @Nested
    class BlueGreen {
        private final BlueGreenStrategy strategy = new BlueGreenStrategy(new BlueGreenStrategy.Settings("v1", "v2"));

        @Test
        void promoteSwitchesAtOnceAndRollbackSwitchesBack() {
            Rollout rollout = strategy.start(CLOCK);
            assertThat(rollout.strategy()).isSameAs(strategy);
            assertThat(strategy.variants()).containsExactly("v1", "v2");
            assertThat(rollout.status()).isEqualTo(new RolloutStatus("blue",
                    new java.util.TreeMap<>(Map.of("v1", 1.0, "v2", 0.0)), List.of(), false));
            assertThat(rollout.route("u").primary()).isEqualTo("v1");
            assertThat(rollout.route(null).shadows()).isEmpty();
            assertThat(rollout.apply(HEALTH).stage()).isEqualTo("blue");
            assertThat(rollout.transitions()).isEmpty();

            RolloutStatus green = rollout.apply(PROMOTE);
            assertThat(green.stage()).isEqualTo("green");
            assertThat(green.traffic()).containsEntry("v2", 1.0).containsEntry("v1", 0.0);
            assertThat(green.finished()).isFalse();
            assertThat(rollout.route("u").primary()).isEqualTo("v2");

            RolloutStatus back = rollout.apply(ROLLBACK);
            assertThat(back.stage()).isEqualTo("rolled back");
            assertThat(back.finished()).isTrue();
            assertThat(rollout.route("u").primary()).isEqualTo("v1");
            assertThat(rollout.transitions()).extracting(RolloutTransition::cause)
                    .containsExactly("promoted: passed the gate", "rolled back: errors up");
            assertThat(rollout.transitions().get(0).at()).isEqualTo(T0);
            assertThat(rollout.transitions().get(1).from()).isEqualTo(green);
            assertThat(rollout.toString()).isEqualTo("blue-green(blue=v1, green=v2) in stage 'rolled back'");
        }

        @Test
        void aSecondPromotionFinishesOnGreenAndAnAlarmOnGreenRollsBack() {
            Rollout done = strategy.start(CLOCK);
            done.apply(PROMOTE);
            RolloutStatus finished = done.apply(PROMOTE);
            assertThat(finished.stage()).isEqualTo("done");
            assertThat(finished.finished()).isTrue();
            assertThat(done.route("u").primary()).isEqualTo("v2");
            assertThat(done.apply(HEALTH)).isEqualTo(finished);

            Rollout alarmed = strategy.start(CLOCK);
            alarmed.apply(PROMOTE);
            assertThat(alarmed.apply(ALARM).stage()).isEqualTo("rolled back");
            assertThat(alarmed.transitions().get(1).cause()).startsWith("alarm: AlarmEvent[kind=RAISED, rule=drift");
        }

        @Test
        void eventsAStageDoesNotAcceptAreRefusedNamingStageAndEvent() {
            Rollout rollout = strategy.start(CLOCK);
            assertThatThrownBy(() -> rollout.apply(ROLLBACK)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("blue-green rollout in stage 'blue' does not accept a Rollback event (rolled back:"
                            + " errors up)");
            assertThatThrownBy(() -> rollout.apply(ALARM)).hasMessageStartingWith(
                    "blue-green rollout in stage 'blue' does not accept a Alarm event (alarm: ");
            rollout.apply(PROMOTE);
            rollout.apply(ROLLBACK);
            assertThatThrownBy(() -> rollout.apply(PROMOTE)).hasMessage("blue-green rollout in stage 'rolled back'"
                    + " does not accept a Promote event (promoted: passed the gate)");
            assertThat(rollout.transitions()).hasSize(2);
        }

        @Test
        void settingsAreChecked() {
            assertThatThrownBy(() -> new BlueGreenStrategy.Settings("v1", "v1"))
                    .hasMessage("blue and green must be different variants, but both are 'v1'");
            assertThatThrownBy(() -> new BlueGreenStrategy.Settings(" ", "v1"))
                    .hasMessage("setting 'blue' must name a variant, but is blank");
            assertThatThrownBy(() -> new BlueGreenStrategy.Settings("v1", ""))
                    .hasMessage("setting 'green' must name a variant, but is blank");
        }

        @Test
        void itIsARegisteredComponent() {
            DeploymentStrategy rebuilt = ComponentRegistry.defaults().create(DeploymentStrategy.class,
                    "blue-green(blue=v1, green=v2)");
            assertThat(rebuilt).isEqualTo(strategy);
        }
    }

    @Nested
    class Shadow {
        private final ShadowStrategy strategy = new ShadowStrategy(new ShadowStrategy.Settings("live", "cand", 0.25, 9));

        @Test
        void thePrimaryAnswersAndAShareOfUnitsIsCopiedAlwaysOrNever() {
            Rollout rollout = strategy.start(CLOCK);
            assertThat(strategy.variants()).containsExactly("live", "cand");
            RolloutStatus status = rollout.status();
            assertThat(status.stage()).isEqualTo("shadowing");
            assertThat(status.traffic()).containsEntry("live", 1.0).containsEntry("cand", 0.0);
            assertThat(status.shadows()).containsExactly("cand");
            int copied = 0;
            for (int unit = 0; unit < 10_000; unit++) {
                Route route = rollout.route("u" + unit);
                assertThat(route.primary()).isEqualTo("live");
                boolean copy = !route.shadows().isEmpty();
                assertThat(copy).isEqualTo(UnitHash.point("u" + unit, 9) < 0.25);
                assertThat(rollout.route("u" + unit)).isSameAs(route);
                copied += copy ? 1 : 0;
            }
            // binomial(10000, 0.25): sd 43.3; six sd
            assertThat(copied).isBetween(2500 - 260, 2500 + 260);
        }

        @Test
        void requestsWithoutUnitAreCopiedByASeededDrawTheSameEveryRun() {
            Rollout one = strategy.start(CLOCK);
            Rollout two = strategy.start(CLOCK);
            Rollout otherSeed = new ShadowStrategy(new ShadowStrategy.Settings("live", "cand", 0.25, 10)).start(CLOCK);
            int copied = 0;
            int differences = 0;
            for (int i = 0; i < 10_000; i++) {
                Route route = one.route(null);
                assertThat(two.route(null)).isEqualTo(route);
                differences += otherSeed.route(null).equals(route) ? 0 : 1;
                copied += route.shadows().isEmpty() ? 0 : 1;
            }
            assertThat(copied).isBetween(2500 - 260, 2500 + 260);
            assertThat(differences).isGreaterThan(1000);
        }

        @Test
        void aShareOfOneCopiesEverything() {
            Rollout rollout = new ShadowStrategy(new ShadowStrategy.Settings("live", "cand", 1.0, 0)).start(CLOCK);
            for (int i = 0; i < 1000; i++) {
                assertThat(rollout.route(i % 2 == 0 ? null : "u" + i).shadows()).containsExactly("cand");
            }
        }

        @Test
        void promoteMakesTheShadowThePrimaryAndRollbackStopsShadowing() {
            Rollout promoted = strategy.start(CLOCK);
            assertThat(promoted.apply(HEALTH).stage()).isEqualTo("shadowing");
            RolloutStatus after = promoted.apply(PROMOTE);
            assertThat(after.stage()).isEqualTo("promoted");
            assertThat(after.finished()).isTrue();
            assertThat(after.shadows()).isEmpty();
            assertThat(after.traffic()).containsEntry("cand", 1.0);
            assertThat(promoted.route("u").primary()).isEqualTo("cand");
            assertThat(promoted.route(null).shadows()).isEmpty();
            assertThat(promoted.apply(HEALTH)).isEqualTo(after);

            Rollout stopped = strategy.start(CLOCK);
            RolloutStatus halted = stopped.apply(ROLLBACK);
            assertThat(halted.stage()).isEqualTo("stopped");
            assertThat(halted.traffic()).containsEntry("live", 1.0);
            assertThat(stopped.route("u")).isEqualTo(Route.to("live"));
            assertThat(stopped.transitions()).singleElement().extracting(RolloutTransition::cause)
                    .isEqualTo("rolled back: errors up");
        }

        @Test
        void alarmsAndEventsAfterTheEndAreRefused() {
            Rollout rollout = strategy.start(CLOCK);
            assertThatThrownBy(() -> rollout.apply(ALARM)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("shadow rollout in stage 'shadowing' does not accept a Alarm event");
            rollout.apply(PROMOTE);
            assertThatThrownBy(() -> rollout.apply(ROLLBACK))
                    .hasMessageStartingWith("shadow rollout in stage 'promoted' does not accept a Rollback event");
            assertThatThrownBy(() -> rollout.apply(PROMOTE))
                    .hasMessageStartingWith("shadow rollout in stage 'promoted' does not accept a Promote event");
            assertThat(rollout.status().stage()).isEqualTo("promoted");
        }

        @Test
        void settingsAreChecked() {
            assertThatThrownBy(() -> new ShadowStrategy.Settings("a", "a", 0.5, 1))
                    .hasMessage("primary and shadow must be different variants, but both are 'a'");
            assertThatThrownBy(() -> new ShadowStrategy.Settings("", "a", 0.5, 1))
                    .hasMessage("setting 'primary' must name a variant, but is blank");
            assertThatThrownBy(() -> new ShadowStrategy.Settings("a", " ", 0.5, 1))
                    .hasMessage("setting 'shadow' must name a variant, but is blank");
            for (double bad : new double[] {0, -0.1, 1.0000001, Double.NaN}) {
                assertThatThrownBy(() -> new ShadowStrategy.Settings("a", "b", bad, 1))
                        .hasMessage("setting 'share' must be in (0, 1], but was " + bad);
            }
        }

        @Test
        void itIsARegisteredComponent() {
            DeploymentStrategy rebuilt = ComponentRegistry.defaults().create(DeploymentStrategy.class,
                    "shadow(primary=live, shadow=cand, share=0.25, seed=9)");
            assertThat(rebuilt).isEqualTo(strategy);
            assertThat(new ShadowStrategy.Type().create(strategy.settings())).isEqualTo(strategy);
            assertThat(new BlueGreenStrategy.Type().description()).contains("instantly");
        }
    }

    @Test
    void healthChecksAreDescribedByTheirVariants() {
        assertThat(StagedRollout.describe(HEALTH)).isEqualTo("health check of [a]");
    }
}
