package dev.mlops.deploy.serving;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * One variant's counters and latency histogram. Recording is allocation-free: {@link LongAdder}s
 * and an HdrHistogram {@link Recorder} (three significant digits, up to an hour; longer latencies
 * are recorded as an hour). A snapshot folds the recorder's interval into a cumulative histogram
 * under this meter's lock, which only readers take.
 *
 * <p>Counters nest (invalid and timeouts within errors within requests): recording increments the
 * outer counter first and a snapshot reads the inner one first, so a snapshot taken while requests
 * run never shows more errors than requests.
 */
final class VariantMeter {
    private static final long HIGHEST = TimeUnit.HOURS.toNanos(1);
    private static final int DIGITS = 3;

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final Recorder recorder = new Recorder(1, HIGHEST, DIGITS);
    private final Histogram total = new Histogram(1, HIGHEST, DIGITS);
    private @Nullable Histogram interval;

    void started() {
        requests.increment();
    }

    void failed(EndpointException.Reason reason) {
        errors.increment();
        if (reason == EndpointException.Reason.INVALID_REQUEST) {
            invalid.increment();
        } else if (reason == EndpointException.Reason.TIMEOUT) {
            timeouts.increment();
        }
    }

    void latency(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(HIGHEST, nanos)));
    }

    synchronized VariantStats snapshot() {
        long invalidCount = invalid.sum();
        long timeoutCount = timeouts.sum();
        long errorCount = errors.sum();
        long requestCount = requests.sum();
        Histogram recycled = interval;
        Histogram latest = recycled == null ? recorder.getIntervalHistogram() : recorder.getIntervalHistogram(recycled);
        total.add(latest);
        interval = latest;
        return new VariantStats(requestCount, errorCount, invalidCount, timeoutCount, percentile(50), percentile(95),
                percentile(99), total.getTotalCount() == 0 ? Duration.ZERO : Duration.ofNanos(total.getMaxValue()));
    }

    private Duration percentile(double percentile) {
        return total.getTotalCount() == 0 ? Duration.ZERO
                : Duration.ofNanos(total.getValueAtPercentile(percentile));
    }
}
