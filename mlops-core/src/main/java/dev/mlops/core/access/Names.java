package dev.mlops.core.access;

import java.util.Objects;

/** Validation of the names of principals, roles, groups and resources. */
final class Names {
    /** The longest name accepted, in characters. */
    static final int MAX_LENGTH = 256;

    private Names() {
        throw new AssertionError("no instances");
    }

    /**
     * Checks a name of a principal, role or group: 1 to 256 characters, no white space, no
     * control character and no {@code '*'} (which rules keep for wildcards).
     *
     * @param what what the name is, such as {@code "role"}, for the message
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException naming {@code what} and the value if it is not valid
     */
    static String check(String what, String name) {
        checkText(what, name);
        if (name.indexOf('*') >= 0) {
            throw new IllegalArgumentException(what + " must not contain '*' (kept for wildcards in rules) but was '"
                    + name + "'");
        }
        return name;
    }

    /**
     * Checks a text that may hold wildcards: 1 to 256 characters, no white space, no control
     * character.
     *
     * @param what what the text is, for the message
     * @param text the text
     * @return the text
     * @throws IllegalArgumentException naming {@code what} and the value if it is not valid
     */
    static String checkText(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must have at most " + MAX_LENGTH + " characters but had "
                    + text.length() + ": '" + text.substring(0, 40) + "...'");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException(what + " must not contain white space or control characters but '"
                        + text.replaceAll("\\p{Cntrl}", "?") + "' has one at index " + i);
            }
        }
        return text;
    }
}
