package dev.mlops.monitor.window;

import dev.mlops.core.table.Field;
import dev.mlops.core.table.RowBuilder;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.monitor.capture.CapturePolicy;
import dev.mlops.monitor.capture.CaptureRecord;
import dev.mlops.monitor.capture.CaptureStage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads one stage's captured rows as a table of a schema. What a captured JSON value may be for
 * each column type: numeric, a number (an integer beyond ±2^53, which a double cannot hold
 * exactly, is refused) or the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 * (as non-finite numbers are written); categorical, a string, a boolean or a whole number (written
 * without a fraction: {@code 1.0} is the level {@code "1"}); text, a string; boolean, a boolean or
 * {@code "true"}/{@code "false"} in any case; timestamp, an ISO-8601 string with an offset or
 * {@code Z}. {@code null}, an absent key and the mask {@value CapturePolicy#MASK} are missing.
 */
final class WindowTables {
    /** At most this many values of the wrong type are named per table; all are counted. */
    static final int MAX_PROBLEMS = 1000;
    private static final long LARGEST_EXACT_INTEGER = 1L << 53;

    /** Which row of a record is read. */
    enum Side { INPUT, OUTPUT }

    private WindowTables() {
    }

    static WindowTable read(Window window, CaptureStage stage, Schema schema, Side side) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(schema, "schema");
        RowBuilder rows = Table.rowBuilder(schema);
        long masked = 0;
        long wrongType = 0;
        List<WindowProblem> problems = new ArrayList<>();
        @Nullable Object[] row = new Object[schema.size()];
        for (CaptureRecord record : window.records(stage)) {
            Map<String, @Nullable Object> values = side == Side.INPUT ? record.input() : record.output();
            for (int i = 0; i < row.length; i++) {
                Field field = schema.field(i);
                Object value = values.get(field.name());
                row[i] = null;
                if (CapturePolicy.MASK.equals(value)) {
                    masked++;
                } else if (value != null) {
                    Object converted = convert(field, value);
                    if (converted == null) {
                        wrongType++;
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add(new WindowProblem(window.index(), record.inferenceId(), field.name(),
                                    describe(value) + " is not a " + field.type().name().toLowerCase(Locale.ROOT)
                                    + " value; expected " + expected(field) + " (read as missing)"));
                        }
                    }
                    row[i] = converted;
                }
            }
            rows.addRow(row);
        }
        return new WindowTable(window.index(), rows.build(), masked, wrongType, problems);
    }

    /** The value as {@link RowBuilder} takes it for the field, or null if it does not fit. */
    static @Nullable Object convert(Field field, Object value) {
        return switch (field.type()) {
            case NUMERIC -> number(value);
            case CATEGORICAL -> level(value);
            case TEXT -> value instanceof String ? value : null;
            case BOOLEAN -> bool(value);
            case TIMESTAMP -> instant(value);
        };
    }

    private static @Nullable Object number(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long whole = ((Number) value).longValue();
            return Math.abs(whole) <= LARGEST_EXACT_INTEGER ? Double.valueOf(whole) : null;
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String text) {
            return switch (text) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> null;
            };
        }
        return null;
    }

    /** A categorical level: a string, a boolean's name, or a whole number without a fraction. */
    static @Nullable String level(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        if (value instanceof BigInteger big) {
            return big.toString();
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable Boolean bool(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static @Nullable Instant instant(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String expected(Field field) {
        return switch (field.type()) {
            case NUMERIC -> "a number (an integer within ±2^53) or \"NaN\", \"Infinity\", \"-Infinity\"";
            case CATEGORICAL -> "a string, a boolean or a whole number";
            case TEXT -> "a string";
            case BOOLEAN -> "true or false";
            case TIMESTAMP -> "an ISO-8601 time with an offset, such as \"2026-12-07T01:00:00Z\"";
        };
    }

    private static String describe(Object value) {
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + text;
    }
}
