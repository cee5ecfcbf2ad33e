package dev.mlops.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.report.Severity;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.metric.MetricId;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbStrategyTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private static final AbStrategy HALVES = AbStrategy.of("control:50,treatment:50", "checkout-2026-12");

    @Nested
    class Settings {

        @Test
        void armsKeepTheirOrderWithTheControlFirstAndSharesNormalised() {
            AbStrategy three = AbStrategy.of("control:2, a:1 ,b:1", "x");

            assertThat(three.variants()).containsExactly("control", "a", "b");
            assertThat(three.control()).isEqualTo("control");
            assertThat(three.shares()).containsExactly(Map.entry("control", 0.5), Map.entry("a", 0.25),
                    Map.entry("b", 0.25));
            assertThat(three.type()).isEqualTo("ab");
        }

        @Test
        void theSpecStringRoundTripsThroughTheRegistry() {
            ComponentRegistry registry = ComponentRegistry.defaults();

            DeploymentStrategy made = registry.create(DeploymentStrategy.class,
                    "ab(arms=\"control:50,treatment:50\", salt=checkout-2026-12)");

            assertThat(made).isEqualTo(HALVES);
            assertThat(registry.create(DeploymentStrategy.class, HALVES.spec().toString())).isEqualTo(HALVES);
            assertThat(registry.create(DeploymentStrategy.class, HALVES.spec())).isEqualTo(HALVES);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "control:50                      | needs at least two arms (a control and a treatment) but 'control:50' has 1",
            "control:50,control:50           | arm 'control' appears twice",
            "control:50,treatment            | 'treatment' in 'control:50,treatment' is not one",
            "control:50,:50                  | ':50' in 'control:50,:50' is not one",
            "control:50,treatment:0          | arm 'treatment' must have a positive finite weight but has '0'",
            "control:50,treatment:-1         | arm 'treatment' must have a positive finite weight but has '-1'",
            "control:50,treatment:many       | arm 'treatment' must have a positive finite weight but has 'many'",
            "control:50,treatment:Infinity   | arm 'treatment' must have a positive finite weight but has 'Infinity'",
            "control:50,,treatment:1         | '' in 'control:50,,treatment:1' is not one",
            "contr ol:1,treatment:1          | 'contr ol:1' in",
        })
        void malformedArmsAreRefusedNamingThePair(String arms, String message) {
            assertThatThrownBy(() -> AbStrategy.of(arms, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
        }

        @Test
        void aBlankSaltIsRefused() {
            assertThatThrownBy(() -> AbStrategy.of("a:1,b:1", " ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("salt must not be blank");
        }
    }

    @Nested
    class Routing {

        @Test
        void aUnitAlwaysGetsTheSameArmInEveryRolloutOfTheSamePlan() {
            Rollout first = HALVES.start(CLOCK);
            Rollout second = AbStrategy.of("control:50,treatment:50", "checkout-2026-12").start(CLOCK);

            for (int i = 0; i < 1000; i++) {
                String unit = "user-" + i;
                String arm = first.route(unit).primary();
                assertThat(first.route(unit).primary()).isEqualTo(arm);
                assertThat(second.route(unit).primary()).isEqualTo(arm);
                assertThat(HALVES.assign(unit)).isEqualTo(arm);
            }
        }

        @Test
        void theArmIsTheIntervalOfTheUnitsHashPoint() {
            AbStrategy three = AbStrategy.of("c:1,a:1,b:2", "exp");
            long salt = UnitHash.salt("exp");
            for (int i = 0; i < 2000; i++) {
                double u = UnitHash.point("u" + i, salt);
                String expected = u < 0.25 ? "c" : u < 0.5 ? "a" : "b";
                assertThat(three.assign("u" + i)).as("unit u%s at %s", i, u).isEqualTo(expected);
            }
        }

        @Test
        void unitsSplitByTheWeightsWithinBinomialTolerance() {
            Rollout rollout = AbStrategy.of("control:80,treatment:20", "split").start(CLOCK);
            int n = 100_000;
            int treated = 0;
            for (int i = 0; i < n; i++) {
                if (rollout.route("customer-" + i).primary().equals("treatment")) {
                    treated++;
                }
            }
            // 4 standard deviations of a binomial(100000, 0.2): 4 * sqrt(n * 0.2 * 0.8) = 506
            assertThat(Math.abs(treated - 0.2 * n)).isLessThan(506);
        }

        @Test
        void anotherSaltDrawsAnIndependentSplit() {
            AbStrategy other = AbStrategy.of("control:50,treatment:50", "search-2026-12");
            int n = 20_000;
            int both = 0;
            for (int i = 0; i < n; i++) {
                if (HALVES.assign("u" + i).equals("treatment") && other.assign("u" + i).equals("treatment")) {
                    both++;
                }
            }
            // independent: a quarter in both treatments, +- 4 sd = 4 * sqrt(20000 * 0.25 * 0.75) = 245
            assertThat(Math.abs(both - n / 4.0)).isLessThan(245);
        }

        @Test
        void theSlicesIncludeTheirLowerBoundAndTheLastEndsAtOne() {
            AbStrategy three = AbStrategy.of("c:1,a:1,b:2", "exp");

            assertThat(three.armAt(0.0)).isZero();
            assertThat(three.armAt(Math.nextDown(0.25))).isZero();
            assertThat(three.armAt(0.25)).isEqualTo(1);
            assertThat(three.armAt(0.5)).isEqualTo(2);
            assertThat(three.armAt(Math.nextDown(1.0))).isEqualTo(2);
        }

        @Test
        void theNthRequestWithoutAUnitTakesTheWeylPointOfN() {
            AbStrategy plan = AbStrategy.of("control:1,a:1,b:1,c:1", "weyl");
            Rollout rollout = plan.start(CLOCK);
            for (long n = 0; n < 200; n++) {
                double point = ((plan.salt() + n * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
                assertThat(rollout.route(null).primary()).as("request %s", n)
                        .isEqualTo(plan.variants().get(plan.armAt(point)));
            }
        }

        @Test
        void requestsWithoutAUnitDrawPerRequestWithTheShares() {
            Rollout rollout = AbStrategy.of("control:3,treatment:1", "draws").start(CLOCK);
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < 4000; i++) {
                counts.merge(rollout.route(null).primary(), 1, Integer::sum);
            }
            // the Weyl sequence is equidistributed: far closer to the shares than random draws
            assertThat(counts.get("treatment")).isBetween(990, 1010);
            assertThat(counts.get("control")).isBetween(2990, 3010);
        }

        @Test
        void routingAUnitAllocatesNothing() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            assumeThat(threads).isInstanceOf(com.sun.management.ThreadMXBean.class);
            com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
            assumeThat(allocations.isThreadAllocatedMemorySupported()).isTrue();
            allocations.setThreadAllocatedMemoryEnabled(true);
            Rollout rollout = HALVES.start(CLOCK);
            String[] units = new String[1000];
            for (int i = 0; i < units.length; i++) {
                units[i] = "user-" + i;
            }
            Route control = rollout.route(units[0]).primary().equals("control") ? rollout.route(units[0])
                    : rollout.route(units[1]);
            int treated = route(rollout, units, control);
            long thread = Thread.currentThread().getId();
            long before = allocations.getThreadAllocatedBytes(thread);
            int again = route(rollout, units, control);
            long allocated = allocations.getThreadAllocatedBytes(thread) - before;

            assertThat(again).isEqualTo(treated);
            assertThat(allocated).as("bytes allocated by 100 x 1000 routes").isLessThan(1024);
        }

        /** Counts the units not on the control's route instance; routes as many requests without a unit. */
        private int route(Rollout rollout, String[] units, Route control) {
            int treated = 0;
            for (int round = 0; round < 100; round++) {
                for (String unit : units) {
                    if (rollout.route(unit) != control) {
                        treated++;
                    }
                    rollout.route(null);
                }
            }
            return treated;
        }

        @Test
        void sixteenThreadsRoutingLoseNoRequestAndAgreeWithOneThread() throws Exception {
            Rollout rollout = HALVES.start(CLOCK);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<int[]>> futures = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    futures.add(pool.submit(() -> {
                        int[] counts = new int[2];
                        for (int i = 0; i < 20_000; i++) {
                            String arm = rollout.route("u" + i).primary();
                            counts[arm.equals("control") ? 0 : 1]++;
                        }
                        return counts;
                    }));
                }
                int[] single = new int[2];
                for (int i = 0; i < 20_000; i++) {
                    single[HALVES.assign("u" + i).equals("control") ? 0 : 1]++;
                }
                for (Future<int[]> future : futures) {
                    assertThat(future.get()).containsExactly(single);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Events {

        @Test
        void promotionNamingAnArmSendsAllTrafficThereAndFinishes() {
            Rollout rollout = AbStrategy.of("control:1,a:1,b:1", "three").start(CLOCK);

            RolloutStatus status = rollout.apply(new RolloutEvent.Promote("b", "converts 2 points better"));

            assertThat(status.stage()).isEqualTo("promoted b");
            assertThat(status.traffic()).containsExactly(Map.entry("a", 0.0), Map.entry("b", 1.0),
                    Map.entry("control", 0.0));
            assertThat(status.finished()).isTrue();
            assertThat(rollout.route("anyone").primary()).isEqualTo("b");
            assertThat(rollout.route(null).primary()).isEqualTo("b");
            assertThat(rollout.transitions()).singleElement().satisfies(transition -> {
                assertThat(transition.at()).isEqualTo(T);
                assertThat(transition.from().stage()).isEqualTo("running");
                assertThat(transition.to()).isEqualTo(status);
                assertThat(transition.cause()).isEqualTo("promote b: converts 2 points better");
            });
        }

        @Test
        void withTwoArmsAPromotionNamingNoneSendsAllToTheTreatment() {
            Rollout rollout = HALVES.start(CLOCK);

            assertThat(rollout.apply(new RolloutEvent.Promote("the test is won")).stage())
                    .isEqualTo("promoted treatment");
            assertThat(HALVES.start(CLOCK).apply(new RolloutEvent.Promote("control", "no lift")).stage())
                    .isEqualTo("promoted control");
        }

        @Test
        void withThreeArmsAPromotionMustNameTheArm() {
            Rollout rollout = AbStrategy.of("control:1,a:1,b:1", "three").start(CLOCK);

            assertThatThrownBy(() -> rollout.apply(new RolloutEvent.Promote("a wins")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("A/B test 'three' in stage 'running' refuses Promote[variant=null, reason=a wins]")
                    .hasMessageContaining("with 3 arms a promotion must name the arm to promote"
                            + " (new RolloutEvent.Promote(\"a\", reason)), one of control, a, b");
            assertThatThrownBy(() -> rollout.apply(new RolloutEvent.Promote("c", "no such arm")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'c' is not one of its arms control, a, b");
            assertThat(rollout.status().stage()).isEqualTo("running");
        }

        @Test
        void rollbackStopsTheExperimentOnTheControl() {
            Rollout rollout = HALVES.start(CLOCK);

            RolloutStatus status = rollout.apply(new RolloutEvent.Rollback("checkout errors"));

            assertThat(status.stage()).isEqualTo(AbStrategy.STOPPED);
            assertThat(status.traffic()).containsEntry("control", 1.0).containsEntry("treatment", 0.0);
            assertThat(status.finished()).isTrue();
            assertThat(rollout.route("u1").primary()).isEqualTo("control");
            assertThat(rollout.transitions()).singleElement().extracting(RolloutTransition::cause)
                    .isEqualTo("rollback to the control control: checkout errors");
        }

        @Test
        void anAlarmStopsTheExperimentOnTheControl() {
            Rollout rollout = HALVES.start(CLOCK);
            AlarmEvent alarm = new AlarmEvent(AlarmEvent.Kind.RAISED, "error-rate", Severity.ERROR,
                    MetricId.of("errors"), 0.2, 0.05, T, 1, Optional.empty());

            RolloutStatus status = rollout.apply(new RolloutEvent.Alarm(alarm));

            assertThat(status.stage()).isEqualTo(AbStrategy.STOPPED);
            assertThat(rollout.transitions()).singleElement().extracting(RolloutTransition::cause).asString()
                    .startsWith("alarm 'error-rate' stopped the experiment, all traffic to the control control: ");
        }

        @Test
        void aHealthCheckMovesNothingInAnyStage() {
            Rollout rollout = HALVES.start(CLOCK);
            RolloutEvent.HealthCheck check = new RolloutEvent.HealthCheck(
                    Map.of("control", new VariantHealth(10, 1, Duration.ofMillis(3))));

            assertThat(rollout.apply(check)).isEqualTo(HALVES.start(CLOCK).status());
            rollout.apply(new RolloutEvent.Rollback("stop"));
            assertThat(rollout.apply(check).stage()).isEqualTo(AbStrategy.STOPPED);
            assertThat(rollout.transitions()).hasSize(1);
        }

        @Test
        void aFinishedExperimentRefusesEveryOtherEvent() {
            Rollout rollout = HALVES.start(CLOCK);
            rollout.apply(new RolloutEvent.Promote("treatment", "won"));

            assertThatThrownBy(() -> rollout.apply(new RolloutEvent.Rollback("undo")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("A/B test 'checkout-2026-12' in stage 'promoted treatment' refuses"
                            + " Rollback[reason=undo]: it is finished and accepts only health checks");
            assertThatThrownBy(() -> rollout.apply(new RolloutEvent.Promote("control", "again")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(rollout.transitions()).hasSize(1);
            assertThat(rollout.strategy()).isSameAs(HALVES);
        }

        @Test
        void theRunningStatusCarriesTheShares() {
            RolloutStatus status = AbStrategy.of("control:3,treatment:1", "s").start(CLOCK).status();

            assertThat(status.stage()).isEqualTo(AbStrategy.RUNNING);
            assertThat(status.traffic()).containsExactly(Map.entry("control", 0.75), Map.entry("treatment", 0.25));
            assertThat(status.shadows()).isEmpty();
            assertThat(status.finished()).isFalse();
        }
    }
}
