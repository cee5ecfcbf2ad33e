package dev.mlops.testkit;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Builds random tables from a seed, for the seeded sweeps of the contract tests: random column
 * types, random missing values, and values chosen to reach the corners of each type (NaN,
 * infinities, negative zero, subnormal and extreme doubles, any bit pattern; instants from year
 * 1 to 9999 with nanoseconds; text with delimiters, quotes, line breaks and non-ASCII code
 * points). The same seed, size and text filter always give the same table.
 */
final class RandomTables {
    /** The first second of year 1 and the last second of year 9999, UTC: the four-digit years. */
    private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private static final double[] SPECIAL_DOUBLES = {
        0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        1.0, -1.0, 0.1, 0.30000000000000004, 1e22, 1e23, 9007199254740992.0, 9007199254740993.0,
        999999999999999.0, 1e15, 123456789.123456789, 4.9e-324, 2.2250738585072009e-308
    };

    /** Code points that text values are made of: ASCII, separators, quotes, line breaks, non-ASCII, emoji. */
    private static final int[] ALPHABET = "abcxyzABCXYZ0189 .,;|\t\"'\\\n\r{}[]:#=-+äöüßéãçñ€東京😀🎉"
            .codePoints().toArray();

    private static final ColumnType[] TYPES = ColumnType.values();
    private static final double[] MISSING_RATES = {0.0, 0.0, 0.05, 0.3, 1.0};

    private RandomTables() {
    }

    /**
     * Builds a random table.
     *
     * @param seed the seed that decides every choice
     * @param rows the number of rows, 0 or more
     * @param columns the number of columns, 1 or more
     * @param usableText accepts the strings that may appear as categorical or text values
     * @param usableInstant accepts the instants that may appear as timestamps; a drawn instant it
     *     refuses is truncated to microseconds, milliseconds or seconds, the first it accepts, or
     *     else is missing (no further draw, so the other cells do not change)
     * @return the table; column {@code i} (1-based) is named {@code c<i>_<type>}
     */
    static Table table(long seed, int rows, int columns, Predicate<String> usableText, Predicate<Instant> usableInstant) {
        Objects.requireNonNull(usableText, "usableText");
        Objects.requireNonNull(usableInstant, "usableInstant");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative but was " + rows);
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be positive but was " + columns);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Column> built = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            ColumnType type = TYPES[random.nextInt(TYPES.length)];
            double missingRate = MISSING_RATES[random.nextInt(MISSING_RATES.length)];
            String name = "c" + c + "_" + type.name().toLowerCase(Locale.ROOT);
            built.add(column(name, type, rows, missingRate, random.split(), usableText, usableInstant));
        }
        return Table.of(built);
    }

    private static Column column(String name, ColumnType type, int rows, double missingRate, SplittableRandom random,
            Predicate<String> usableText, Predicate<Instant> usableInstant) {
        return switch (type) {
            case NUMERIC -> numeric(name, rows, missingRate, random);
            case CATEGORICAL -> categorical(name, rows, missingRate, random, usableText);
            case BOOLEAN -> bool(name, rows, missingRate, random);
            case TIMESTAMP -> timestamp(name, rows, missingRate, random, usableInstant);
            case TEXT -> text(name, rows, missingRate, random, usableText);
        };
    }

    private static boolean missing(SplittableRandom random, double missingRate) {
        return missingRate > 0 && random.nextDouble() < missingRate;
    }

    private static NumericColumn numeric(String name, int rows, double missingRate, SplittableRandom random) {
        NumericColumn.Builder builder = NumericColumn.builder(name);
        for (int row = 0; row < rows; row++) {
            if (missing(random, missingRate)) {
                builder.addMissing();
            } else {
                builder.add(randomDouble(random));
            }
        }
        return builder.build();
    }

    /** A double from one of several families, so that every corner is drawn often. */
    static double randomDouble(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)];
            case 1 -> random.nextInt(-1000, 1001);
            case 2 -> (random.nextDouble() - 0.5) * 2e6;
            case 3 -> Double.longBitsToDouble(random.nextLong());
            case 4 -> (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-324, 309));
            case 5 -> random.nextLong(-100_000_000_000L, 100_000_000_000L) / 100.0;
            default -> random.nextDouble();
        };
    }

    private static CategoricalColumn categorical(String name, int rows, double missingRate, SplittableRandom random,
            Predicate<String> usableText) {
        String[] levels = new String[1 + random.nextInt(8)];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = randomText(random, usableText);
        }
        CategoricalColumn.Builder builder = CategoricalColumn.builder(name);
        for (int row = 0; row < rows; row++) {
            if (missing(random, missingRate)) {
                builder.addMissing();
            } else {
                builder.add(levels[random.nextInt(levels.length)]);
            }
        }
        return builder.build();
    }

    private static BooleanColumn bool(String name, int rows, double missingRate, SplittableRandom random) {
        BooleanColumn.Builder builder = BooleanColumn.builder(name);
        for (int row = 0; row < rows; row++) {
            if (missing(random, missingRate)) {
                builder.addMissing();
            } else {
                builder.add(random.nextBoolean());
            }
        }
        return builder.build();
    }

    private static TimestampColumn timestamp(String name, int rows, double missingRate, SplittableRandom random,
            Predicate<Instant> usableInstant) {
        TimestampColumn.Builder builder = TimestampColumn.builder(name);
        for (int row = 0; row < rows; row++) {
            if (missing(random, missingRate)) {
                builder.addMissing();
            } else {
                Instant held = held(randomInstant(random), usableInstant);
                if (held == null) {
                    builder.addMissing();
                } else {
                    builder.add(held);
                }
            }
        }
        return builder.build();
    }

    /** The instant, or its first truncation to microseconds, milliseconds or seconds that is usable; null if none is. */
    private static @Nullable Instant held(Instant instant, Predicate<Instant> usableInstant) {
        for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS, ChronoUnit.SECONDS}) {
            Instant truncated = instant.truncatedTo(unit);
            if (usableInstant.test(truncated)) {
                return truncated;
            }
        }
        return null;
    }

    /** An instant with a four-digit year, at whole seconds or milli-, micro- or nanosecond precision. */
    static Instant randomInstant(SplittableRandom random) {
        long second = random.nextLong(FIRST_SECOND, LAST_SECOND + 1);
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nano);
    }

    private static TextColumn text(String name, int rows, double missingRate, SplittableRandom random,
            Predicate<String> usableText) {
        TextColumn.Builder builder = TextColumn.builder(name);
        for (int row = 0; row < rows; row++) {
            if (missing(random, missingRate)) {
                builder.addMissing();
            } else {
                builder.add(randomText(random, usableText));
            }
        }
        return builder.build();
    }

    /** A string of 0 to 16 code points of {@link #ALPHABET} that the filter accepts. */
    static String randomText(SplittableRandom random, Predicate<String> usableText) {
        while (true) {
            int length = random.nextInt(17);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String candidate = text.toString();
            if (usableText.test(candidate)) {
                return candidate;
            }
        }
    }
}
