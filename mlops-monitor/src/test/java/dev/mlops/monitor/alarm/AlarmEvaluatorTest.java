package dev.mlops.monitor.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.report.Severity;
import dev.mlops.monitor.change.ChangeDetectors;
import dev.mlops.monitor.change.Direction;
import dev.mlops.monitor.change.PageHinkleySettings;
import dev.mlops.monitor.metric.MetricFilter;
import dev.mlops.monitor.metric.MetricId;
import dev.mlops.monitor.metric.MetricObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AlarmEvaluatorTest {
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    private static final MetricFilter AGE = MetricFilter.of("drift.statistic", "feature", "age");
    private static final MetricId AGE_KS = MetricId.of("drift.statistic", "feature", "age", "detector", "ks");
    private static final MetricId AGE_PSI = MetricId.of("drift.statistic", "feature", "age", "detector", "psi");

    private static MetricObservation at(MetricId id, int window, double value) {
        return new MetricObservation(id, T0.plus(Duration.ofHours(window)), value);
    }

    /** An evaluator with the rule and a sink that keeps every event. */
    private static AlarmEvaluator evaluator(List<AlarmEvent> events, AlarmRule... rules) {
        AlarmEvaluator.Builder builder = AlarmEvaluator.builder().sink(events::add);
        for (AlarmRule rule : rules) {
            builder.rule(rule);
        }
        return builder.build();
    }

    @Nested
    class Thresholds {
        private final ThresholdRule rule = ThresholdRule.above("age-drift", AGE, 0.2).withWindows(3)
                .withSeverity(Severity.ERROR);

        @Test
        void firesAfterNConsecutiveWindowsAndClearsWhenTheConditionStops() {
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, rule);
            double[] values = {0.1, 0.3, 0.25, 0.1, 0.3, 0.4, 0.5, 0.6, 0.2, 0.1};
            List<AlarmState> states = new ArrayList<>();
            for (int w = 0; w < values.length; w++) {
                alarms.accept(at(AGE_KS, w, values[w]));
                states.add(alarms.state("age-drift", AGE_KS));
            }

            assertThat(states).containsExactly(AlarmState.OK, AlarmState.PENDING, AlarmState.PENDING, AlarmState.OK,
                    AlarmState.PENDING, AlarmState.PENDING, AlarmState.FIRING, AlarmState.FIRING, AlarmState.OK,
                    AlarmState.OK);
            assertThat(events).hasSize(2);
            AlarmEvent raised = events.get(0);
            assertThat(raised.kind()).isEqualTo(AlarmEvent.Kind.RAISED);
            assertThat(raised.raised()).isTrue();
            assertThat(raised.rule()).isEqualTo("age-drift");
            assertThat(raised.severity()).isEqualTo(Severity.ERROR);
            assertThat(raised.metric()).isEqualTo(AGE_KS);
            assertThat(raised.value()).isEqualTo(0.5);
            assertThat(raised.threshold()).isEqualTo(0.2);
            assertThat(raised.time()).isEqualTo(T0.plus(Duration.ofHours(6)));
            assertThat(raised.windows()).isEqualTo(3);
            assertThat(raised.change()).isEmpty();
            AlarmEvent cleared = events.get(1);
            assertThat(cleared.kind()).isEqualTo(AlarmEvent.Kind.CLEARED);
            assertThat(cleared.raised()).isFalse();
            assertThat(cleared.value()).isEqualTo(0.2);
            assertThat(cleared.time()).isEqualTo(T0.plus(Duration.ofHours(8)));
            assertThat(cleared.windows()).isZero();
        }

        @Test
        void theThresholdItselfIsNotAbove() {
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, ThresholdRule.above("r", AGE, 0.2));
            alarms.accept(at(AGE_KS, 0, 0.2));
            assertThat(events).isEmpty();
            alarms.accept(at(AGE_KS, 1, Math.nextUp(0.2)));
            assertThat(events).hasSize(1);
        }

        @Test
        void belowFiresUnderTheThreshold() {
            MetricId accuracy = MetricId.of("quality.accuracy", "variant", "blue");
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, ThresholdRule.below("accuracy", MetricFilter.of("quality.accuracy"),
                    0.8));
            List<AlarmEvent> caused = new ArrayList<>();
            caused.addAll(alarms.observe(at(accuracy, 0, 0.8)));
            caused.addAll(alarms.observe(at(accuracy, 1, 0.79)));
            caused.addAll(alarms.observe(at(accuracy, 2, 0.85)));

            assertThat(caused).extracting(AlarmEvent::kind).containsExactly(AlarmEvent.Kind.RAISED,
                    AlarmEvent.Kind.CLEARED);
            assertThat(caused.get(0).severity()).isEqualTo(Severity.WARNING);
            assertThat(events).isEqualTo(caused);
        }

        @Test
        void notANumberNeitherContinuesNorBreaksARun() {
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, rule);
            alarms.accept(at(AGE_KS, 0, 0.3));
            alarms.accept(at(AGE_KS, 1, Double.NaN));
            alarms.accept(at(AGE_KS, 2, 0.3));
            assertThat(alarms.state("age-drift", AGE_KS)).isEqualTo(AlarmState.PENDING);
            alarms.accept(at(AGE_KS, 3, 0.3));
            alarms.accept(at(AGE_KS, 4, Double.NaN));
            assertThat(events).singleElement().satisfies(e -> assertThat(e.windows()).isEqualTo(3));
            assertThat(alarms.state("age-drift", AGE_KS)).isEqualTo(AlarmState.FIRING);
            alarms.accept(at(AGE_KS, 5, Double.POSITIVE_INFINITY));
            assertThat(alarms.state("age-drift", AGE_KS)).isEqualTo(AlarmState.FIRING);
        }

        @Test
        void eachSeriesTheFilterMatchesHasItsOwnState() {
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, ThresholdRule.above("r", AGE, 0.2).withWindows(2));
            MetricId income = MetricId.of("drift.statistic", "feature", "income", "detector", "ks");
            alarms.accept(at(AGE_KS, 0, 0.3));
            alarms.accept(at(AGE_PSI, 0, 0.3));
            alarms.accept(at(income, 0, 0.9));
            alarms.accept(at(AGE_KS, 1, 0.3));
            alarms.accept(at(AGE_PSI, 1, 0.1));
            alarms.accept(at(income, 1, 0.9));
            alarms.accept(at(MetricId.of("drift.p_value", "feature", "age"), 1, 0.9));

            assertThat(events).singleElement().satisfies(e -> assertThat(e.metric()).isEqualTo(AGE_KS));
            assertThat(alarms.state("r", AGE_PSI)).isEqualTo(AlarmState.OK);
            assertThat(alarms.state("r", income)).isEqualTo(AlarmState.OK);
            assertThat(alarms.state("other", AGE_KS)).isEqualTo(AlarmState.OK);
            assertThat(alarms.firing()).containsExactly(events.get(0));
        }

        @Test
        void oneWindowIsTheDefault() {
            ThresholdRule r = ThresholdRule.below("x", AGE, 1);
            assertThat(r.windows()).isEqualTo(1);
            assertThat(r.comparison()).isEqualTo(ThresholdRule.Comparison.BELOW);
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
            assertThat(r.filter()).isEqualTo(AGE);
        }
    }

    @Nested
    class Changes {
        private final ChangeRule rule = ChangeRule.of("age-level", AGE)
                .withDetector(ChangeDetectors.pageHinkley(new PageHinkleySettings(0.5, 3.0, 0, 1.0)))
                .withSeverity(Severity.ERROR)
                .withClearAfter(3);

        @Test
        void aDetectedChangeRaisesAnAlarmThatClearsAfterQuietWindows() {
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, rule);
            double[] values = {0, 0, 0, 0, 3, 3, 3, 3, 3, 3};
            for (int w = 0; w < values.length; w++) {
                alarms.accept(at(AGE_KS, w, values[w]));
            }

            assertThat(events).hasSize(2);
            AlarmEvent raised = events.get(0);
            assertThat(raised.raised()).isTrue();
            assertThat(raised.severity()).isEqualTo(Severity.ERROR);
            assertThat(raised.time()).isEqualTo(T0.plus(Duration.ofHours(5)));
            assertThat(raised.value()).isEqualTo(3.0);
            assertThat(raised.threshold()).isEqualTo(3.0);
            assertThat(raised.windows()).isZero();
            assertThat(raised.change()).hasValueSatisfying(c -> {
                assertThat(c.direction()).isEqualTo(Direction.UP);
                assertThat(c.changeIndex()).isEqualTo(4);
                assertThat(c.changeTime()).isEqualTo(T0.plus(Duration.ofHours(4)));
            });
            assertThat(raised.message()).isEqualTo("alarm 'age-level' raised (error): drift.statistic{detector=ks,"
                    + " feature=age}=3.0 vs threshold 3.0, change up from index 4 (2026-12-07T04:00:00Z) at"
                    + " 2026-12-07T05:00:00Z");
            AlarmEvent cleared = events.get(1);
            assertThat(cleared.raised()).isFalse();
            assertThat(cleared.time()).isEqualTo(T0.plus(Duration.ofHours(8)));
            assertThat(cleared.windows()).isEqualTo(3);
            assertThat(cleared.threshold()).isEqualTo(3.0);
            assertThat(cleared.change()).isEmpty();
            assertThat(alarms.state("age-level", AGE_KS)).isEqualTo(AlarmState.OK);
        }

        @Test
        void aNewChangeWhileFiringKeepsTheAlarmWithoutRaisingItAgain() {
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, rule.withClearAfter(5));
            double[] values = {0, 0, 0, 0, 3, 3, 3, 3, 9, 9, 9, 9, 9, 9, 9, 9};
            List<AlarmState> states = new ArrayList<>();
            for (int w = 0; w < values.length; w++) {
                alarms.accept(at(AGE_KS, w, values[w]));
                states.add(alarms.state("age-level", AGE_KS));
            }

            assertThat(events).extracting(AlarmEvent::kind).containsExactly(AlarmEvent.Kind.RAISED,
                    AlarmEvent.Kind.CLEARED);
            // raised at 5; the jump to 9 is detected again at 8, so the 5 quiet windows end at 13, not 10
            assertThat(states.subList(5, 13)).containsOnly(AlarmState.FIRING);
            assertThat(events.get(1).time()).isEqualTo(T0.plus(Duration.ofHours(13)));
            assertThat(states.get(13)).isEqualTo(AlarmState.OK);
        }

        @Test
        void defaults() {
            ChangeRule r = ChangeRule.of("x", AGE);
            assertThat(r.detector()).isEqualTo(ChangeDetectors.pageHinkley());
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
            assertThat(r.clearAfter()).isEqualTo(ChangeRule.DEFAULT_CLEAR_AFTER);
            assertThat(r.name()).isEqualTo("x");
        }
    }

    @Nested
    class Sinks {
        private final ThresholdRule error = ThresholdRule.above("error", AGE, 0.5).withSeverity(Severity.ERROR);
        private final ThresholdRule warning = ThresholdRule.above("warning", AGE, 0.2);
        private final ThresholdRule info = ThresholdRule.above("info", AGE, 0.1).withSeverity(Severity.INFO);

        @Test
        void theLoggingSinkWritesAtTheSeverityLevel() {
            RecordingLogger logger = new RecordingLogger();
            AlarmEvaluator alarms = AlarmEvaluator.builder().rule(error).rule(warning).rule(info)
                    .sink(AlarmSinks.logging(logger)).build();
            alarms.accept(at(AGE_KS, 0, 0.6));
            alarms.accept(at(AGE_KS, 1, 0.0));

            assertThat(logger.lines()).containsExactly(
                    "ERROR alarm 'error' raised (error): drift.statistic{detector=ks, feature=age}=0.6 vs threshold 0.5"
                            + " at 2026-12-07T00:00:00Z",
                    "WARN alarm 'warning' raised (warning): drift.statistic{detector=ks, feature=age}=0.6 vs threshold"
                            + " 0.2 at 2026-12-07T00:00:00Z",
                    "INFO alarm 'info' raised (info): drift.statistic{detector=ks, feature=age}=0.6 vs threshold 0.1"
                            + " at 2026-12-07T00:00:00Z",
                    "INFO alarm 'error' cleared (error): drift.statistic{detector=ks, feature=age}=0.0 vs threshold 0.5"
                            + " at 2026-12-07T01:00:00Z",
                    "INFO alarm 'warning' cleared (warning): drift.statistic{detector=ks, feature=age}=0.0 vs"
                            + " threshold 0.2 at 2026-12-07T01:00:00Z",
                    "INFO alarm 'info' cleared (info): drift.statistic{detector=ks, feature=age}=0.0 vs threshold 0.1"
                            + " at 2026-12-07T01:00:00Z");
        }

        @Test
        void withoutASinkTheEvaluatorLogs() {
            AlarmEvaluator alarms = AlarmEvaluator.builder().rule(error).build();
            assertThat(alarms.observe(at(AGE_KS, 0, 0.6))).hasSize(1);
            assertThat(alarms.sinkFailures()).isZero();
            assertThat(alarms.rules()).containsExactly(error);
            assertThat(AlarmSinks.logging()).isNotNull();
        }

        @Test
        void onRaisedHearsRaisedAlarmsOfAtLeastTheSeverity() {
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            List<String> all = new ArrayList<>();
            AlarmEvaluator alarms = AlarmEvaluator.builder().rule(error).rule(warning).rule(info)
                    .sink(AlarmSinks.onRaised(Severity.ERROR, e -> errors.add(e.rule() + " " + e.kind())))
                    .sink(AlarmSinks.onRaised(Severity.WARNING, e -> warnings.add(e.rule() + " " + e.kind())))
                    .sink(AlarmSinks.callback(e -> all.add(e.rule() + " " + e.kind())))
                    .build();
            alarms.accept(at(AGE_KS, 0, 0.6));
            alarms.accept(at(AGE_KS, 1, 0.0));

            assertThat(errors).containsExactly("error RAISED");
            assertThat(warnings).containsExactly("error RAISED", "warning RAISED");
            assertThat(all).containsExactly("error RAISED", "warning RAISED", "info RAISED", "error CLEARED",
                    "warning CLEARED", "info CLEARED");
        }

        @Test
        void aLateListenerHearsLaterEventsAndCanLeave() {
            List<AlarmEvent> events = new ArrayList<>();
            AlarmEvaluator alarms = evaluator(events, warning);
            List<AlarmEvent> canary = new ArrayList<>();
            AlarmSink listener = canary::add;
            alarms.accept(at(AGE_KS, 0, 0.6));
            alarms.addSink(listener);
            alarms.accept(at(AGE_KS, 1, 0.0));
            assertThat(alarms.removeSink(listener)).isTrue();
            assertThat(alarms.removeSink(listener)).isFalse();
            alarms.accept(at(AGE_KS, 2, 0.6));

            assertThat(events).hasSize(3);
            assertThat(canary).singleElement().satisfies(e -> assertThat(e.raised()).isFalse());
        }

        @Test
        void aFailingSinkDoesNotStopTheOthers() {
            List<AlarmEvent> heard = new ArrayList<>();
            AlarmEvaluator alarms = AlarmEvaluator.builder().rule(warning)
                    .sink(e -> {
                        throw new IllegalStateException("broken sink");
                    })
                    .sink(heard::add)
                    .build();
            alarms.accept(at(AGE_KS, 0, 0.6));
            alarms.accept(at(AGE_KS, 1, 0.0));

            assertThat(heard).hasSize(2);
            assertThat(alarms.sinkFailures()).isEqualTo(2);
        }
    }

    @Nested
    class Concurrency {

        /** 8 threads feed 8 series each (64 series) at once: every series gets exactly its two events, in order. */
        @Test
        void manyThreadsFeedingManySeries() throws Exception {
            List<AlarmEvent> events = Collections.synchronizedList(new ArrayList<>());
            AlarmEvaluator alarms = evaluator(events, ThresholdRule.above("r", MetricFilter.of("drift.statistic"), 0.5)
                    .withWindows(3));
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int w = 0; w < 200; w++) {
                        for (int s = 0; s < 8; s++) {
                            MetricId id = MetricId.of("drift.statistic", "feature", "f" + thread + "_" + s);
                            alarms.accept(at(id, w, w >= 50 && w < 150 ? 0.9 : 0.1));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(events).hasSize(2 * 64);
            assertThat(events.stream().filter(AlarmEvent::raised)).hasSize(64)
                    .allSatisfy(e -> assertThat(e.time()).isEqualTo(T0.plus(Duration.ofHours(52))));
            assertThat(events.stream().filter(e -> !e.raised())).hasSize(64)
                    .allSatisfy(e -> assertThat(e.time()).isEqualTo(T0.plus(Duration.ofHours(150))));
            for (AlarmEvent raised : events.stream().filter(AlarmEvent::raised).toList()) {
                Optional<AlarmEvent> cleared = events.stream()
                        .filter(e -> !e.raised() && e.metric().equals(raised.metric())).findFirst();
                assertThat(events.indexOf(raised)).isLessThan(events.indexOf(cleared.orElseThrow()));
            }
            assertThat(alarms.firing()).isEmpty();
        }

        /** 4 threads feed one series: the run is counted once per observation, whatever the interleaving. */
        @Test
        void manyThreadsFeedingOneSeries() throws Exception {
            List<AlarmEvent> events = Collections.synchronizedList(new ArrayList<>());
            AlarmEvaluator alarms = evaluator(events, ThresholdRule.above("r", AGE, 0.5).withWindows(1000));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int w = 0; w < 250; w++) {
                        alarms.accept(at(AGE_KS, w, 0.9));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(events).singleElement().satisfies(e -> assertThat(e.windows()).isEqualTo(1000));
        }
    }

    @Nested
    class BadInput {

        @Test
        void ruleNamesAreUnique() {
            AlarmEvaluator.Builder builder = AlarmEvaluator.builder().rule(ThresholdRule.above("r", AGE, 1));
            assertThatThrownBy(() -> builder.rule(ChangeRule.of("r", AGE)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alarm rule names must be unique but 'r' was added twice");
        }

        @Test
        void rulesAreChecked() {
            assertThatThrownBy(() -> ThresholdRule.above(" ", AGE, 1))
                    .hasMessage("an alarm rule's name must not be blank but was ' '");
            assertThatThrownBy(() -> ThresholdRule.above("r", AGE, Double.NaN))
                    .hasMessage("threshold of alarm rule 'r' must be finite but was NaN");
            assertThatThrownBy(() -> ThresholdRule.above("r", AGE, Double.NEGATIVE_INFINITY))
                    .hasMessage("threshold of alarm rule 'r' must be finite but was -Infinity");
            assertThatThrownBy(() -> ThresholdRule.above("r", AGE, 1).withWindows(0))
                    .hasMessage("windows of alarm rule 'r' must be at least 1 but was 0");
            assertThatThrownBy(() -> ChangeRule.of("c", AGE).withClearAfter(0))
                    .hasMessage("clearAfter of alarm rule 'c' must be at least 1 but was 0");
            assertThatThrownBy(() -> ChangeRule.of("", AGE))
                    .hasMessage("an alarm rule's name must not be blank but was ''");
        }

        @Test
        void comparisons() {
            assertThat(ThresholdRule.Comparison.ABOVE.test(2, 1)).isTrue();
            assertThat(ThresholdRule.Comparison.ABOVE.test(1, 1)).isFalse();
            assertThat(ThresholdRule.Comparison.BELOW.test(0, 1)).isTrue();
            assertThat(ThresholdRule.Comparison.BELOW.test(1, 1)).isFalse();
            assertThat(ThresholdRule.Comparison.BELOW.test(Double.NaN, 1)).isFalse();
            assertThat(ThresholdRule.Comparison.ABOVE.test(Double.NaN, 1)).isFalse();
        }
    }
}
