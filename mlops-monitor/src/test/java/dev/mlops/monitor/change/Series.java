package dev.mlops.monitor.change;

import dev.mlops.monitor.metric.MetricNames;
import dev.mlops.monitor.metric.MetricObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/** Seeded test series that look like a drift statistic: level 0.05, noise σ = 0.01, one value an hour. */
final class Series {
    static final double LEVEL = 0.05;
    static final double SIGMA = 0.01;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Series() {
    }

    static Instant time(long index) {
        return START.plus(Duration.ofHours(index));
    }

    /** @param shape the level's departure from {@link #LEVEL} at each index, in σ */
    static double[] values(long seed, int length, IntToDoubleFunction shape) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = LEVEL + SIGMA * (shape.applyAsDouble(i) + random.nextGaussian());
        }
        return values;
    }

    static IntToDoubleFunction step(int at, double size) {
        return i -> i >= at ? size : 0.0;
    }

    static IntToDoubleFunction ramp(int from, int length, double rise) {
        return i -> rise * Math.min(1.0, Math.max(0.0, (i - from + 1.0) / length));
    }

    static List<MetricObservation> observations(double[] values) {
        List<MetricObservation> series = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            series.add(MetricObservation.of(MetricNames.DRIFT_STATISTIC, time(i), values[i], MetricNames.FEATURE,
                    "age"));
        }
        return series;
    }

    /** @return every change a fresh tracker reports over the values */
    static List<Change> run(ChangeDetector detector, double[] values) {
        ChangeTracker tracker = detector.start();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            tracker.add(time(i), values[i]).ifPresent(changes::add);
        }
        return changes;
    }
}
