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
    /** The bytes {@link #window} loads: two words. */
    private static final int WINDOW = 2 * Long.BYTES;
    private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** The value of the last text {@link #parse} accepted. */
    public double value;
    /** Whether the last text accepted was an integer literal beyond ±2^53, which a double cannot hold exactly. */
    public boolean integerBeyondDoublePrecision;

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
        return bytes.length - i >= WINDOW && window(bytes, i, to, negative) == to
                || parseOther(bytes, from, i, to, negative);
    }

    /**
     * Reads a number of the common form (an optional sign, up to seven integer and eight
     * fraction digits and an optional exponent of up to three digits, or an integer of up to
     * fifteen digits) that starts at {@code at}, where it ends: the CSV reader's way to read a
     * cell without first finding its end. The number ends before the first byte that cannot
     * continue it; the caller checks that this byte ends the cell. A number that
     * {@link #parse} reads from the same bytes gets the same value.
     *
     * @param bytes the bytes
     * @param at the offset of the number's first byte
     * @param limit the offset past which no byte may be read as part of the number
     * @return the offset just past the number, with {@link #value} set, or -1 if the bytes at
     *     {@code at} do not start a number of that form before {@code limit}, or fewer than
     *     seventeen bytes of the array follow {@code at}
     */
    public final int parsePrefix(byte[] bytes, int at, int limit) {
        integerBeyondDoublePrecision = false;
        if (bytes.length - at <= WINDOW || at >= limit) {
            return -1;
        }
        byte first = bytes[at];
        boolean negative = first == '-';
        int i = negative || first == '+' ? at + 1 : at;
        return window(bytes, i, limit, negative);
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
     * The common case, read from one window of sixteen bytes at {@code at} (which the caller
     * makes sure the array holds, whatever lies past the text): up to seven integer digits and
     * up to eight fraction digits, or an integer of up to fifteen digits, the former optionally
     * followed by an exponent of up to three digits. Both words are loaded at once and the digits
     * found and summed eight at a time without a branch per byte, so the common number costs a
     * few dependent steps rather than a loop with a hard-to-predict exit. The mantissa then has
     * at most fifteen digits, which a double holds exactly; with a decimal exponent within ±22
     * one correctly rounded multiplication or division gives the value. Anything else is left to
     * the general path.
     *
     * @param at the offset just past the sign, if any
     * @param limit the offset past which no byte belongs to the text
     * @return the offset just past the number, with {@link #value} set, or -1 if the bytes at
     *     {@code at} do not start such a number (or it would run past {@code limit})
     */
    private int window(byte[] bytes, int at, int limit, boolean negative) {
        long first = (long) LITTLE_ENDIAN_LONGS.get(bytes, at);
        long second = (long) LITTLE_ENDIAN_LONGS.get(bytes, at + Long.BYTES);
        int integerDigits = leadingDigits(first);
        long mantissa = digitsValue(first, integerDigits);
        int end = at + integerDigits;
        if (integerDigits == Long.BYTES) {
            int more = leadingDigits(second);
            end += more;
            return more == Long.BYTES || end > limit ? -1
                    : scaled(mantissa * LONG_POWERS_OF_TEN[more] + digitsValue(second, more), 0, negative, end);
        }
        if (end >= limit || bytes[end] != '.') {
            return integerDigits == 0 || end > limit ? -1 : scaled(mantissa, 0, negative, end);
        }
        // the bytes after the point: the rest of the first word, then the start of the second
        int shift = integerDigits << 3;
        long fraction = first >>> shift >>> Byte.SIZE | second << (Long.SIZE - Byte.SIZE - shift);
        int fractionDigits = leadingDigits(fraction);
        mantissa = mantissa * LONG_POWERS_OF_TEN[fractionDigits] + digitsValue(fraction, fractionDigits);
        end += 1 + fractionDigits;
        if (integerDigits + fractionDigits == 0 || end > limit) {
            return -1;
        }
        return end < limit && (bytes[end] | 0x20) == 'e' ? exponent(bytes, end + 1, limit, mantissa, -fractionDigits,
                negative) : scaled(mantissa, -fractionDigits, negative, end);
    }

    /**
     * Reads an exponent of one to three digits after the mantissa of {@link #window}.
     *
     * @param at the offset just past the {@code e}
     * @param mantissa the digits, at most fifteen
     * @param exponent the decimal exponent the fraction digits gave
     * @return the offset just past the exponent, with {@link #value} set, or -1 if there is no
     *     such exponent, it has more digits, or the total is beyond ±22
     */
    private int exponent(byte[] bytes, int at, int limit, long mantissa, int exponent, boolean negative) {
        int i = at;
        boolean negativeExponent = i < limit && bytes[i] == '-';
        if (negativeExponent || i < limit && bytes[i] == '+') {
            i++;
        }
        int written = 0;
        int digitsEnd = Math.min(i + 3, limit);
        int first = i;
        for (; i < digitsEnd && isDigit(bytes[i]); i++) {
            written = written * 10 + (bytes[i] - '0');
        }
        if (i == first || i < limit && isDigit(bytes[i])) {
            return -1;
        }
        return scaled(mantissa, exponent + (negativeExponent ? -written : written), negative, i);
    }

    /**
     * Sets {@link #value} to a mantissa of at most fifteen digits times a power of ten within
     * ±22: both are exact doubles, so one multiplication or division rounds correctly.
     *
     * @param end the offset just past the number's text
     * @return {@code end}, or -1 if the exponent is beyond ±22
     */
    private int scaled(long mantissa, int exponent, boolean negative, int end) {
        if (exponent < -22 || exponent > 22) {
            return -1;
        }
        double magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        value = negative ? -magnitude : magnitude;
        return end;
    }

    /**
     * Counts the digits a little-endian word starts with, by the SWAR range test per byte.
     *
     * @return 0 to 8
     */
    static int leadingDigits(long word) {
        long low = word & 0x7F7F7F7F7F7F7F7FL;
        // per byte, the high bit set if the byte is beyond ASCII, below '0' or above '9'
        long nonDigits = ((0xAFAFAFAFAFAFAFAFL - low) | (low + 0x4646464646464646L) | word) & 0x8080808080808080L;
        return Long.numberOfTrailingZeros(nonDigits) >>> 3;
    }

    /**
     * The value of the first {@code count} bytes of a little-endian word, all digits, summed with
     * three multiplications. The bytes after them may be anything: a borrow from them only moves
     * upward, and they are shifted out.
     *
     * @param count 0 to 8
     */
    static long digitsValue(long word, int count) {
        // the digits moved up so that zeros lead them; two shifts, so that a count of 0 clears all
        int half = (Long.BYTES - count) << 2;
        long values = (word - 0x3030303030303030L) << half << half;
        values = values * 10 + (values >>> 8);
        return ((values & 0x000000FF000000FFL) * 0x000F424000000064L
                + ((values >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L) >>> 32;
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
