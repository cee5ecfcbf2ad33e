package dev.mlops.monitor.alarm;

/**
 * Hears about alarms: each {@link AlarmEvent} an {@link AlarmEvaluator} raises or clears. A
 * lambda is a sink; {@link AlarmSinks} has the slf4j sink and callbacks that pick events.
 *
 * <p>A sink is called on the thread that fed the observation, in the order the events happened,
 * under the evaluator's lock: it must return quickly (hand slow work to an executor) and must not
 * wait for another thread that feeds the same evaluator. An exception a sink throws is logged and
 * does not stop the other sinks or the evaluator.
 */
@FunctionalInterface
public interface AlarmSink {

    /**
     * Hears one event.
     *
     * @param event the alarm raised or cleared
     */
    void accept(AlarmEvent event);
}
