package dev.mlops.core.predicate;

import java.util.Locale;

/**
 * One token of a predicate's text.
 *
 * @param kind what the token is
 * @param start the 0-based index of its first character
 * @param end the index just past its last character
 * @param value the identifier, the unescaped string or column name, or the operator symbol
 * @param number the value of a {@link Kind#NUMBER}, 0 otherwise
 */
record Token(Kind kind, int start, int end, String value, double number) {

    /** The kinds of token. */
    enum Kind {
        /** A bare word {@code [A-Za-z_][A-Za-z0-9_]*}: a column name or a keyword. */
        IDENTIFIER,
        /** A backquoted column name. */
        QUOTED_NAME,
        /** A double-quoted string. */
        STRING,
        /** A number in the strict decimal syntax. */
        NUMBER,
        /** One of {@code == != < <= > >=}. */
        OPERATOR,
        /** {@code (}. */
        OPEN,
        /** {@code )}. */
        CLOSE,
        /** {@code ,}. */
        COMMA,
        /** The end of the expression. */
        END
    }

    /** Tells whether this token is the given keyword, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && value.equalsIgnoreCase(keyword);
    }

    /** Tells whether this token is any keyword. */
    boolean isAnyKeyword() {
        return kind == Kind.IDENTIFIER && Literal.KEYWORDS.contains(value.toLowerCase(Locale.ROOT));
    }

    /** Describes the token for a message, quoting its text from the expression. */
    String describe(String expression) {
        if (kind == Kind.END) {
            return "the end of the expression";
        }
        String text = expression.substring(start, end);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return switch (kind) {
            case STRING -> "the string " + text;
            case NUMBER -> "the number " + text;
            case IDENTIFIER -> isAnyKeyword() ? "the keyword '" + text + "'" : "'" + text + "'";
            case QUOTED_NAME -> "the column name " + text;
            default -> "'" + text + "'";
        };
    }
}
