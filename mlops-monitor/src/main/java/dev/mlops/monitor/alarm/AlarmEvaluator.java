package dev.mlops.monitor.alarm;

import dev.mlops.monitor.metric.MetricId;
import dev.mlops.monitor.metric.MetricObservation;
import dev.mlops.monitor.metric.MetricSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates alarm rules on the metric observations it is fed and sends each alarm raised or
 * cleared to its sinks.
 *
 * <pre>{@code
 * AlarmEvaluator alarms = AlarmEvaluator.builder()
 *         .rule(ThresholdRule.above("age-drift", MetricFilter.of("drift.statistic", "feature", "age"), 0.2)
 *                 .withWindows(3).withSeverity(Severity.ERROR))
 *         .rule(ChangeRule.of("accuracy-level", MetricFilter.of("quality.accuracy")))
 *         .build();                                   // logs through slf4j
 * alarms.addSink(AlarmSinks.onRaised(Severity.ERROR, event -> canary.rollBack(event.message())));
 * alarms.accept(MetricObservation.of("drift.statistic", windowEnd, 0.31, "feature", "age"));
 * }</pre>
 *
 * <p>Each rule keeps an {@link AlarmState} per series (metric name and tags) it matches. One
 * observation is one window of its series. Thread-safe: observations may come from any number of
 * threads; each is evaluated, and its events delivered to the sinks, under one lock, so events
 * reach the sinks in the order of the observations that caused them (see {@link AlarmSink} for
 * what a sink may do).
 */
public final class AlarmEvaluator implements MetricSink {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmEvaluator.class);

    private final List<AlarmRule> rules;
    private final List<AlarmSink> sinks;
    private final Map<Key, SeriesState> states = new LinkedHashMap<>();
    private final Object lock = new Object();
    private long sinkFailures;

    private AlarmEvaluator(List<AlarmRule> rules, List<AlarmSink> sinks) {
        this.rules = rules;
        this.sinks = new CopyOnWriteArrayList<>(sinks);
    }

    /** @return a builder without rules or sinks */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the rules, in the order they were added, unmodifiable */
    public List<AlarmRule> rules() {
        return rules;
    }

    /**
     * Adds a sink that hears every later event: the hook for code that starts after the
     * evaluator, such as a canary deployment.
     *
     * @param sink the sink
     */
    public void addSink(AlarmSink sink) {
        sinks.add(Objects.requireNonNull(sink, "sink"));
    }

    /**
     * @param sink a sink added before
     * @return true if it was there and is removed
     */
    public boolean removeSink(AlarmSink sink) {
        return sinks.remove(sink);
    }

    /**
     * Evaluates every rule that matches the observation, as {@link #observe(MetricObservation)} does.
     *
     * @param observation one window's value of a series
     */
    @Override
    public void accept(MetricObservation observation) {
        observe(observation);
    }

    /**
     * Evaluates every rule that matches the observation and sends the events it causes to the sinks.
     *
     * @param observation one window's value of a series
     * @return the events caused, in rule order, unmodifiable; empty if none
     */
    public List<AlarmEvent> observe(MetricObservation observation) {
        Objects.requireNonNull(observation, "observation");
        synchronized (lock) {
            List<AlarmEvent> events = new ArrayList<>();
            for (AlarmRule rule : rules) {
                if (rule.filter().matches(observation.id())) {
                    states.computeIfAbsent(new Key(rule.name(), observation.id()), key -> SeriesState.of(rule))
                            .observe(observation)
                            .ifPresent(events::add);
                }
            }
            for (AlarmEvent event : events) {
                for (AlarmSink sink : sinks) {
                    deliver(sink, event);
                }
            }
            return Collections.unmodifiableList(events);
        }
    }

    /**
     * @param rule a rule's name
     * @param metric a series
     * @return the rule's state on that series: {@link AlarmState#OK} if the rule never saw it
     */
    public AlarmState state(String rule, MetricId metric) {
        synchronized (lock) {
            SeriesState state = states.get(new Key(rule, metric));
            return state == null ? AlarmState.OK : state.state();
        }
    }

    /** @return the raised events of the alarms firing now, in the order their series were first seen */
    public List<AlarmEvent> firing() {
        synchronized (lock) {
            List<AlarmEvent> firing = new ArrayList<>();
            for (SeriesState state : states.values()) {
                state.raisedEvent().ifPresent(firing::add);
            }
            return Collections.unmodifiableList(firing);
        }
    }

    /** @return how many times a sink threw, each logged and otherwise ignored */
    public long sinkFailures() {
        synchronized (lock) {
            return sinkFailures;
        }
    }

    private void deliver(AlarmSink sink, AlarmEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            sinkFailures++;
            LOG.warn("alarm sink {} failed on {}", sink, event.message(), e);
        }
    }

    private record Key(String rule, MetricId metric) {
    }

    /** Builds an {@link AlarmEvaluator}; not thread-safe. */
    public static final class Builder {
        private final List<AlarmRule> rules = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final List<AlarmSink> sinks = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param rule a rule; its name must differ from the other rules'
         * @return this builder
         * @throws IllegalArgumentException if a rule of that name was added; the message names it
         */
        public Builder rule(AlarmRule rule) {
            Objects.requireNonNull(rule, "rule");
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("alarm rule names must be unique but '" + rule.name()
                        + "' was added twice");
            }
            rules.add(rule);
            return this;
        }

        /**
         * @param sink a sink; without any, the evaluator logs through {@link AlarmSinks#logging()}
         * @return this builder
         */
        public Builder sink(AlarmSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** @return the evaluator, with the rules and sinks added so far */
        public AlarmEvaluator build() {
            return new AlarmEvaluator(List.copyOf(rules), sinks.isEmpty() ? List.of(AlarmSinks.logging()) : sinks);
        }
    }
}
