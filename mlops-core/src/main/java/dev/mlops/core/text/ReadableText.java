package dev.mlops.core.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers and values written for people to read in text reports, messages and summaries; every
 * module's text output formats through here, so a number or a cell reads the same everywhere.
 *
 * <pre>{@code
 * ReadableText.number(1.0979916975628612e-10);   // "1.09799e-10"
 * ReadableText.value("a\tb");                     // "\"a\\tb\""
 * ReadableText.value("x".repeat(50_000));         // "\"xxx…\" (50,000 characters)"
 * }</pre>
 *
 * <p>The methods are pure and thread-safe, and independent of the default locale.
 */
public final class ReadableText {
    /** Significant digits of a number that is not a whole number. */
    public static final int DIGITS = 6;

    /** Characters of a value (or a name) shown before it is cut. */
    public static final int WIDTH = 40;

    /** Whole numbers below this magnitude are printed exactly. */
    private static final double LARGEST_PLAIN_INTEGER = 1e15;

    private ReadableText() {
    }

    /**
     * A number for people: whole numbers below 10<sup>15</sup> exactly ({@code 42}, {@code -7},
     * {@code 0} for both zeros), others rounded to {@value #DIGITS} significant digits without
     * trailing zeros, plainly from 10<sup>-4</sup> to below 10<sup>6</sup> ({@code 0.3},
     * {@code 0.000123457}) and otherwise in scientific notation with a signed exponent of at least
     * two digits, as C's and Python's {@code %g} write it ({@code 1.09799e-10}, {@code 1.5e+20},
     * {@code 1e-07}); {@code NaN}, {@code Infinity} and {@code -Infinity}
     * as Java writes them.
     *
     * @param value any double
     * @return its text in the root locale
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_INTEGER) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(DIGITS)).stripTrailingZeros();
        String digits = rounded.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (exponent >= -4 && exponent < DIGITS) {
            return rounded.toPlainString();
        }
        return (rounded.signum() < 0 ? "-" : "") + digits.charAt(0)
                + (digits.length() > 1 ? "." + digits.substring(1) : "") + String.format(Locale.ROOT, "e%+03d", exponent);
    }

    /**
     * A cell value for people: quoted, with {@code "} and {@code \} escaped, newlines, tabs and
     * other control characters written as escapes ({@code \n}, {@code \t}, {@code \u0007}), and a
     * value longer than {@value #WIDTH} characters cut at that width with {@code …} and its full
     * length stated: {@code "aaaa…" (50,000 characters)}.
     *
     * @param value the raw value
     * @return the readable text, at most about {@value #WIDTH} characters plus escapes and the
     *     length note
     */
    public static String value(String value) {
        return '"' + escape(cut(value)) + '"' + lengthNote(value);
    }

    /**
     * A name (of a column, a file, a label) for people: unquoted, escaped and cut as
     * {@link #value(String)} does, with the full length stated when cut. Short plain names come
     * back as they are, so {@code age} stays {@code age}.
     *
     * @param name the raw name
     * @return the readable name
     */
    public static String name(String name) {
        return escape(cut(name)) + lengthNote(name);
    }

    /**
     * Escapes {@code "}, {@code \} and every control character (ISO control or line/paragraph
     * separator) of a text without cutting it.
     *
     * @param text the raw text
     * @return the escaped text
     */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static String cut(String text) {
        if (text.length() <= WIDTH) {
            return text;
        }
        int end = WIDTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String lengthNote(String text) {
        return text.length() <= WIDTH ? "" : String.format(Locale.ROOT, " (%,d characters)", text.length());
    }
}
