package dev.mlops.monitor.window;

import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Capture records for the tests. */
final class Records {
    static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    private Records() {
    }

    static CaptureRecord at(String id, long secondsAfterT0) {
        return at(id, secondsAfterT0, CaptureStage.AFTER_MODEL);
    }

    static CaptureRecord at(String id, long secondsAfterT0, CaptureStage stage) {
        return new CaptureRecord(id, T0.plusSeconds(secondsAfterT0), "v1", stage, Map.of("x", 1.0), Map.of());
    }

    static CaptureRecord withInput(String id, Map<String, @Nullable Object> input) {
        return new CaptureRecord(id, T0, "v1", CaptureStage.AFTER_MODEL, input, Map.of("p", "yes"));
    }
}
