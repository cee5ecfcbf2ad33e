package dev.mlops.train.tracking;

import java.util.Objects;

/** The rules every param, metric and tag key follows, so it is also a valid file path in MLflow's layout. */
final class Keys {
    /** The longest key, as MLflow's. */
    static final int MAX_LENGTH = 250;

    private Keys() {
    }

    /**
     * Checks a key: 1 to 250 characters of letters, digits, {@code _ - . space /}; no empty path
     * segment, no {@code .} or {@code ..} segment, no leading or trailing {@code /}.
     *
     * @param what {@code param}, {@code metric} or {@code tag}
     * @param key the key
     * @return the key
     * @throws IllegalArgumentException naming what, the key and the rule it breaks
     */
    static String check(String what, String key) {
        Objects.requireNonNull(key, what + " key");
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " key must have 1 to " + MAX_LENGTH + " characters but had "
                    + key.length() + (key.isEmpty() ? "" : ": '" + key.substring(0, Math.min(key.length(), 40)) + "...'"));
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean allowed = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ' || c == '/';
            if (!allowed) {
                throw new IllegalArgumentException(what + " key '" + key + "' has '" + c + "' at position " + (i + 1)
                        + "; keys use letters, digits, '_', '-', '.', ' ' and '/'");
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(what + " key '" + key
                        + "' has an empty, '.' or '..' part between slashes");
            }
        }
        return key;
    }
}
