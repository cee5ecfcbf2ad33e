package dev.mlops.monitor.alarm;

import dev.mlops.monitor.change.Change;
import dev.mlops.monitor.change.ChangeTracker;
import dev.mlops.monitor.metric.MetricObservation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One rule's state on one series; guarded by the evaluator's lock. */
abstract class SeriesState {
    private AlarmState state = AlarmState.OK;
    private @Nullable AlarmEvent raised;

    static SeriesState of(AlarmRule rule) {
        if (rule instanceof ThresholdRule threshold) {
            return new Threshold(threshold);
        }
        return new ChangeState((ChangeRule) rule);
    }

    abstract Optional<AlarmEvent> observe(MetricObservation observation);

    final AlarmState state() {
        return state;
    }

    final Optional<AlarmEvent> raisedEvent() {
        return Optional.ofNullable(raised);
    }

    final void pending() {
        state = AlarmState.PENDING;
    }

    final Optional<AlarmEvent> raise(AlarmRule rule, MetricObservation o, double threshold, int windows,
            Optional<Change> change) {
        state = AlarmState.FIRING;
        raised = new AlarmEvent(AlarmEvent.Kind.RAISED, rule.name(), rule.severity(), o.id(), o.value(), threshold,
                o.time(), windows, change);
        return Optional.of(raised);
    }

    /** @return the cleared event if the alarm was firing, else empty (a pending run just ends) */
    final Optional<AlarmEvent> settle(AlarmRule rule, MetricObservation o, double threshold, int windows) {
        AlarmState was = state;
        state = AlarmState.OK;
        raised = null;
        if (was != AlarmState.FIRING) {
            return Optional.empty();
        }
        return Optional.of(new AlarmEvent(AlarmEvent.Kind.CLEARED, rule.name(), rule.severity(), o.id(), o.value(),
                threshold, o.time(), windows, Optional.empty()));
    }

    /** A threshold rule: a run of windows on the alarming side. */
    private static final class Threshold extends SeriesState {
        private final ThresholdRule rule;
        private int run;

        Threshold(ThresholdRule rule) {
            this.rule = rule;
        }

        @Override
        Optional<AlarmEvent> observe(MetricObservation o) {
            if (Double.isNaN(o.value())) {
                return Optional.empty();
            }
            if (!rule.comparison().test(o.value(), rule.threshold())) {
                run = 0;
                return settle(rule, o, rule.threshold(), 0);
            }
            run++;
            if (state() == AlarmState.FIRING) {
                return Optional.empty();
            }
            if (run < rule.windows()) {
                pending();
                return Optional.empty();
            }
            return raise(rule, o, rule.threshold(), run, Optional.empty());
        }
    }

    /** A change rule: a tracker, and the windows since its last detection. */
    private static final class ChangeState extends SeriesState {
        private final ChangeRule rule;
        private final ChangeTracker tracker;
        private int quiet;
        private double threshold = Double.NaN;

        ChangeState(ChangeRule rule) {
            this.rule = rule;
            this.tracker = rule.detector().start();
        }

        @Override
        Optional<AlarmEvent> observe(MetricObservation o) {
            Optional<Change> change = tracker.add(o.time(), o.value());
            if (change.isPresent()) {
                quiet = 0;
                threshold = change.get().threshold();
                if (state() == AlarmState.FIRING) {
                    return Optional.empty();
                }
                return raise(rule, o, threshold, 0, change);
            }
            quiet++;
            if (state() == AlarmState.FIRING && quiet >= rule.clearAfter()) {
                return settle(rule, o, threshold, quiet);
            }
            return Optional.empty();
        }
    }
}
