package dev.mlops.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.component.ComponentException;
import dev.mlops.core.component.ComponentRegistry;
import dev.mlops.core.report.Severity;
import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.metric.MetricId;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

class CanaryStrategyTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration BAKE = Duration.ofMinutes(10);
    private static final Duration FAST = Duration.ofMillis(100);
    private static final CanarySettings PLAN = CanarySettings.builder("blue", "green").maxP95(Duration.ofMillis(200))
            .build();

    private final MovableClock clock = new MovableClock();
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());

    private CanaryRollout start(CanarySettings settings) {
        Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("info")) {
                        Object[] arguments = args.length == 2 && args[1] instanceof Object[] array ? array
                                : Arrays.copyOfRange(args, 1, args.length);
                        logged.add(MessageFormatter.basicArrayFormat((String) args[0], arguments));
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
        return new CanaryRollout(CanaryStrategy.of(settings), clock, logger);
    }

    /** Cumulative health of blue and green: requests, errors, p95 in milliseconds. */
    private static RolloutEvent.HealthCheck health(long blueRequests, long blueErrors, long blueP95, long greenRequests,
            long greenErrors, long greenP95) {
        return new RolloutEvent.HealthCheck(Map.of(
                "blue", new VariantHealth(blueRequests, blueErrors, Duration.ofMillis(blueP95)),
                "green", new VariantHealth(greenRequests, greenErrors, Duration.ofMillis(greenP95))));
    }

    private static RolloutEvent.HealthCheck green(long requests, long errors, long p95) {
        return health(10 * requests, 0, 50, requests, errors, p95);
    }

    private static AlarmEvent alarm(AlarmEvent.Kind kind) {
        return new AlarmEvent(kind, "green-error-rate", Severity.ERROR, MetricId.of("endpoint.errors"), 0.2, 0.05,
                T0, 3, Optional.empty());
    }

    /** Walks to step {@code index} (0-based) by promotions. */
    private static void promoteTo(Rollout rollout, int index) {
        for (int i = 0; i < index; i++) {
            rollout.apply(new RolloutEvent.Promote("walk"));
        }
    }

    @Nested
    class Settings {

        @Test
        void defaultsAreStated() {
            CanarySettings settings = CanarySettings.builder("blue", "green").build();
            assertThat(settings).isEqualTo(new CanarySettings("blue", "green", "5,25,50,100", Duration.ofMinutes(10),
                    100L, 0.01, null, null, null, "canary:blue->green"));
        }

        @Test
        void theBuilderSetsEachSetting() {
            CanarySettings settings = CanarySettings.builder("a", "b").steps("linear(20)").bake(Duration.ofMinutes(1))
                    .minRequests(7).maxErrorRate(0.2).maxP95(FAST).maxErrorRateAboveBaseline(0.01)
                    .maxP95RatioToBaseline(1.5).salt("s").build();
            assertThat(settings).isEqualTo(new CanarySettings("a", "b", "linear(20)", Duration.ofMinutes(1), 7L, 0.2,
                    FAST, 0.01, 1.5, "s"));
        }

        @Test
        void theSpecOfTheBriefBuildsTheStrategyAndRoundTrips() {
            ComponentRegistry registry = ComponentRegistry.defaults();
            DeploymentStrategy strategy = registry.create(DeploymentStrategy.class, "canary(baseline=blue,"
                    + " canary=green, steps=\"5,25,50,100\", bake=PT10M, maxErrorRate=0.01, maxP95=PT0.2S,"
                    + " minRequests=100)");
            assertThat(strategy).isEqualTo(CanaryStrategy.of(PLAN));
            assertThat(strategy.type()).isEqualTo("canary");
            assertThat(strategy.variants()).containsExactly("blue", "green");
            assertThat(registry.create(DeploymentStrategy.class, strategy.spec().toString())).isEqualTo(strategy);
            assertThat(registry.create(DeploymentStrategy.class, strategy.spec())).isEqualTo(strategy);
        }

        @Test
        void aBadSettingInASpecIsNamed() {
            assertThatThrownBy(() -> ComponentRegistry.defaults().create(DeploymentStrategy.class,
                    "canary(baseline=blue, canary=green, maxErrorRate=2)"))
                    .isInstanceOf(ComponentException.class)
                    .hasMessageContaining("the setting 'maxErrorRate' must be in [0, 1] but was 2.0");
        }

        @ParameterizedTest
        @MethodSource("dev.mlops.deploy.strategy.CanaryStrategyTest#badSettings")
        void badSettingsAreRefusedWithTheirNameAndValue(CanarySettings.Builder builder, String message) {
            assertThatIllegalArgumentException().isThrownBy(builder::build).withMessage(message);
        }

        @Test
        void missingOrEqualVariantsAreRefused() {
            assertThatNullPointerException().isThrownBy(() -> new CanarySettings(null, "green", null, null, null,
                    null, null, null, null, null)).withMessage("baseline");
            assertThatIllegalArgumentException().isThrownBy(() -> CanarySettings.builder("blue", " ").build())
                    .withMessage("setting 'canary' must name a variant, but is blank");
            assertThatIllegalArgumentException().isThrownBy(() -> CanarySettings.builder("blue", "blue").build())
                    .withMessage("the settings 'baseline' and 'canary' must name two variants but both were 'blue'");
            assertThatThrownBy(() -> ComponentRegistry.defaults().create(DeploymentStrategy.class, "canary(canary=green)"))
                    .isInstanceOf(ComponentException.class).hasMessageContaining("baseline");
        }
    }

    static Stream<Arguments> badSettings() {
        String steps = "the setting 'steps' must be percentages such as \"5,25,50,100\" or \"linear(10)\" but was ";
        return Stream.of(
                Arguments.of(b().steps("5,x,100"), steps + "\"5,x,100\": 'x' is not a number"),
                Arguments.of(b().steps(""), steps + "\"\": '' is not a number"),
                Arguments.of(b().steps("25, 5"), steps + "\"25, 5\": the percentages must strictly increase, but 5"
                        + " follows 25"),
                Arguments.of(b().steps("5,5"), steps + "\"5,5\": the percentages must strictly increase, but 5 follows 5"),
                Arguments.of(b().steps("0,50"), steps + "\"0,50\": each percentage must be in (0, 100], but one was 0"),
                Arguments.of(b().steps("50,100.5"), steps + "\"50,100.5\": each percentage must be in (0, 100], but"
                        + " one was 100.5"),
                Arguments.of(b().steps("linear(0)"), steps + "\"linear(0)\": each percentage must be in (0, 100], but"
                        + " one was 0"),
                Arguments.of(b().steps("linear(ten)"), steps + "\"linear(ten)\": 'ten' is not a number"),
                Arguments.of(b().bake(Duration.ofSeconds(-1)), "the setting 'bake' must not be negative but was PT-1S"),
                Arguments.of(b().minRequests(-1), "the setting 'minRequests' must be at least 0 but was -1"),
                Arguments.of(b().maxErrorRate(-0.1), "the setting 'maxErrorRate' must be in [0, 1] but was -0.1"),
                Arguments.of(b().maxErrorRate(1.1), "the setting 'maxErrorRate' must be in [0, 1] but was 1.1"),
                Arguments.of(b().maxErrorRate(Double.NaN), "the setting 'maxErrorRate' must be in [0, 1] but was NaN"),
                Arguments.of(b().maxP95(Duration.ZERO), "the setting 'maxP95' must be a positive duration but was PT0S"),
                Arguments.of(b().maxP95(Duration.ofMillis(-5)), "the setting 'maxP95' must be a positive duration but"
                        + " was PT-0.005S"),
                Arguments.of(b().maxErrorRateAboveBaseline(1.5), "the setting 'maxErrorRateAboveBaseline' must be in"
                        + " [0, 1] but was 1.5"),
                Arguments.of(b().maxP95RatioToBaseline(0), "the setting 'maxP95RatioToBaseline' must be a positive"
                        + " number but was 0.0"),
                Arguments.of(b().maxP95RatioToBaseline(Double.POSITIVE_INFINITY), "the setting 'maxP95RatioToBaseline'"
                        + " must be a positive number but was Infinity"),
                Arguments.of(b().salt(" "), "the setting 'salt' must not be blank but was ' '"));
    }

    private static CanarySettings.Builder b() {
        return CanarySettings.builder("blue", "green");
    }

    @Nested
    class Schedule {

        @Test
        void anExplicitListIsInPercent() {
            assertThat(CanaryStrategy.of(PLAN).schedule()).containsExactly(0.05, 0.25, 0.5, 1.0);
            assertThat(CanaryStrategy.of(b().steps(" 0.5, 1 ,50").build()).schedule()).containsExactly(0.005, 0.01, 0.5);
            assertThat(CanaryStrategy.of(b().steps("100").build()).schedule()).containsExactly(1.0);
        }

        @Test
        void linearStepsEndAtAHundred() {
            assertThat(CanaryStrategy.of(b().steps("linear(10)").build()).schedule())
                    .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
            assertThat(CanaryStrategy.of(b().steps("linear(30)").build()).schedule()).containsExactly(0.3, 0.6, 0.9, 1.0);
            assertThat(CanaryStrategy.of(b().steps(" linear ( 25 ) ").build()).schedule())
                    .containsExactly(0.25, 0.5, 0.75, 1.0);
            assertThat(CanaryStrategy.of(b().steps("linear(100)").build()).schedule()).containsExactly(1.0);
            assertThat(CanaryStrategy.of(b().steps("linear(33.333333333)").build()).schedule()).hasSize(3);
        }

        @Test
        void theScheduleIsUnmodifiable() {
            assertThatThrownBy(() -> CanaryStrategy.of(PLAN).schedule().add(0.7))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Walk {

        @Test
        void theRolloutStartsAtTheFirstStep() {
            CanaryRollout rollout = start(PLAN);
            assertThat(rollout.strategy()).isEqualTo(CanaryStrategy.of(PLAN));
            assertThat(rollout.status()).isEqualTo(new RolloutStatus("canary 1 of 4",
                    new TreeMap<>(Map.of("blue", 0.95, "green", 0.05)), List.of(), false));
            assertThat(rollout.transitions()).isEmpty();
            assertThat(logged).containsExactly("canary blue -> green: started at canary 1 of 4");
        }

        @Test
        void eachStepBakesThenTheNextBegins() {
            CanaryRollout rollout = start(PLAN);
            long requests = 0;
            for (int step = 1; step <= 4; step++) {
                clock.advance(BAKE.minusSeconds(1));
                requests += 1000;
                assertThat(rollout.apply(green(requests, 0, 150)).stage()).isEqualTo("canary " + step + " of 4");
                clock.advance(Duration.ofSeconds(1));
                requests += 10;
                RolloutStatus status = rollout.apply(green(requests, 0, 150));
                assertThat(status.stage()).isEqualTo(step < 4 ? "canary " + (step + 1) + " of 4" : "completed");
            }
            RolloutStatus done = rollout.status();
            assertThat(done.finished()).isTrue();
            assertThat(done.traffic()).containsExactly(Map.entry("blue", 0.0), Map.entry("green", 1.0));
            List<RolloutTransition> transitions = rollout.transitions();
            assertThat(transitions).extracting(t -> t.to().stage())
                    .containsExactly("canary 2 of 4", "canary 3 of 4", "canary 4 of 4", "completed");
            assertThat(transitions).extracting(RolloutTransition::at).containsExactly(T0.plus(BAKE),
                    T0.plus(BAKE.multipliedBy(2)), T0.plus(BAKE.multipliedBy(3)), T0.plus(BAKE.multipliedBy(4)));
            assertThat(transitions.get(0).from().traffic().get("green")).isEqualTo(0.05);
            assertThat(transitions.get(0).to().traffic().get("green")).isEqualTo(0.25);
            assertThat(transitions.get(0).cause()).isEqualTo("bake time PT10M elapsed at canary 1 of 4 with no breach:"
                    + " canary 'green' answered 1010 requests since the step began with error rate 0 (0 errors;"
                    + " maxErrorRate 0.01), cumulative p95 latency PT0.15S (maxP95 PT0.2S)");
            assertThat(transitions.get(1).cause()).contains("canary 'green' answered 1010 requests since the step began");
            assertThat(logged).contains("canary blue -> green: canary 3 of 4 -> canary 4 of 4: "
                    + transitions.get(2).cause());
            assertThat(logged).contains("canary blue -> green keeps baking at canary 1 of 4 until 2026-12-07T10:10:00Z:"
                    + " canary 'green' answered 1000 requests since the step began with error rate 0 (0 errors;"
                    + " maxErrorRate 0.01), cumulative p95 latency PT0.15S (maxP95 PT0.2S)");
        }

        @Test
        void aZeroBakeTimeStepsOnEachHealthyCheck() {
            CanaryRollout rollout = start(b().bake(Duration.ZERO).steps("50,100").build());
            assertThat(rollout.apply(green(100, 0, 10)).stage()).isEqualTo("canary 2 of 2");
            assertThat(rollout.apply(green(200, 0, 10)).stage()).isEqualTo("completed");
        }

        @Test
        void tooFewRequestsKeepTheStepBakingAndSaySo() {
            CanaryRollout rollout = start(PLAN);
            clock.advance(BAKE.multipliedBy(3));
            assertThat(rollout.apply(green(99, 50, 900)).stage()).isEqualTo("canary 1 of 4");
            assertThat(logged).contains("canary blue -> green keeps baking at canary 1 of 4: canary 'green' answered 99"
                    + " requests since the step began, fewer than minRequests 100");
            assertThat(rollout.transitions()).isEmpty();
            assertThat(rollout.apply(green(100, 0, 100)).stage()).isEqualTo("canary 2 of 4");
        }

        @Test
        void aCheckWithoutTheCanaryCountsNoRequests() {
            CanaryRollout rollout = start(PLAN);
            clock.advance(BAKE);
            RolloutStatus status = rollout.apply(new RolloutEvent.HealthCheck(
                    Map.of("blue", new VariantHealth(5000, 0, FAST))));
            assertThat(status.stage()).isEqualTo("canary 1 of 4");
            assertThat(logged).last().asString().endsWith("canary 'green' answered 0 requests since the step began,"
                    + " fewer than minRequests 100");
        }

        @Test
        void requestsCountSinceTheStepBegan() {
            CanaryRollout rollout = start(PLAN);
            clock.advance(BAKE);
            rollout.apply(green(10_000, 0, 100));                       // step 2 counts from here
            clock.advance(Duration.ofMinutes(1));
            // cumulative: 10 of 10,200 (0.1 %); since the step began: 10 of 200 (5 %)
            RolloutStatus status = rollout.apply(green(10_200, 10, 100));
            assertThat(status.stage()).isEqualTo("rolled back");
            assertThat(rollout.transitions().get(1).cause()).isEqualTo("guardrail breached at canary 2 of 4: canary"
                    + " 'green' error rate 0.05 (10 errors of 200 requests since the step began) > maxErrorRate 0.01");
        }

        @Test
        void aPromotionCountsFromTheLastCheck() {
            CanaryRollout rollout = start(PLAN);
            rollout.apply(green(5000, 40, 100));                        // 0.8 %: passes, still baking
            rollout.apply(new RolloutEvent.Promote("looks fine"));
            clock.advance(BAKE);
            // since the promotion's reference: 20 errors of 1000 = 2 %; cumulative 60 of 6000 = 1 %
            assertThat(rollout.apply(green(6000, 60, 100)).stage()).isEqualTo("rolled back");
            assertThat(rollout.transitions().get(1).cause()).contains("error rate 0.02 (20 errors of 1000 requests");
        }

        @Test
        void countsThatGoDownMeanARestartAndCountWhole() {
            CanaryRollout rollout = start(PLAN);
            clock.advance(BAKE);
            rollout.apply(green(10_000, 5, 100));
            clock.advance(BAKE);
            assertThat(rollout.apply(green(150, 0, 100)).stage()).isEqualTo("canary 3 of 4");
            assertThat(rollout.transitions().get(1).cause()).contains("answered 150 requests since the step began");
            clock.advance(BAKE);
            assertThat(rollout.apply(health(1_000_000, 0, 50, 140, 3, 100)).stage()).isEqualTo("rolled back");
            assertThat(rollout.transitions().get(2).cause()).contains("error rate 0.02143 (3 errors of 140 requests");
        }

        @Test
        void countsEqualToTheStepsStartAreNoNewRequests() {
            CanaryRollout rollout = start(PLAN);
            clock.advance(BAKE);
            rollout.apply(green(1000, 5, 100));                         // step 2 counts from here
            clock.advance(BAKE);
            assertThat(rollout.apply(green(1000, 5, 100)).stage()).isEqualTo("canary 2 of 4");
            assertThat(logged).last().asString().endsWith("answered 0 requests since the step began, fewer than"
                    + " minRequests 100");
            assertThat(rollout.apply(green(1050, 5, 100)).stage()).isEqualTo("canary 2 of 4");
            assertThat(logged).last().asString().endsWith("answered 50 requests since the step began, fewer than"
                    + " minRequests 100");
        }

        @Test
        void promoteTakesTheNextStepNowAndCompletesAfterTheLast() {
            CanaryRollout rollout = start(PLAN);
            for (int step = 2; step <= 4; step++) {
                assertThat(rollout.apply(new RolloutEvent.Promote("manual " + step)).stage())
                        .isEqualTo("canary " + step + " of 4");
            }
            assertThat(rollout.apply(new RolloutEvent.Promote("ship it"))).satisfies(status -> {
                assertThat(status.stage()).isEqualTo("completed");
                assertThat(status.finished()).isTrue();
            });
            assertThat(rollout.transitions()).extracting(RolloutTransition::cause)
                    .containsExactly("promoted: manual 2", "promoted: manual 3", "promoted: manual 4", "promoted: ship it");
            assertThat(rollout.transitions()).extracting(RolloutTransition::at).containsOnly(T0);
        }

        @Test
        void aRollbackRequestSendsEverythingBack() {
            CanaryRollout rollout = start(PLAN);
            promoteTo(rollout, 2);
            clock.advance(FAST);
            RolloutStatus status = rollout.apply(new RolloutEvent.Rollback("customer complaints"));
            assertThat(status).isEqualTo(new RolloutStatus("rolled back",
                    new TreeMap<>(Map.of("blue", 1.0, "green", 0.0)), List.of(), true));
            RolloutTransition last = rollout.transitions().get(2);
            assertThat(last.from().stage()).isEqualTo("canary 3 of 4");
            assertThat(last.cause()).isEqualTo("rolled back on request: customer complaints");
            assertThat(last.at()).isEqualTo(T0.plus(FAST));
            assertThat(logged).last().isEqualTo("canary blue -> green: canary 3 of 4 -> rolled back: rolled back on"
                    + " request: customer complaints");
        }
    }

    @Nested
    class Guardrails {

        @ParameterizedTest(name = "at step {0}")
        @ValueSource(ints = {0, 1, 2, 3})
        void anErrorRateBreachRollsBackAtOnce(int step) {
            CanaryRollout rollout = start(PLAN);
            promoteTo(rollout, step);
            RolloutStatus status = rollout.apply(green(1000, 11, 100));
            assertThat(status.stage()).isEqualTo("rolled back");
            assertThat(status.traffic().get("green")).isZero();
            assertThat(rollout.transitions().get(step).cause()).isEqualTo("guardrail breached at canary " + (step + 1)
                    + " of 4: canary 'green' error rate 0.011 (11 errors of 1000 requests since the step began)"
                    + " > maxErrorRate 0.01");
            for (int i = 0; i < 1000; i++) {
                assertThat(rollout.route("user-" + i).primary()).isEqualTo("blue");
            }
        }

        @ParameterizedTest(name = "at step {0}")
        @ValueSource(ints = {0, 1, 2, 3})
        void aLatencyBreachRollsBackAtOnce(int step) {
            CanaryRollout rollout = start(PLAN);
            promoteTo(rollout, step);
            assertThat(rollout.apply(green(1000, 0, 201)).stage()).isEqualTo("rolled back");
            assertThat(rollout.transitions().get(step).cause()).isEqualTo("guardrail breached at canary " + (step + 1)
                    + " of 4: canary 'green' cumulative p95 latency PT0.201S > maxP95 PT0.2S");
        }

        @Test
        void thresholdsThemselvesPass() {
            CanaryRollout rollout = start(PLAN);
            assertThat(rollout.apply(green(1000, 10, 200)).stage()).isEqualTo("canary 1 of 4");
            clock.advance(BAKE);
            assertThat(rollout.apply(green(1000, 10, 200)).stage()).isEqualTo("canary 2 of 4");
        }

        @Test
        void everyBreachIsNamed() {
            CanaryRollout rollout = start(PLAN);
            rollout.apply(green(100, 50, 300));
            assertThat(rollout.transitions().get(0).cause()).isEqualTo("guardrail breached at canary 1 of 4: canary"
                    + " 'green' error rate 0.5 (50 errors of 100 requests since the step began) > maxErrorRate 0.01;"
                    + " canary 'green' cumulative p95 latency PT0.3S > maxP95 PT0.2S");
        }

        @Test
        void withoutALatencyGuardrailLatencyIsNotJudged() {
            CanaryRollout rollout = start(b().bake(Duration.ZERO).build());
            assertThat(rollout.apply(green(1000, 0, 60_000)).stage()).isEqualTo("canary 2 of 4");
            assertThat(rollout.transitions().get(0).cause()).doesNotContain("p95");
        }

        @Test
        void theErrorRateMayExceedTheBaselinesOnlyByTheMargin() {
            CanaryRollout rollout = start(b().maxErrorRate(1).maxErrorRateAboveBaseline(0.01).build());
            // baseline 2 %, canary 3 %: within 2 % + 1 %
            assertThat(rollout.apply(health(10_000, 200, 50, 1000, 30, 50)).stage()).isEqualTo("canary 1 of 4");
            assertThat(logged).last().asString().endsWith("; baseline 'blue' answered 10000 requests with error rate"
                    + " 0.02 and cumulative p95 latency PT0.05S");
            // since then: baseline 100 of 10,000 = 1 %, canary 25 of 1,000 = 2.5 %
            assertThat(rollout.apply(health(20_000, 300, 50, 2000, 55, 50)).stage()).isEqualTo("rolled back");
            assertThat(rollout.transitions().get(0).cause()).isEqualTo("guardrail breached at canary 1 of 4: canary"
                    + " 'green' error rate 0.0275 > baseline 'blue' error rate 0.015 + maxErrorRateAboveBaseline 0.01"
                    + " = 0.025");
        }

        @Test
        void theLatencyMayExceedTheBaselinesOnlyByTheRatio() {
            CanaryRollout rollout = start(b().maxP95RatioToBaseline(1.5).build());
            assertThat(rollout.apply(health(10_000, 0, 100, 1000, 0, 150)).stage()).isEqualTo("canary 1 of 4");
            assertThat(rollout.apply(health(20_000, 0, 100, 2000, 0, 151)).stage()).isEqualTo("rolled back");
            assertThat(rollout.transitions().get(0).cause()).isEqualTo("guardrail breached at canary 1 of 4: canary"
                    + " 'green' cumulative p95 latency PT0.151S > maxP95RatioToBaseline 1.5 x baseline 'blue' cumulative p95 latency PT0.1S"
                    + " = PT0.15S");
        }

        @Test
        void aBaselineWithTooFewRequestsIsNotCompared() {
            CanaryRollout rollout = start(b().maxP95RatioToBaseline(1.5).maxErrorRateAboveBaseline(0).minRequests(0)
                    .bake(Duration.ZERO).steps("100").build());
            assertThat(rollout.apply(health(0, 0, 0, 1, 0, 500)).stage()).isEqualTo("completed");
            assertThat(rollout.transitions().get(0).cause()).endsWith("; no comparison with baseline 'blue', which"
                    + " answered 0 requests since the step began");
        }

        @Test
        void aBaselineWithMinRequestsIsCompared() {
            CanaryRollout rollout = start(b().maxErrorRateAboveBaseline(0).maxErrorRate(1).build());
            assertThat(rollout.apply(health(100, 0, 10, 100, 1, 10)).stage()).isEqualTo("rolled back");
        }

        @Test
        void aRaisedAlarmRollsBackNamingItsRule() {
            CanaryRollout rollout = start(PLAN);
            promoteTo(rollout, 1);
            clock.advance(FAST);
            AlarmEvent raised = alarm(AlarmEvent.Kind.RAISED);
            assertThat(rollout.apply(new RolloutEvent.Alarm(raised)).stage()).isEqualTo("rolled back");
            RolloutTransition last = rollout.transitions().get(1);
            assertThat(last.cause()).isEqualTo("monitoring " + raised.message())
                    .startsWith("monitoring alarm 'green-error-rate' raised (error): endpoint.errors");
            assertThat(last.at()).isEqualTo(T0.plus(FAST));
        }

        @Test
        void aClearedAlarmLeavesTheStepAsItIs() {
            CanaryRollout rollout = start(PLAN);
            AlarmEvent cleared = alarm(AlarmEvent.Kind.CLEARED);
            assertThat(rollout.apply(new RolloutEvent.Alarm(cleared)).stage()).isEqualTo("canary 1 of 4");
            assertThat(rollout.transitions()).isEmpty();
            assertThat(logged).last().isEqualTo("canary blue -> green stays at canary 1 of 4: " + cleared.message());
        }
    }

    @Nested
    class FinishedStages {

        static Stream<RolloutEvent> refused() {
            return Stream.of(new RolloutEvent.Promote("again"), new RolloutEvent.Rollback("again"),
                    new RolloutEvent.Alarm(alarm(AlarmEvent.Kind.RAISED)),
                    new RolloutEvent.Alarm(alarm(AlarmEvent.Kind.CLEARED)));
        }

        @ParameterizedTest
        @MethodSource("refused")
        void aCompletedRolloutRefusesEveryEventButHealthChecks(RolloutEvent event) {
            CanaryRollout rollout = start(PLAN);
            promoteTo(rollout, 4);
            assertThatIllegalStateException().isThrownBy(() -> rollout.apply(event))
                    .withMessage("the canary blue -> green in stage 'completed' (finished) does not accept a "
                            + event.getClass().getSimpleName() + " event: " + event);
            assertThat(rollout.status().stage()).isEqualTo("completed");
            assertThat(rollout.transitions()).hasSize(4);
        }

        @ParameterizedTest
        @MethodSource("refused")
        void aRolledBackRolloutRefusesEveryEventButHealthChecks(RolloutEvent event) {
            CanaryRollout rollout = start(PLAN);
            rollout.apply(new RolloutEvent.Rollback("stop"));
            assertThatIllegalStateException().isThrownBy(() -> rollout.apply(event))
                    .withMessage("the canary blue -> green in stage 'rolled back' (finished) does not accept a "
                            + event.getClass().getSimpleName() + " event: " + event);
            assertThat(rollout.transitions()).hasSize(1);
        }

        @Test
        void healthChecksAfterTheEndChangeNothing() {
            CanaryRollout rollout = start(PLAN);
            promoteTo(rollout, 4);
            RolloutStatus done = rollout.status();
            clock.advance(BAKE);
            assertThat(rollout.apply(green(1_000_000, 900_000, 60_000))).isSameAs(done);
            CanaryRollout back = start(PLAN);
            back.apply(new RolloutEvent.Rollback("stop"));
            assertThat(back.apply(green(1_000_000, 0, 1)).stage()).isEqualTo("rolled back");
            assertThat(rollout.transitions()).hasSize(4);
            assertThat(back.transitions()).hasSize(1);
        }

        @Test
        void aNullEventIsRefused() {
            assertThatThrownBy(() -> start(PLAN).apply(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("event");
        }
    }

    @Nested
    class Routing {
        private static final int UNITS = 100_000;

        @Test
        void routesArePrebuiltInstances() {
            CanaryRollout rollout = start(b().steps("50,100").build());
            Set<Route> routes = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < 1000; i++) {
                routes.add(rollout.route("u" + i));
                routes.add(rollout.route(null));
            }
            assertThat(routes).extracting(Route::primary).containsExactlyInAnyOrder("blue", "green");
            assertThat(routes).allSatisfy(route -> assertThat(route.shadows()).isEmpty());
        }

        @Test
        void unitsStickAndOnlyMoveFromBaselineToCanaryAndTheSharesHold() {
            CanaryRollout rollout = start(PLAN);
            boolean[] onCanary = new boolean[UNITS];
            List<Double> schedule = CanaryStrategy.of(PLAN).schedule();
            for (int step = 0; step < schedule.size(); step++) {
                double share = schedule.get(step);
                int canary = 0;
                for (int i = 0; i < UNITS; i++) {
                    String unit = "customer-" + i;
                    boolean now = rollout.route(unit).primary().equals("green");
                    assertThat(rollout.route(unit).primary()).as("unit %s is sticky", unit)
                            .isEqualTo(now ? "green" : "blue");
                    if (onCanary[i]) {
                        assertThat(now).as("unit %s moved back from the canary at step %d", unit, step + 1).isTrue();
                    }
                    onCanary[i] = now;
                    canary += now ? 1 : 0;
                }
                // binomial: 4.5 standard deviations of 100,000 draws
                double tolerance = 4.5 * Math.sqrt(UNITS * share * (1 - share));
                assertThat((double) canary).as("canary units at step %d", step + 1)
                        .isCloseTo(share * UNITS, within(tolerance + 1e-9));
                rollout.apply(new RolloutEvent.Promote("next"));
            }
        }

        @Test
        void requestsWithoutAUnitIdMatchTheShare() {
            CanaryRollout rollout = start(PLAN);
            for (double share : CanaryStrategy.of(PLAN).schedule()) {
                int canary = 0;
                for (int i = 0; i < UNITS; i++) {
                    canary += rollout.route(null).primary().equals("green") ? 1 : 0;
                }
                // a Weyl sequence fills [0, 1) evenly: far tighter than a random draw's standard deviations
                assertThat((double) canary).isCloseTo(share * UNITS, within(10.0));
                rollout.apply(new RolloutEvent.Promote("next"));
            }
        }

        @Test
        void afterARollbackEvenTheFirstDrawGoesToTheBaseline() {
            CanaryRollout rollout = start(PLAN);
            rollout.apply(new RolloutEvent.Rollback("at once"));
            assertThat(rollout.route(null).primary()).isEqualTo("blue");  // the first draw is the point 0
        }

        @Test
        void aSaltPlacesUnitsElsewhere() {
            CanaryRollout one = start(b().steps("50,100").build());
            CanaryRollout other = start(b().steps("50,100").salt("another").build());
            int same = 0;
            for (int i = 0; i < 10_000; i++) {
                same += one.route("u" + i).equals(other.route("u" + i)) ? 1 : 0;
            }
            assertThat(same).isBetween(4_700, 5_300);
        }

        @Test
        void routingAllocatesNothing() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            CanaryRollout rollout = start(PLAN);
            String[] units = new String[1000];
            for (int i = 0; i < units.length; i++) {
                units[i] = "unit-" + i;
            }
            long sink = 0;
            for (int round = 0; round < 3; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 200_000; i++) {
                    sink += rollout.route(units[i % units.length]).primary().length();
                    sink += rollout.route(null).primary().length();
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                if (round == 2) {
                    assertThat(allocated).as("bytes allocated by 400,000 routings").isLessThan(4096);
                }
            }
            assertThat(sink).isPositive();
        }

        @Test
        void sixteenThreadsRouteWhileAnotherAppliesEvents() throws Exception {
            CanaryRollout rollout = start(b().bake(Duration.ZERO).minRequests(1).steps("linear(5)").build());
            int threads = 16;
            int requests = 20_000;
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong progress = new AtomicLong();
            AtomicInteger applied = new AtomicInteger();
            try {
                List<Future<long[]>> routers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    routers.add(pool.submit(() -> {
                        go.await();
                        boolean[] seenCanary = new boolean[100];
                        long[] counts = new long[2];
                        for (int i = 0; i < requests; i++) {
                            // at most two steps ahead of the event thread, which two cores may starve
                            while (applied.get() < Math.min(i / (requests / 25) - 2, 20)) {
                                Thread.yield();
                            }
                            int unit = i % 100;
                            Route route = rollout.route(i % 2 == 0 ? "t" + thread + "-" + unit : null);
                            boolean canary = route.primary().equals("green");
                            counts[canary ? 1 : 0]++;
                            if (i % 100 == 99) {
                                progress.incrementAndGet();
                            }
                            if (i % 2 == 0) {
                                if (seenCanary[unit] && !canary) {
                                    throw new AssertionError("unit " + unit + " of thread " + thread
                                            + " moved back to the baseline at request " + i);
                                }
                                seenCanary[unit] |= canary;
                            }
                        }
                        return counts;
                    }));
                }
                Future<?> events = pool.submit(() -> {
                    go.await();
                    long total = 0;
                    for (int step = 1; !rollout.status().finished(); step++) {
                        // one step per 1/25 of the routing, so that routers see every share
                        while (progress.get() < step * (long) threads * requests / 100 / 25) {
                            Thread.yield();
                        }
                        total += 10;
                        rollout.apply(green(total, 0, 1));
                        applied.incrementAndGet();
                        rollout.status();
                        rollout.transitions();
                    }
                    return null;
                });
                go.countDown();
                events.get(30, TimeUnit.SECONDS);
                long routed = 0;
                long canary = 0;
                for (Future<long[]> router : routers) {
                    long[] counts = router.get(30, TimeUnit.SECONDS);
                    routed += counts[0] + counts[1];
                    canary += counts[1];
                }
                assertThat(routed).isEqualTo((long) threads * requests);
                // 5 %, 10 %, ... 100 % over the first 80 % of the requests, then 100 %: about 62 %, less
                // when the routers run ahead of the events
                assertThat((double) canary / routed).isBetween(0.4, 0.8);
            } finally {
                pool.shutdownNow();
            }
            assertThat(rollout.transitions()).hasSize(20);
            assertThat(rollout.status().stage()).isEqualTo("completed");
            assertThat(rollout.route("anyone").primary()).isEqualTo("green");
            assertThat(rollout.route(null).primary()).isEqualTo("green");
        }
    }

    /** A UTC clock that tests move forward by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant instant = T0;

        void advance(Duration step) {
            instant = instant.plus(step);
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant, zone);
        }
    }
}
