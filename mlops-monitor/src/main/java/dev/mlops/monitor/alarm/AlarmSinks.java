package dev.mlops.monitor.alarm;

import dev.mlops.core.report.Severity;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link AlarmSink}s.
 *
 * <p>The hook for code that must react, such as a canary deployment that rolls back:
 * <pre>{@code
 * evaluator.addSink(AlarmSinks.onRaised(Severity.ERROR, event -> canary.rollBack(event.message())));
 * }</pre>
 */
public final class AlarmSinks {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmEvaluator.class);

    private AlarmSinks() {
        throw new AssertionError("no instances");
    }

    /**
     * @return a sink that logs each event through slf4j on the logger named
     *     {@code dev.mlops.monitor.alarm.AlarmEvaluator}: a raised alarm at the level of its
     *     severity (error, warn, info), a cleared one at info; the evaluator's default sink
     */
    public static AlarmSink logging() {
        return logging(LOG);
    }

    /**
     * @param logger the logger to write to
     * @return a sink that logs each event on that logger, as {@link #logging()} does
     */
    public static AlarmSink logging(Logger logger) {
        Objects.requireNonNull(logger, "logger");
        return event -> {
            String message = event.message();
            if (!event.raised() || event.severity() == Severity.INFO) {
                logger.info(message);
            } else if (event.severity() == Severity.WARNING) {
                logger.warn(message);
            } else {
                logger.error(message);
            }
        };
    }

    /**
     * @param callback the code to run for every event, raised or cleared
     * @return a sink that passes every event to the callback
     */
    public static AlarmSink callback(Consumer<? super AlarmEvent> callback) {
        Objects.requireNonNull(callback, "callback");
        return callback::accept;
    }

    /**
     * @param atLeast the least severity to hear about: {@link Severity#ERROR} hears errors only,
     *     {@link Severity#INFO} every raised alarm
     * @param callback the code to run for each raised alarm of that severity or a graver one
     * @return a sink that passes those raised events to the callback and ignores the rest
     */
    public static AlarmSink onRaised(Severity atLeast, Consumer<? super AlarmEvent> callback) {
        Objects.requireNonNull(atLeast, "atLeast");
        Objects.requireNonNull(callback, "callback");
        return event -> {
            if (event.raised() && event.severity().compareTo(atLeast) <= 0) {
                callback.accept(event);
            }
        };
    }
}
