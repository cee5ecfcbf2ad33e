package dev.mlops.core.predicate;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A literal of the predicate syntax: a number, a double-quoted string or a boolean. */
sealed interface Literal {

    /** @return the literal in canonical syntax */
    String canonical();

    /** @return what the literal is, for messages: "the number 25", "the string \"x\"" */
    String describe();

    /**
     * A finite number. Equal when {@link Double#compare} says so, which keeps {@code -0.0} and
     * {@code 0.0} apart as their canonical forms are.
     */
    record Number(double value) implements Literal {
        /** Beyond this magnitude not every integral double is printed exactly by {@code long}. */
        private static final double LARGEST_PLAIN_INTEGER = 1e15;

        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number literal must be finite but was " + value);
            }
        }

        @Override
        public String canonical() {
            if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_INTEGER
                    && !(value == 0.0 && Double.doubleToRawLongBits(value) != 0L)) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }

        @Override
        public String describe() {
            return "the number " + canonical();
        }
    }

    /** A string; compared with categorical, text and (parsed as an instant) timestamp columns. */
    record Text(String value) implements Literal {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String canonical() {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.append('"').toString();
        }

        @Override
        public String describe() {
            return "the string " + canonical();
        }
    }

    /** {@code true} or {@code false}; compared with boolean columns. */
    record Bool(boolean value) implements Literal {
        @Override
        public String canonical() {
            return Boolean.toString(value);
        }

        @Override
        public String describe() {
            return "the boolean " + canonical();
        }
    }

    /** The keywords of the syntax, lower case; they match case-insensitively. */
    Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "missing", "true", "false");

    /**
     * Returns a column name as the syntax reads it back: bare when it is an identifier that is
     * not a keyword, backquoted with backquotes doubled otherwise.
     */
    static String columnSyntax(String name) {
        if (isIdentifier(name) && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return '`' + name.replace("`", "``") + '`';
    }

    /** Tells whether a name matches {@code [A-Za-z_][A-Za-z0-9_]*}. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !isIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }
}
