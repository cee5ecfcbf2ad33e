package dev.mlops.monitor.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Reads tags given as alternating keys and values. */
final class Tags {

    private Tags() {
        throw new AssertionError("no instances");
    }

    static Map<String, String> of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("tags must be given as key, value pairs but " + keysAndValues.length
                    + " strings were given");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = Objects.requireNonNull(keysAndValues[i], "tag key");
            if (tags.put(key, Objects.requireNonNull(keysAndValues[i + 1], "tag value")) != null) {
                throw new IllegalArgumentException("tag key '" + key + "' must be given once but was repeated");
            }
        }
        return Collections.unmodifiableMap(tags);
    }
}
