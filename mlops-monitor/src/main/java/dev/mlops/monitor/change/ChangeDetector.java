package dev.mlops.monitor.change;

import dev.mlops.core.component.Component;
import dev.mlops.monitor.metric.MetricObservation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A streaming change detector on a metric series: an immutable component whose
 * {@link #start()} gives a fresh {@link ChangeTracker} for one series. A user's own detector
 * implements this interface (with {@link dev.mlops.core.component.AbstractComponent} for the
 * identity) and lists a {@link dev.mlops.core.component.ComponentType} in
 * {@code META-INF/services/dev.mlops.core.component.ComponentType}; alarm rules and
 * {@link #scan(List)} then use it like the built-ins ({@link ChangeDetectors}).
 *
 * <p>The contract: {@code start()} returns a new, independent tracker each call; two trackers fed
 * the same values and times report equal changes (deterministic); a detector is immutable and
 * thread-safe.
 */
public interface ChangeDetector extends Component {

    /** @return a new tracker for one series, in its initial state */
    ChangeTracker start();

    /**
     * Runs a new tracker over a whole series and classifies each detected change as abrupt or
     * gradual ({@link ChangeShapes#classify(double[])}) on the segment around it: from the
     * previous change point (or the series' start), at most {@code context} values before this
     * change point, to at most {@code context} values after the detection (or the series' end),
     * where {@code context} is {@link ChangeShapes#CONTEXT}. The segment may reach past the next
     * detection: a long ramp is detected more than once (the tracker restarts after each
     * detection), and its shape shows only over its whole length.
     *
     * @param series the observations of one series, in time order
     * @return the changes in order, each with its shape; empty if none
     * @throws IllegalArgumentException if a change's segment holds fewer than
     *     {@link ChangeShapes#MIN_SIZE} finite values (a detector without warm-up that detects
     *     within the first values of a very short series)
     */
    default List<ShapedChange> scan(List<MetricObservation> series) {
        ChangeTracker tracker = start();
        double[] values = new double[series.size()];
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            MetricObservation o = series.get(i);
            values[i] = o.value();
            Optional<Change> change = tracker.add(o.time(), o.value());
            change.ifPresent(changes::add);
        }
        List<ShapedChange> shaped = new ArrayList<>();
        for (int c = 0; c < changes.size(); c++) {
            Change change = changes.get(c);
            long from = Math.max(c == 0 ? 0 : changes.get(c - 1).changeIndex(),
                    change.changeIndex() - ChangeShapes.CONTEXT);
            long to = Math.min(values.length, change.detectionIndex() + 1 + ChangeShapes.CONTEXT);
            ShapeFit fit = ChangeShapes.classify(ChangeShapes.finite(values, (int) from, (int) to));
            shaped.add(new ShapedChange(change, fit));
        }
        return Collections.unmodifiableList(shaped);
    }
}
