package dev.mlops.monitor.metric;

import java.util.List;
import java.util.Objects;

/**
 * Takes metric observations: the alarm evaluator and the Micrometer binder are sinks, and a
 * producer (drift over time, model quality) writes to one. Implementations say whether they are
 * thread-safe; the built-in ones are.
 *
 * <pre>{@code
 * MetricSink sink = MetricSink.all(evaluator, binder);
 * sink.accept(MetricObservation.of("quality.accuracy", windowEnd, 0.91, "variant", "blue"));
 * }</pre>
 */
@FunctionalInterface
public interface MetricSink {

    /**
     * Takes one observation.
     *
     * @param observation the observation
     */
    void accept(MetricObservation observation);

    /**
     * @param sinks the sinks, in order
     * @return a sink that passes each observation to every sink in order
     */
    static MetricSink all(MetricSink... sinks) {
        List<MetricSink> copy = List.of(sinks);
        return observation -> {
            Objects.requireNonNull(observation, "observation");
            for (MetricSink sink : copy) {
                sink.accept(observation);
            }
        };
    }
}
