package dev.mlops.core.predicate;

import dev.mlops.core.MlopsException;
import java.util.Objects;

/**
 * A predicate's text does not follow the syntax of {@link RowPredicate}. The message says what
 * was expected, quotes the expression and points at the offending character with a caret:
 *
 * <pre>
 * expected a value after '&lt;' at position 6:
 *   age &lt;
 *         ^
 * </pre>
 *
 * <p>Positions are 0-based {@code char} indices into the expression; a position equal to the
 * expression's length points just past its end. In the quoted line, tabs, line breaks and other
 * control characters show as spaces, so the caret lines up.
 */
public class PredicateSyntaxException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** The expression as given. */
    private final String expression;
    /** What was found and what was expected, and any hint, without the position. */
    private final String reason;
    /** The 0-based {@code char} index of the offending character. */
    private final int position;

    /**
     * Creates the exception.
     *
     * @param expression the whole expression
     * @param position the 0-based index of the offending character, at most the expression's length
     * @param reason what was found and what was expected, without the position
     * @throws IllegalArgumentException if the position is outside {@code [0, expression.length()]}
     */
    public PredicateSyntaxException(String expression, int position, String reason) {
        this(expression, position, reason, "");
    }

    /**
     * Creates the exception with a hint, which the message puts after the position:
     * {@code unknown operator '=' at position 4; write '==' to test equality}.
     */
    PredicateSyntaxException(String expression, int position, String problem, String hint) {
        super(message(expression, position, problem, hint));
        this.expression = expression;
        this.position = position;
        this.reason = hint.isEmpty() ? problem : problem + "; " + hint;
    }

    private static String message(String expression, int position, String problem, String hint) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(problem, "reason");
        if (position < 0 || position > expression.length()) {
            throw new IllegalArgumentException("position must be in [0, " + expression.length() + "] but was "
                    + position);
        }
        StringBuilder line = new StringBuilder(expression.length());
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        return problem + " at position " + position + (hint.isEmpty() ? "" : "; " + hint) + ":\n  " + line + "\n  "
                + " ".repeat(position) + "^";
    }

    /** @return the 0-based {@code char} index of the offending character; the length for the end */
    public int position() {
        return position;
    }

    /** @return the expression as given */
    public String expression() {
        return expression;
    }

    /**
     * @return what was found and what was expected, and any hint after a {@code "; "}, without
     *     the position and the caret line
     */
    public String reason() {
        return reason;
    }
}
