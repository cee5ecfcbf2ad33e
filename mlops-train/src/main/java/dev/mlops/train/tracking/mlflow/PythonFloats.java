package dev.mlops.train.tracking.mlflow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double as Python's {@code repr(float)} does, which is how MLflow writes a metric value
 * ({@code f"{metric.value}"}): the shortest digits that read back as the same double, in fixed
 * notation when the decimal exponent lies in [-4, 16) ({@code 0.0001}, {@code 1.0},
 * {@code 1234567890123456.0}) and in exponent notation otherwise ({@code 1e-05}, {@code 1e+16},
 * {@code 1.5e-07}); {@code nan}, {@code inf}, {@code -inf} and {@code -0.0} as Python spells them.
 * JDK 17's {@code Double.toString} differs in spelling and does not always give the shortest digits.
 */
final class PythonFloats {
    private static final int MAX_DIGITS = 17;

    private PythonFloats() {
    }

    /**
     * Formats a value.
     *
     * @param value any double
     * @return Python's {@code repr} of it
     */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointPosition = digits.length() - shortest.scale();
        String text = pointPosition <= -4 || pointPosition > 16
                ? exponent(digits, pointPosition - 1) : fixed(digits, pointPosition);
        return value < 0 ? "-" + text : text;
    }

    /** The decimal with the fewest significant digits that reads back as the value, nearest to it among those. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < MAX_DIGITS; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest;
            }
            // Next to a power of two the doubles below are closer together than those above, so a
            // candidate on the far side may read back when the nearest does not.
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value) {
                    return candidate;
                }
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    private static String fixed(String digits, int pointPosition) {
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition < digits.length()) {
            return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
        }
        return digits + "0".repeat(pointPosition - digits.length()) + ".0";
    }

    private static String exponent(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String magnitude = Integer.toString(Math.abs(exponent));
        return mantissa + (exponent < 0 ? "e-" : "e+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
    }
}
