package dev.mlops.data.profile;

import dev.mlops.data.internal.NumberSyntax;
import dev.mlops.data.internal.TimestampSyntax;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How the present values of a categorical, text or boolean column would read as other types,
 * under the readers' own syntax ({@code dev.mlops.data.io}): each value falls in exactly one kind,
 * tried in this order:
 * <ol>
 *   <li><b>boolean</b>: {@code true} or {@code false} in any case (a boolean column's values);</li>
 *   <li><b>numeric</b>: a decimal number as the readers accept it (optional sign, digits, fraction,
 *       exponent; {@code NaN}, {@code Inf} and {@code Infinity} in any case; no spaces, no
 *       hexadecimal, no suffixes), including integers beyond ±2^53 that the readers keep
 *       categorical;</li>
 *   <li><b>timestamp</b>: an ISO-8601 instant with {@code Z} or an offset, or a local ISO date or
 *       date-time, which the readers read as a timestamp when given a zone;</li>
 *   <li><b>text</b>: anything else.</li>
 * </ol>
 * The counts are exact (each distinct value is classified once and weighted by its count, before
 * any sketching) and merge by addition.
 *
 * @param numeric how many present values read as a number
 * @param booleans how many present values read as a boolean
 * @param timestamps how many present values read as a timestamp
 * @param text how many present values read as none of these
 */
public record TypeShares(long numeric, long booleans, long timestamps, long text) {
    /** No values. */
    public static final TypeShares NONE = new TypeShares(0, 0, 0, 0);

    /**
     * Validates the counts.
     *
     * @param numeric how many present values read as a number
     * @param booleans how many present values read as a boolean
     * @param timestamps how many present values read as a timestamp
     * @param text how many present values read as none of these
     * @throws IllegalArgumentException if a count is negative; the message names it and its value
     */
    public TypeShares {
        check("numeric", numeric);
        check("booleans", booleans);
        check("timestamps", timestamps);
        check("text", text);
    }

    private static void check(String name, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative but was " + count);
        }
    }

    /** @return the number of present values classified, the sum of the four counts */
    public long total() {
        return numeric + booleans + timestamps + text;
    }

    /** @return the share of present values that read as a number, empty with no present value */
    public OptionalDouble numericShare() {
        return share(numeric);
    }

    /** @return the share of present values that read as a boolean, empty with no present value */
    public OptionalDouble booleanShare() {
        return share(booleans);
    }

    /** @return the share of present values that read as a timestamp, empty with no present value */
    public OptionalDouble timestampShare() {
        return share(timestamps);
    }

    /** @return the share of present values that read as none of the other kinds, empty with no present value */
    public OptionalDouble textShare() {
        return share(text);
    }

    private OptionalDouble share(long count) {
        long total = total();
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / total);
    }

    /**
     * Adds two columns' (or partitions') counts.
     *
     * @param other the other counts
     * @return the sums
     */
    public TypeShares plus(TypeShares other) {
        return new TypeShares(numeric + other.numeric, booleans + other.booleans, timestamps + other.timestamps,
                text + other.text);
    }

    /** Classifies each distinct value once, weighted by its count. */
    static TypeShares of(Map<String, Long> counts) {
        NumberSyntax numbers = new NumberSyntax();
        TimestampSyntax times = new TimestampSyntax(ZoneOffset.UTC, null);
        long numeric = 0;
        long booleans = 0;
        long timestamps = 0;
        long text = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            String value = entry.getKey();
            long count = entry.getValue();
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                booleans += count;
            } else if (numbers.parse(value)) {
                numeric += count;
            } else if (times.parse(value) != null) {
                timestamps += count;
            } else {
                text += count;
            }
        }
        return new TypeShares(numeric, booleans, timestamps, text);
    }
}
