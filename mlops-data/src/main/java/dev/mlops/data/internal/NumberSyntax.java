package dev.mlops.data.internal;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a decimal number strictly: an optional sign, digits with an optional fraction, an
 * optional exponent, or one of the names {@code NaN}, {@code Inf} and {@code Infinity} in any
 * case. Unlike {@link Double#parseDouble} it refuses hexadecimal floats, type suffixes such as
 * {@code 1d}, and surrounding spaces, so that such text stays a category.
 *
 * <p>Numbers of at most 15 significant digits and a decimal exponent within ±22 are computed
 * with one correctly rounded multiplication or division (both operands are exact doubles);
 * others go to FastDoubleParser's {@code JavaDoubleParser} on the bytes. Both are correctly
 * rounded, so every number reads as {@link Double#parseDouble} reads it. One instance per column: not thread-safe.
 *
 * <p>Shared by the readers ({@code dev.mlops.data.io}) and the profiles' type shares
 * ({@code dev.mlops.data.profile}); not part of the public API. The results are public fields,
 * read right after {@link #parse} on the readers' hot path. Not final only so that
 * {@code dev.mlops.data.io} keeps a package-private subclass of the same name for its tests.
 */
public class NumberSyntax {
    private static final byte[] NAN = {'n', 'a', 'n'};
    private static final byte[] INF = {'i', 'n', 'f'};
    private static final byte[] INFINITY = {'i', 'n', 'f', 'i', 'n', 'i', 't', 'y'};
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final int FAST_DIGITS = 15;
    private static final int LONG_DIGITS = 18;
    private static final long LARGEST_EXACT_INTEGER = 1L << 53;
    private static final long[] LONG_POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};
    private static final int RUN_SHIFT = 4;
    private static final int RUN_COUNT = (1 << RUN_SHIFT) - 1;
    private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** The value of the last text {@link #parse} accepted. */
    public double value;
    /** Whether the last text accepted was an integer literal beyond ±2^53, which a double cannot hold exactly. */
    public boolean integerBeyondDoublePrecision;
    /** Where the run of digits {@link #digits} read last ended. */
    private int digitsEnd;

    /** Creates a syntax with no text read yet. */
    public NumberSyntax() {
    }

    /**
     * Parses the text.
     *
     * @param text the text
     * @return true, with {@link #value} set, if the text is a number
     */
    public final boolean parse(String text) {
        // a number is ASCII: a char beyond Latin-1 becomes '?', which no number holds
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    /**
     * Parses the text of ASCII-compatible bytes (UTF-8 or a single-byte charset), with no
     * {@code String} made: a byte beyond ASCII is never part of a number.
     *
     * @param bytes the bytes
     * @param from the offset of the text's first byte
     * @param to the offset just past its last byte
     * @return true, with {@link #value} set, if the text is a number
     */
    public final boolean parse(byte[] bytes, int from, int to) {
        integerBeyondDoublePrecision = false;
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
            negative = bytes[i] == '-';
            i++;
        }
        return to - i <= LONG_DIGITS && parseShort(bytes, i, to, negative) || parseOther(bytes, from, i, to, negative);
    }

    /**
     * The names, and numbers that {@link #parseShort} leaves: longer, with more digits, or with a
     * larger exponent.
     *
     * @param from the offset of the text's first byte
     * @param i the offset just past the sign, if any
     * @return true, with {@link #value} set, if the text is a number
     */
    private boolean parseOther(byte[] bytes, int from, int i, int to, boolean negative) {
        if (i == to) {
            return false;
        }
        byte first = bytes[i];
        if (first == 'n' || first == 'N' || first == 'i' || first == 'I') {
            return parseName(bytes, i, to, negative);
        }
        long mantissa = 0;
        int significantDigits = 0;
        int exponent = 0;
        int digits = 0;
        boolean integerLiteral = true;
        boolean fraction = false;
        for (; i < to; i++) {
            byte c = bytes[i];
            int digit = c - '0';
            if (digit < 0 || digit > 9) {
                if (c == '.' && !fraction) {
                    fraction = true;
                    integerLiteral = false;
                    continue;
                }
                break;
            }
            digits++;
            if (mantissa == 0 && digit == 0) {
                // a leading zero is not significant; after the point it scales the value
                exponent -= fraction ? 1 : 0;
            } else if (significantDigits < LONG_DIGITS) {
                mantissa = mantissa * 10 + digit;
                exponent -= fraction ? 1 : 0;
                significantDigits++;
            } else {
                // beyond 18 digits only the magnitude counts: the exact value goes to the slow path
                exponent += fraction ? 0 : 1;
                significantDigits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            integerLiteral = false;
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            int exponentDigits = 0;
            int written = 0;
            for (; i < to && isDigit(bytes[i]); i++, exponentDigits++) {
                if (written < 100_000) {
                    written = written * 10 + (bytes[i] - '0');
                }
            }
            if (exponentDigits == 0) {
                return false;
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != to) {
            return false;
        }
        if (integerLiteral) {
            integerBeyondDoublePrecision = significantDigits > LONG_DIGITS || mantissa > LARGEST_EXACT_INTEGER;
        }
        if (significantDigits <= FAST_DIGITS && exponent >= -22 && exponent <= 22) {
            double magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
            value = negative ? -magnitude : magnitude;
        } else {
            // the syntax above is a subset of Java's, which FastDoubleParser reads correctly rounded
            value = JavaDoubleParser.parseDouble(bytes, from, to - from);
        }
        return true;
    }

    /**
     * The common case in one tight pass: at most 18 characters (so the digits fit a long), a
     * mantissa a double holds exactly and a decimal exponent within ±22, computed with one
     * correctly rounded multiplication or division. Anything else is left to the general path.
     *
     * @return true if the text was such a number, with {@link #value} set
     */
    private boolean parseShort(byte[] bytes, int from, int to, boolean negative) {
        long mantissa = digits(bytes, from, to, 0);
        int i = digitsEnd;
        int digits = i - from;
        int fractionDigits = 0;
        if (i < to && bytes[i] == '.') {
            mantissa = digits(bytes, i + 1, to, mantissa);
            fractionDigits = digitsEnd - i - 1;
            digits += fractionDigits;
            i = digitsEnd;
        }
        if (digits == 0 || mantissa > LARGEST_EXACT_INTEGER) {
            return false;
        }
        int exponent = -fractionDigits;
        if (i < to) {
            if ((bytes[i] | 0x20) != 'e' || ++i == to) {
                return false;
            }
            boolean negativeExponent = bytes[i] == '-';
            if (negativeExponent || bytes[i] == '+') {
                i++;
            }
            int written = 0;
            int exponentDigits = 0;
            for (; i < to && isDigit(bytes[i]) && exponentDigits < 3; i++, exponentDigits++) {
                written = written * 10 + (bytes[i] - '0');
            }
            if (i != to || exponentDigits == 0) {
                return false;
            }
            exponent += negativeExponent ? -written : written;
        }
        if (exponent < -22 || exponent > 22) {
            return false;
        }
        double magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /**
     * Reads the run of digits at {@code at}, eight at a time, onto a mantissa; sets
     * {@link #digitsEnd} just past the run. The caller keeps the run short enough (at most 18
     * digits in all) that the mantissa does not overflow.
     *
     * @param mantissa the digits read before
     * @return the mantissa with the run's digits appended
     */
    private long digits(byte[] bytes, int at, int to, long mantissa) {
        int i = at;
        long run;
        do {
            run = digitRun(bytes, i, to);
            int count = (int) run & RUN_COUNT;
            mantissa = mantissa * LONG_POWERS_OF_TEN[count] + (run >>> RUN_SHIFT);
            i += count;
        } while ((run & RUN_COUNT) == Long.BYTES);
        digitsEnd = i;
        return mantissa;
    }

    /**
     * Reads up to eight digits at {@code at} (before {@code to}): with one little-endian
     * {@code long} load when eight bytes are there to read (the bytes past {@code to} are read
     * but ignored), the digits found with the SWAR range test per byte and summed with three
     * multiplications; else byte by byte.
     *
     * @return the digits' value shifted left by {@value #RUN_SHIFT}, or'ed with their count (0 to 8)
     */
    static long digitRun(byte[] bytes, int at, int to) {
        if (bytes.length - at < Long.BYTES) {
            long value = 0;
            int count = 0;
            while (count < Long.BYTES && at + count < to && isDigit(bytes[at + count])) {
                value = value * 10 + bytes[at + count] - '0';
                count++;
            }
            return value << RUN_SHIFT | count;
        }
        long word = (long) LITTLE_ENDIAN_LONGS.get(bytes, at);
        long low = word & 0x7F7F7F7F7F7F7F7FL;
        // per byte, the high bit set if the byte is beyond ASCII, below '0' or above '9'
        long nonDigits = ((0xAFAFAFAFAFAFAFAFL - low) | (low + 0x4646464646464646L) | word) & 0x8080808080808080L;
        int count = Math.min(Long.numberOfTrailingZeros(nonDigits) >>> 3, to - at);
        if (count == 0) {
            return 0;
        }
        // the digits' values, the first one in the lowest byte, moved up so that zeros lead them
        long values = (word - 0x3030303030303030L) << ((Long.BYTES - count) << 3);
        values = values * 10 + (values >>> 8);
        long value = ((values & 0x000000FF000000FFL) * 0x000F424000000064L
                + ((values >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L) >>> 32;
        return value << RUN_SHIFT | count;
    }

    private boolean parseName(byte[] bytes, int from, int to, boolean negative) {
        if (matches(bytes, from, to, NAN)) {
            value = Double.NaN;
            return true;
        }
        if (matches(bytes, from, to, INF) || matches(bytes, from, to, INFINITY)) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        return false;
    }

    /** Compares ASCII letters ignoring case with a lower-case name. */
    private static boolean matches(byte[] bytes, int from, int to, byte[] name) {
        if (to - from != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if ((bytes[from + i] | 0x20) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether the text names a non-finite number: NaN or a signed infinity, in any case.
     *
     * @param text the text
     * @return true for NaN and the infinities
     */
    public final boolean isNonFiniteName(String text) {
        return parse(text) && !Double.isFinite(value);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
