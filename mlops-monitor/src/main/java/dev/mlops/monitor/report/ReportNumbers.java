package dev.mlops.monitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way a report writes a number, in the JSON and in the page alike, so that a reader can
 * match them: six significant digits (half up), no trailing zeros, plain notation from 1e-6 up to
 * 1e15 and scientific ({@code 1.23457E-7}, {@code 1.5E+20}) outside, {@code 0} for zero of either
 * sign; {@code NaN}, {@code Infinity} and {@code -Infinity} for the non-finite values, which the
 * JSON holds as strings (DESIGN.md). The text is {@link BigDecimal#toString()}'s, which is also
 * how Jackson writes the JSON number.
 */
final class ReportNumbers {
    private static final MathContext DIGITS = new MathContext(6, RoundingMode.HALF_UP);
    private static final int MAX_PLAIN_INTEGER_DIGITS = 15;

    private ReportNumbers() {
        throw new AssertionError("no instances");
    }

    /** @return the number as the report writes it */
    static String format(double value) {
        if (Double.isFinite(value)) {
            return decimal(value).toString();
        }
        return Double.toString(value);
    }

    /** @return the number as a JSON value: a number with six significant digits, or a string if not finite */
    static JsonNode node(double value) {
        if (Double.isFinite(value)) {
            return DecimalNode.valueOf(decimal(value));
        }
        return TextNode.valueOf(Double.toString(value));
    }

    private static BigDecimal decimal(double finite) {
        if (finite == 0.0) {
            return BigDecimal.ZERO;
        }
        BigDecimal rounded = BigDecimal.valueOf(finite).round(DIGITS).stripTrailingZeros();
        if (rounded.precision() - rounded.scale() <= MAX_PLAIN_INTEGER_DIGITS) {
            return rounded.setScale(Math.max(rounded.scale(), 0)); // 1E+2 becomes 100; 0.25 stays
        }
        return rounded;
    }
}
