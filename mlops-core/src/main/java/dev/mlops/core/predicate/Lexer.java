package dev.mlops.core.predicate;

import dev.mlops.core.predicate.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a predicate's text into tokens; every lexical error points at its character. */
final class Lexer {
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private Lexer(String text) {
        this.text = text;
    }

    /**
     * Returns the tokens of an expression, ending with one {@link Kind#END} token.
     *
     * @throws PredicateSyntaxException for an unclosed string or name, a bad escape, a malformed
     *     number or a character the syntax does not use
     */
    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Literal.isIdentifierStart(c)) {
                identifier();
            } else if (isDigit(c) || (c == '-' || c == '+') && i + 1 < n && isDigit(text.charAt(i + 1))) {
                number();
            } else if (c == '"') {
                string();
            } else if (c == '`') {
                quotedName();
            } else {
                punctuation(c);
            }
        }
        tokens.add(new Token(Kind.END, n, n, "", 0));
    }

    private void identifier() {
        int start = i;
        while (i < text.length() && Literal.isIdentifierPart(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
            throw nonAsciiName(start);
        }
        tokens.add(new Token(Kind.IDENTIFIER, start, i, text.substring(start, i), 0));
    }

    private PredicateSyntaxException nonAsciiName(int start) {
        int end = i;
        while (end < text.length()
                && (Character.isLetterOrDigit(text.codePointAt(end)) || text.charAt(end) == '_')) {
            end += Character.charCount(text.codePointAt(end));
        }
        String name = text.substring(start, end);
        return error(i, "the name '" + name + "' has a character outside [A-Za-z0-9_]", "backquote it: `"
                + name.replace("`", "``") + "`");
    }

    private void number() {
        int start = i;
        int n = text.length();
        if (text.charAt(i) == '-' || text.charAt(i) == '+') {
            i++;
        }
        skipDigits();
        if (i < n && text.charAt(i) == '.') {
            i++;
            if (!(i < n && isDigit(text.charAt(i)))) {
                throw malformedNumber(start, i);
            }
            skipDigits();
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            if (!(i < n && isDigit(text.charAt(i)))) {
                throw malformedNumber(start, i);
            }
            skipDigits();
        }
        if (i < n && continuesNumber(text.charAt(i))) {
            throw malformedNumber(start, i);
        }
        String literal = text.substring(start, i);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error(start, "the number " + literal + " is outside the range of a double");
        }
        tokens.add(new Token(Kind.NUMBER, start, i, literal, value));
    }

    private PredicateSyntaxException malformedNumber(int start, int at) {
        int end = start + 1;
        while (end < text.length() && (continuesNumber(text.charAt(end)) || text.charAt(end) == '-'
                || text.charAt(end) == '+')) {
            end++;
        }
        return error(at, "malformed number '" + text.substring(start, end) + "'",
                "numbers are written like 25, -1.5 or 2.5e-3");
    }

    private static boolean continuesNumber(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private void skipDigits() {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void string() {
        int start = i;
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
            if (i >= text.length()) {
                throw error(start, "unclosed string: no closing '\"' for this quote");
            }
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                break;
            }
            if (c == '\\') {
                if (i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    value.append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                String escape = i + 1 < text.length() ? "\\" + show(text.charAt(i + 1)) : "\\";
                throw error(i, "unknown escape '" + escape + "' in a string", "the escapes are \\\" and \\\\");
            }
            value.append(c);
            i++;
        }
        tokens.add(new Token(Kind.STRING, start, i, value.toString(), 0));
    }

    private void quotedName() {
        int start = i;
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
            if (i >= text.length()) {
                throw error(start, "unclosed column name: no closing '`' for this backquote");
            }
            char c = text.charAt(i);
            if (c == '`') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
                    value.append('`');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            value.append(c);
            i++;
        }
        if (value.length() == 0) {
            throw error(start, "empty column name ``");
        }
        tokens.add(new Token(Kind.QUOTED_NAME, start, i, value.toString(), 0));
    }

    private void punctuation(char c) {
        int start = i;
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
        switch (c) {
            case '(' -> single(Kind.OPEN, "(");
            case ')' -> single(Kind.CLOSE, ")");
            case ',' -> single(Kind.COMMA, ",");
            case '=' -> {
                if (next != '=') {
                    throw error(start, "unknown operator '='", "write '==' to test equality");
                }
                operator("==");
            }
            case '!' -> {
                if (next != '=') {
                    throw error(start, "unknown operator '!'", "write 'not' to negate or '!=' for inequality");
                }
                operator("!=");
            }
            case '<' -> {
                if (next == '>') {
                    throw error(start, "unknown operator '<>'", "write '!=' for inequality");
                }
                operator(next == '=' ? "<=" : "<");
            }
            case '>' -> operator(next == '=' ? ">=" : ">");
            case '&' -> throw error(start, "unexpected character '&'", "write 'and'");
            case '|' -> throw error(start, "unexpected character '|'", "write 'or'");
            case '\'' -> throw error(start, "unexpected character '''", "write strings in double quotes, \"like this\"");
            case '.' -> throw isDigit(next) ? malformedNumber(start, start) : error(start, "unexpected character '.'");
            default -> throw Character.isLetter(text.codePointAt(start)) ? nonAsciiName(start)
                    : error(start, "unexpected character " + describe(text.codePointAt(start)));
        }
    }

    private void single(Kind kind, String symbol) {
        tokens.add(new Token(kind, i, i + 1, symbol, 0));
        i++;
    }

    private void operator(String symbol) {
        tokens.add(new Token(Kind.OPERATOR, i, i + symbol.length(), symbol, 0));
        i += symbol.length();
    }

    /** Quotes a character for a message, with its code point unless it is printable ASCII. */
    private static String describe(int codePoint) {
        if (codePoint > ' ' && codePoint < 0x7f) {
            return "'" + (char) codePoint + "'";
        }
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        boolean invisible = Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)
                || !Character.isDefined(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
        return invisible ? code : "'" + Character.toString(codePoint) + "' (" + code + ")";
    }

    private static String show(char c) {
        return Character.isISOControl(c) ? " " : String.valueOf(c);
    }

    private PredicateSyntaxException error(int position, String problem) {
        return error(position, problem, "");
    }

    private PredicateSyntaxException error(int position, String problem, String hint) {
        return new PredicateSyntaxException(text, position, problem, hint);
    }
}
