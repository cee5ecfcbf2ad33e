/**
 * The one JSON configuration every mlops-java module shares: {@link dev.mlops.core.json.Json}
 * builds Jackson mappers and hands out shared, immutable readers and writers, so that profiles,
 * reports, splits and logs written by any module read back the same way and diff cleanly between
 * runs (ISO-8601 times, keys in a stable order, non-finite numbers as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}).
 */
@NullMarked
package dev.mlops.core.json;

import org.jspecify.annotations.NullMarked;
