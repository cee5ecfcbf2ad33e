package dev.mlops.cli;

import dev.mlops.train.tracking.RunQuery;
import dev.mlops.train.tracking.RunStatus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The converters of {@code mlops runs}' options. Stateless, thread-safe. */
final class RunsOptions {
    private static final Pattern METRIC_CONDITION = Pattern.compile(
            "\\s*([^<>=!]+?)\\s*(<=|>=|==|=|<|>)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*");
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([smhdw])");

    private RunsOptions() {
        throw new AssertionError("no instances");
    }

    /**
     * An order by a metric.
     *
     * @param metric the metric's key
     * @param highestFirst true for the highest value first
     */
    record Order(String metric, boolean highestFirst) {
        Order {
            Objects.requireNonNull(metric, "metric");
        }
    }

    /** Reads {@code --status}: {@code running}, {@code finished}, {@code failed} or {@code killed}, in any case. */
    static final class StatusConverter implements ITypeConverter<RunStatus> {
        @Override
        public RunStatus convert(String value) {
            try {
                return RunStatus.ofLabel(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code KEY=VALUE} (the first {@code =} splits; the value may be empty or hold {@code =}). */
    static final class KeyValueConverter implements ITypeConverter<RunQuery.Equals> {
        @Override
        public RunQuery.Equals convert(String value) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new TypeConversionException("expected KEY=VALUE, such as lr=0.1, but was '" + value + "'");
            }
            return new RunQuery.Equals(value.substring(0, equals).strip(), value.substring(equals + 1));
        }
    }

    /** Reads a metric condition: {@code KEY OP NUMBER} with OP one of {@code < <= = == >= >}. */
    static final class MetricConditionConverter implements ITypeConverter<RunQuery.MetricCondition> {
        @Override
        public RunQuery.MetricCondition convert(String value) {
            Matcher matcher = METRIC_CONDITION.matcher(value);
            if (!matcher.matches()) {
                throw new TypeConversionException("expected METRIC OP NUMBER, such as 'val_auc>=0.8' (OP one of <, <=, "
                        + "=, >=, >; a finite number with a decimal point), but was '" + value + "'");
            }
            RunQuery.Comparison comparison = switch (matcher.group(2)) {
                case "<" -> RunQuery.Comparison.LESS;
                case "<=" -> RunQuery.Comparison.LESS_OR_EQUAL;
                case ">=" -> RunQuery.Comparison.GREATER_OR_EQUAL;
                case ">" -> RunQuery.Comparison.GREATER;
                default -> RunQuery.Comparison.EQUAL;
            };
            double number = Double.parseDouble(matcher.group(3));
            if (!Double.isFinite(number)) {
                throw new TypeConversionException("the number in '" + value + "' is too large for a double");
            }
            return new RunQuery.MetricCondition(matcher.group(1), comparison, number);
        }
    }

    /** Reads {@code --order-by}: {@code METRIC} for the lowest first, {@code -METRIC} for the highest first. */
    static final class OrderConverter implements ITypeConverter<Order> {
        @Override
        public Order convert(String value) {
            boolean highestFirst = value.startsWith("-");
            String metric = (highestFirst ? value.substring(1) : value).strip();
            if (metric.isEmpty()) {
                throw new TypeConversionException("expected a metric, such as val_auc or -val_auc, but was '" + value + "'");
            }
            return new Order(metric, highestFirst);
        }
    }

    /**
     * Reads an age: a whole number and a unit, {@code s}, {@code m}, {@code h}, {@code d} (24 hours) or
     * {@code w} (7 days), such as {@code 12h} or {@code 30d}; or an ISO-8601 duration such as {@code PT12H}
     * or {@code P30D}. It must be positive.
     */
    static final class AgeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip();
            Duration age;
            Matcher matcher = AGE.matcher(text.toLowerCase(Locale.ROOT));
            try {
                if (matcher.matches()) {
                    long amount = Long.parseLong(matcher.group(1));
                    age = switch (matcher.group(2)) {
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "d" -> Duration.ofDays(amount);
                        default -> Duration.ofDays(Math.multiplyExact(amount, 7));
                    };
                } else {
                    age = Duration.parse(text);
                }
            } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
                throw new TypeConversionException("expected an age such as 90s, 45m, 12h, 30d, 2w or PT12H but was '"
                        + value + "'");
            }
            if (age.isNegative() || age.isZero()) {
                throw new TypeConversionException("the age must be positive but was '" + value + "'");
            }
            return age;
        }
    }
}
