package dev.mlops.data.internal;

/**
 * Reads a decimal number strictly: an optional sign, digits with an optional fraction, an
 * optional exponent, or one of the names {@code NaN}, {@code Inf} and {@code Infinity} in any
 * case. Unlike {@link Double#parseDouble} it refuses hexadecimal floats, type suffixes such as
 * {@code 1d}, and surrounding spaces, so that such text stays a category.
 *
 * <p>Numbers of at most 15 significant digits and a decimal exponent within ±22 are computed
 * with one correctly rounded multiplication or division (both operands are exact doubles);
 * others go to {@link Double#parseDouble}. One instance per column: not thread-safe.
 *
 * <p>Shared by the readers ({@code dev.mlops.data.io}) and the profiles' type shares
 * ({@code dev.mlops.data.profile}); not part of the public API. The results are public fields,
 * read right after {@link #parse} on the readers' hot path. Not final only so that
 * {@code dev.mlops.data.io} keeps a package-private subclass of the same name for its tests.
 */
public class NumberSyntax {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final int FAST_DIGITS = 15;
    private static final int LONG_DIGITS = 18;
    private static final long LARGEST_EXACT_INTEGER = 1L << 53;

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
        integerBeyondDoublePrecision = false;
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i == length) {
            return false;
        }
        char first = text.charAt(i);
        if (first == 'n' || first == 'N' || first == 'i' || first == 'I') {
            return parseName(text.substring(i), negative);
        }
        long mantissa = 0;
        int significantDigits = 0;
        int exponent = 0;
        int digits = 0;
        boolean integerLiteral = true;
        boolean fraction = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
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
                // beyond 18 digits only the magnitude counts: the exact value goes to Double.parseDouble
                exponent += fraction ? 0 : 1;
                significantDigits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            integerLiteral = false;
            i++;
            boolean negativeExponent = false;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int exponentDigits = 0;
            int written = 0;
            for (; i < length && isDigit(text.charAt(i)); i++, exponentDigits++) {
                if (written < 100_000) {
                    written = written * 10 + (text.charAt(i) - '0');
                }
            }
            if (exponentDigits == 0) {
                return false;
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != length) {
            return false;
        }
        if (integerLiteral) {
            integerBeyondDoublePrecision = significantDigits > LONG_DIGITS || mantissa > LARGEST_EXACT_INTEGER;
        }
        if (significantDigits <= FAST_DIGITS && exponent >= -22 && exponent <= 22) {
            double magnitude = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
            value = negative ? -magnitude : magnitude;
        } else {
            value = Double.parseDouble(text);
        }
        return true;
    }

    private boolean parseName(String name, boolean negative) {
        if (name.equalsIgnoreCase("nan")) {
            value = Double.NaN;
            return true;
        }
        if (name.equalsIgnoreCase("inf") || name.equalsIgnoreCase("infinity")) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        return false;
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
