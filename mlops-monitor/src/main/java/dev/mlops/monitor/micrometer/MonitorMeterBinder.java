package dev.mlops.monitor.micrometer;

import dev.mlops.monitor.alarm.AlarmEvent;
import dev.mlops.monitor.alarm.AlarmSink;
import dev.mlops.monitor.metric.MetricId;
import dev.mlops.monitor.metric.MetricObservation;
import dev.mlops.monitor.metric.MetricSink;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A Micrometer {@link MeterBinder} that publishes the latest value of every metric observation it
 * is fed as a gauge, and counts the alarms raised.
 *
 * <pre>{@code
 * MonitorMeterBinder binder = MonitorMeterBinder.create();
 * binder.bindTo(prometheusRegistry);                  // or Spring Boot picks up a MeterBinder bean
 * MetricSink metrics = MetricSink.all(alarms, binder);  // feed drift and quality metrics here
 * alarms.addSink(binder);                             // count alarms raised
 * }</pre>
 *
 * <p>Naming: the observation {@code drift.statistic{feature=age, detector=ks}} becomes the gauge
 * {@code mlops.drift.statistic} with tags {@code feature=age} and {@code detector=ks} (the prefix is
 * {@code mlops} unless {@link #withPrefix(String) given}); Micrometer's naming convention of each
 * registry does the rest, so Prometheus shows {@code mlops_drift_statistic{detector="ks",feature="age"}}.
 * Each raised alarm adds one to the counter {@code mlops.alarms.raised} with tags {@code rule} and
 * {@code severity} (Prometheus: {@code mlops_alarms_raised_total}).
 *
 * <p>A series is registered as a gauge the first time it arrives, on every registry bound so far,
 * and on every registry bound later; the gauge reads the latest value fed (not a time series:
 * the registry samples it when it publishes or is scraped). Keep the tag keys of one name the same
 * for all its series ({@link MetricId}'s naming rules): Prometheus refuses a second set of keys
 * under a name, and Micrometer then leaves that series out of the registry. Thread-safe: feed and
 * bind from any thread.
 */
public final class MonitorMeterBinder implements MeterBinder, MetricSink, AlarmSink {
    /** The default prefix of every meter name: {@value}. */
    public static final String DEFAULT_PREFIX = "mlops";
    /** The name of the alarm counter, after the prefix: {@value}. */
    public static final String ALARMS_RAISED = "alarms.raised";
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private final String prefix;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<MetricId, Latest> gauges = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<Tag>, AtomicLong> alarms = new ConcurrentHashMap<>();

    private MonitorMeterBinder(String prefix) {
        this.prefix = prefix;
    }

    /** @return a binder whose meter names start with {@value #DEFAULT_PREFIX} */
    public static MonitorMeterBinder create() {
        return new MonitorMeterBinder(DEFAULT_PREFIX);
    }

    /**
     * @param prefix the start of every meter name, dot-separated lower-case segments such as
     *     {@code mlops} or {@code shop.ml}
     * @return a binder with that prefix
     * @throws IllegalArgumentException if the prefix is not such segments; the message names it
     */
    public static MonitorMeterBinder withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("meter prefix must be dot-separated segments of a lower-case letter"
                    + " followed by lower-case letters, digits or '_' (such as 'mlops') but was '" + prefix + "'");
        }
        return new MonitorMeterBinder(prefix);
    }

    /**
     * Registers a gauge for every series seen so far and the alarm counters on the registry, and
     * registers every later series and counter on it as it arrives.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        registries.add(registry);
        for (Map.Entry<MetricId, Latest> gauge : gauges.entrySet()) {
            register(registry, gauge.getKey(), gauge.getValue());
        }
        for (Map.Entry<List<Tag>, AtomicLong> counter : alarms.entrySet()) {
            register(registry, counter.getKey(), counter.getValue());
        }
    }

    /**
     * Sets the series' gauge to the observation's value, registering the gauge first if the
     * series is new.
     *
     * @param observation one window's value of a series
     */
    @Override
    public void accept(MetricObservation observation) {
        Objects.requireNonNull(observation, "observation");
        Latest latest = gauges.get(observation.id());
        if (latest == null) {
            Latest fresh = new Latest(observation.value());
            latest = gauges.putIfAbsent(observation.id(), fresh);
            if (latest == null) {
                for (MeterRegistry registry : registries) {
                    register(registry, observation.id(), fresh);
                }
                return;
            }
        }
        latest.value = observation.value();
    }

    /**
     * Counts a raised alarm under its rule and severity; a cleared one changes nothing.
     *
     * @param event an alarm raised or cleared
     */
    @Override
    public void accept(AlarmEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.raised()) {
            return;
        }
        List<Tag> tags = List.of(Tag.of("rule", event.rule()), Tag.of("severity", event.severity().label()));
        AtomicLong count = alarms.get(tags);
        if (count == null) {
            AtomicLong fresh = new AtomicLong();
            count = alarms.putIfAbsent(tags, fresh);
            if (count == null) {
                count = fresh;
                for (MeterRegistry registry : registries) {
                    register(registry, tags, fresh);
                }
            }
        }
        count.incrementAndGet();
    }

    private void register(MeterRegistry registry, MetricId id, Latest latest) {
        List<Tag> tags = new ArrayList<>();
        id.tags().forEach((key, value) -> tags.add(Tag.of(key, value)));
        Gauge.builder(prefix + "." + id.name(), latest, Latest::value)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private void register(MeterRegistry registry, List<Tag> tags, AtomicLong count) {
        FunctionCounter.builder(prefix + "." + ALARMS_RAISED, count, AtomicLong::get)
                .tags(tags)
                .description("alarms raised by mlops-java alarm rules")
                .register(registry);
    }

    /** The latest value of one series. */
    private static final class Latest {
        volatile double value;

        Latest(double value) {
            this.value = value;
        }

        double value() {
            return value;
        }
    }
}
