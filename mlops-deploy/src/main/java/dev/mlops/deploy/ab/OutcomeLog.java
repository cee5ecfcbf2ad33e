package dev.mlops.deploy.ab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.core.io.FlushPolicy;
import dev.mlops.core.io.JsonLinesAppender;
import dev.mlops.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The record of an A/B test: which arm each unit was assigned to, and each unit's outcomes on
 * named metrics. A metric is either a <em>conversion</em> (a purchase, a "Was this helpful?"
 * click: each unit converted or not, 1 or 0, however often it converted) or a <em>value</em> (such
 * as revenue: each unit's values summed, 0 for a unit with none). Units assigned but without an
 * outcome count as 0 on every metric, so the analysis compares units, not events.
 *
 * <pre>{@code
 * try (OutcomeLog log = OutcomeLog.open(Path.of("checkout-ab.jsonl"), FlushPolicy.everyN(100), clock)) {
 *     log.assign(userId, rollout.route(userId).primary());
 *     log.conversion(userId, "purchase");
 *     log.value(userId, "revenue", 42.50);
 * }
 * }</pre>
 *
 * <p>An outcome for a unit never assigned is refused with an {@link IllegalArgumentException}
 * (it cannot be attributed to an arm); assigning a unit again to its arm does nothing (a returning
 * user), to another arm is refused with an {@link IllegalStateException} (stickiness was broken).
 * A metric keeps the kind of its first outcome.
 *
 * <p>{@link #inMemory} keeps everything in memory; {@link #open} also appends every accepted entry
 * to a JSON Lines file through {@link JsonLinesAppender}, one object per line with its keys sorted,
 * {@code {"arm":"treatment","at":"2026-12-07T10:00:00Z","event":"assign","unit":"u1"}},
 * {@code {"at":...,"event":"conversion","metric":"purchase","unit":"u1"}} and
 * {@code {"at":...,"event":"value","metric":"revenue","unit":"u1","value":42.5}}, and reading an existing
 * file first, so a restarted service continues the same log. Thread-safe: every method may be
 * called from any thread.
 */
public final class OutcomeLog implements AutoCloseable {
    private static final String ASSIGN = "assign";
    private static final String CONVERSION = "conversion";
    private static final String VALUE = "value";

    private final Clock clock;
    private final @Nullable JsonLinesAppender appender;
    private final Map<String, String> armOfUnit = new HashMap<>();
    private final Map<String, Long> unitsPerArm = new LinkedHashMap<>();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    /** A metric's kind and each unit's total. */
    private record Metric(MetricKind kind, Map<String, Double> totals) {
    }

    /** What a metric measures. */
    public enum MetricKind {
        /** Each unit converted (1) or not (0). */
        CONVERSION,
        /** Each unit's values, summed. */
        VALUE
    }

    private OutcomeLog(Clock clock, @Nullable JsonLinesAppender appender) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.appender = appender;
    }

    /**
     * A log kept in memory only.
     *
     * @param clock stamps the entries
     * @return an empty log
     */
    public static OutcomeLog inMemory(Clock clock) {
        return new OutcomeLog(clock, null);
    }

    /**
     * A log on a JSON Lines file: reads the entries already there, then appends.
     *
     * @param file the file, created with its directories if absent
     * @param policy when appended entries are forced to storage
     * @param clock stamps the entries
     * @return the log; close it to flush and release the file
     * @throws IllegalArgumentException if a line of the file is not an entry this class writes, or
     *     breaks its rules; the message names the file and the line
     * @throws UncheckedIOException if the file cannot be read or opened
     */
    public static OutcomeLog open(Path file, FlushPolicy policy, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        JsonLinesAppender appender = JsonLinesAppender.open(file, policy);
        OutcomeLog log = new OutcomeLog(clock, appender);
        try {
            log.replay(file);
        } catch (RuntimeException e) {
            appender.close();
            throw e;
        }
        return log;
    }

    /**
     * Records that a unit is in an arm; again for the same arm does nothing.
     *
     * @param unitId the unit, not blank
     * @param arm its arm, not blank
     * @throws IllegalStateException if the unit is already in another arm
     */
    public synchronized void assign(String unitId, String arm) {
        checkName("unitId", unitId);
        checkName("arm", arm);
        if (accept(unitId, arm)) {
            write(ASSIGN, unitId, Map.of("arm", arm));
        }
    }

    /**
     * Records that a unit converted on a metric (once is enough: the unit counts 1).
     *
     * @param unitId an assigned unit
     * @param metric the metric's name, not blank, a conversion metric if seen before
     * @throws IllegalArgumentException if the unit was never assigned, or the metric is a value metric
     */
    public synchronized void conversion(String unitId, String metric) {
        checkName("unitId", unitId);
        checkName("metric", metric);
        outcome(unitId, metric, MetricKind.CONVERSION, 1.0);
        write(CONVERSION, unitId, Map.of("metric", metric));
    }

    /**
     * Adds a value to a unit's total on a metric.
     *
     * @param unitId an assigned unit
     * @param metric the metric's name, not blank, a value metric if seen before
     * @param value the value, finite
     * @throws IllegalArgumentException if the unit was never assigned, the metric is a conversion
     *     metric or the value not finite
     */
    public synchronized void value(String unitId, String metric, double value) {
        checkName("unitId", unitId);
        checkName("metric", metric);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of metric '" + metric + "' for unit '" + unitId
                    + "' must be finite but was " + value);
        }
        outcome(unitId, metric, MetricKind.VALUE, value);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("metric", metric);
        fields.put(VALUE, value);
        write(VALUE, unitId, fields);
    }

    /**
     * The arm a unit is in.
     *
     * @param unitId the unit
     * @return its arm, empty if it was never assigned
     */
    public synchronized Optional<String> arm(String unitId) {
        return Optional.ofNullable(armOfUnit.get(unitId));
    }

    /** @return the number of units assigned to each arm, in the order arms were first seen */
    public synchronized Map<String, Long> assignments() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(unitsPerArm));
    }

    /** @return the metrics with at least one outcome, in the order first seen */
    public synchronized List<String> metrics() {
        return List.copyOf(metrics.keySet());
    }

    /**
     * A metric's kind.
     *
     * @param metric the metric
     * @return its kind, empty if no outcome was recorded on it
     */
    public synchronized Optional<MetricKind> kind(String metric) {
        Metric found = metrics.get(metric);
        return found == null ? Optional.empty() : Optional.of(found.kind);
    }

    /**
     * Each arm's units' outcomes on a metric: one number per assigned unit (0 for a unit without
     * an outcome), for each of {@code arms}.
     *
     * @param metric the metric
     * @param arms the arms, in order
     * @return one array per arm, in order
     */
    synchronized double[][] outcomes(String metric, List<String> arms) {
        double[][] values = new double[arms.size()][];
        int[] filled = new int[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            values[i] = new double[Math.toIntExact(unitsPerArm.getOrDefault(arms.get(i), 0L))];
        }
        Metric found = metrics.get(metric);
        for (Map.Entry<String, String> unit : armOfUnit.entrySet()) {
            int arm = arms.indexOf(unit.getValue());
            if (arm >= 0) {
                values[arm][filled[arm]++] = found == null ? 0.0 : found.totals.getOrDefault(unit.getKey(), 0.0);
            }
        }
        return values;
    }

    /**
     * Flushes and closes the file of a log {@link #open opened} on one; does nothing for a log in
     * memory.
     *
     * @throws UncheckedIOException if the final flush fails
     */
    @Override
    public synchronized void close() {
        if (appender != null) {
            appender.close();
        }
    }

    private boolean accept(String unitId, String arm) {
        String before = armOfUnit.putIfAbsent(unitId, arm);
        if (before == null) {
            unitsPerArm.merge(arm, 1L, Long::sum);
            return true;
        }
        if (!before.equals(arm)) {
            throw new IllegalStateException("unit '" + unitId + "' is already in arm '" + before
                    + "' and cannot be assigned to arm '" + arm + "': assignment must be sticky (route with the"
                    + " unit's id, and keep one salt per experiment)");
        }
        return false;
    }

    private void outcome(String unitId, String metric, MetricKind kind, double value) {
        if (!armOfUnit.containsKey(unitId)) {
            throw new IllegalArgumentException("an outcome on metric '" + metric + "' for unit '" + unitId
                    + "', which was never assigned to an arm: log its assignment first (assign(unitId, arm))");
        }
        Metric found = metrics.computeIfAbsent(metric, name -> new Metric(kind, new HashMap<>()));
        if (found.kind != kind) {
            throw new IllegalArgumentException("metric '" + metric + "' is a " + label(found.kind)
                    + " metric, so it cannot take a " + label(kind) + " for unit '" + unitId + "'");
        }
        if (kind == MetricKind.CONVERSION) {
            found.totals.put(unitId, 1.0);
        } else {
            found.totals.merge(unitId, value, Double::sum);
        }
    }

    private void write(String event, String unitId, Map<String, Object> fields) {
        if (appender != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("event", event);
            entry.put("at", clock.instant().toString());
            entry.put("unit", unitId);
            entry.putAll(fields);
            appender.append(entry);
        }
    }

    private void replay(Path file) {
        int line = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (!text.isBlank()) {
                    replay(Json.reader().readTree(text), file, line);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + line + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the outcome log " + file + ": " + e, e);
        }
    }

    private void replay(JsonNode entry, Path file, int line) {
        String event = entry.path("event").asText();
        String unit = entry.path("unit").asText();
        try {
            checkName("unit", unit);
            switch (event) {
                case ASSIGN -> accept(unit, text(entry, "arm"));
                case CONVERSION -> outcome(unit, text(entry, "metric"), MetricKind.CONVERSION, 1.0);
                case VALUE -> {
                    JsonNode value = entry.path(VALUE);
                    if (!value.isNumber()) {
                        throw new IllegalArgumentException("its value is not a number");
                    }
                    outcome(unit, text(entry, "metric"), MetricKind.VALUE, value.doubleValue());
                }
                default -> throw new IllegalArgumentException("event must be assign, conversion or value but was '"
                        + event + "'");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " line " + line + " is not a valid outcome log entry: "
                    + e.getMessage(), e);
        }
    }

    private static String text(JsonNode entry, String field) {
        String value = entry.path(field).asText();
        checkName(field, value);
        return value;
    }

    private static void checkName(String argument, String value) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank()) {
            throw new IllegalArgumentException(argument + " must not be blank but was '" + value + "'");
        }
    }

    private static String label(MetricKind kind) {
        return kind == MetricKind.CONVERSION ? CONVERSION : VALUE;
    }
}
