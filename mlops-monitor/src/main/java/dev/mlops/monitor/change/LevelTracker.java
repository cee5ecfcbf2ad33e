package dev.mlops.monitor.change;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tracker both built-in detectors share: two one-sided cumulative sums of standardized
 * deviations, {@code S⁺ = max(0, S⁺ + d - slack)} and {@code S⁻ = max(0, S⁻ - d - slack)}, with a
 * detection when either exceeds the threshold. CUSUM's deviation is {@code (x - μ0) / σ} from a
 * fixed target; Page–Hinkley's is {@code (x - x̄) / σ} from the running mean of the values since
 * the (re)start, which is the same recursion as its {@code m_T - M_T} form (Page 1954; Hinkley 1971).
 */
final class LevelTracker implements ChangeTracker {
    /** A warm-up without variation still gives a unit: this fraction of the level's size. */
    private static final double LEAST_SIGMA = 1e-12;

    private final String detector;
    private final double slack;
    private final double threshold;
    private final int warmup;
    private final boolean runningMean;
    private final @Nullable Double knownTarget;
    private final @Nullable Double knownSigma;

    private final Run up = new Run();
    private final Run down = new Run();
    private long index;
    private long skipped;
    /** Finite values since the (re)start, their mean and sum of squared deviations (Welford). */
    private long seen;
    private double seenMean;
    private double seenM2;
    private double target;
    private double sigma;

    LevelTracker(String detector, double slack, double threshold, int warmup, boolean runningMean,
            @Nullable Double knownTarget, @Nullable Double knownSigma) {
        this.detector = detector;
        this.slack = slack;
        this.threshold = threshold;
        this.warmup = warmup;
        this.runningMean = runningMean;
        this.knownTarget = knownTarget;
        this.knownSigma = knownSigma;
        restart();
    }

    @Override
    public Optional<Change> add(Instant time, double value) {
        long at = index++;
        if (!Double.isFinite(value)) {
            skipped++;
            return Optional.empty();
        }
        double before = seenMean;
        seen++;
        double delta = value - seenMean;
        seenMean += delta / seen;
        seenM2 += delta * (value - seenMean);
        if (seen <= warmup) {
            if (seen == warmup) {
                fix();
            }
            return Optional.empty();
        }
        double deviation = (value - (runningMean ? seenMean : target)) / sigma;
        double level = runningMean ? before : target;
        if (up.add(deviation - slack, at, time, level) > threshold) {
            return Optional.of(detect(up, Direction.UP, at, time));
        }
        if (down.add(-deviation - slack, at, time, level) > threshold) {
            return Optional.of(detect(down, Direction.DOWN, at, time));
        }
        return Optional.empty();
    }

    @Override
    public long count() {
        return index;
    }

    @Override
    public long skipped() {
        return skipped;
    }

    private Change detect(Run run, Direction direction, long at, Instant time) {
        double shift = (run.sum / run.length + slack) * sigma;
        Change change = new Change(detector, direction, run.start, run.startTime, at, time, run.sum, threshold,
                run.level, sigma, direction == Direction.UP ? shift : -shift);
        restart();
        return change;
    }

    private void restart() {
        up.clear();
        down.clear();
        seen = 0;
        seenMean = 0;
        seenM2 = 0;
        if (warmup == 0) {
            fix();
        }
    }

    /** Fixes the target and σ at the end of the warm-up: the known ones, or the warm-up's estimates. */
    private void fix() {
        target = knownTarget != null ? knownTarget : seenMean;
        if (knownSigma != null) {
            sigma = knownSigma;
        } else {
            double sd = Math.sqrt(seenM2 / (seen - 1));
            sigma = Math.max(sd, LEAST_SIGMA * Math.max(1.0, Math.abs(seenMean)));
        }
    }

    /** One side's cumulative sum and the run of values that built it. */
    private static final class Run {
        double sum;
        long start;
        long length;
        Instant startTime = Instant.EPOCH;
        double level;

        /**
         * @param currentLevel the level the run departs from if it starts here: the target, or the
         *     running mean before this value
         * @return the new sum after adding {@code increment}, reset to 0 when it falls to 0 or below
         */
        double add(double increment, long at, Instant time, double currentLevel) {
            double next = sum + increment;
            if (next <= 0) {
                clear();
                return 0;
            }
            if (length == 0) {
                start = at;
                startTime = time;
                level = currentLevel;
            }
            length++;
            sum = next;
            return sum;
        }

        void clear() {
            sum = 0;
            length = 0;
        }
    }
}
