package dev.mlops.store;

import java.util.Objects;

/**
 * Names one artifact in an {@link ArtifactStore} by its content: the SHA-256 of its bytes and
 * its size. Two artifacts with the same content have equal refs.
 *
 * <p>{@link #toString()} gives {@code sha256:<64 hex digits>}, the form a run, a registry entry
 * or a user records; {@link #parseHash(String)} reads it back (the size is kept in a separate
 * field or column by whoever records it, and {@link ArtifactStore#find(String)} recovers it from
 * the store).
 *
 * @param sha256 the SHA-256 of the content as 64 lower-case hexadecimal digits
 * @param size the content's length in bytes, zero or more
 */
public record ArtifactRef(String sha256, long size) {

    /** The prefix of the text form, {@code "sha256:"}. */
    public static final String PREFIX = "sha256:";

    private static final int HEX_DIGITS = 64;
    private static final String HEX_FORM = HEX_DIGITS + " lower-case hexadecimal digits (0-9, a-f)";

    /**
     * Checks the hash and the size.
     *
     * @param sha256 the SHA-256 of the content as 64 lower-case hexadecimal digits
     * @param size the content's length in bytes, zero or more
     * @throws NullPointerException if {@code sha256} is null
     * @throws IllegalArgumentException if {@code sha256} is not 64 lower-case hexadecimal
     *     digits or {@code size} is negative
     */
    public ArtifactRef {
        checkHex(sha256, "sha256", HEX_FORM);
        if (size < 0) {
            throw new IllegalArgumentException("size must be zero or more bytes but was " + size
                    + " (artifact " + PREFIX + sha256 + ")");
        }
    }

    /**
     * Reads the hash from the text form {@code sha256:<64 hex digits>} (as {@link #toString()}
     * writes it) or from the 64 hexadecimal digits alone.
     *
     * @param text the text form or the bare hash
     * @return the hash as 64 lower-case hexadecimal digits
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is neither form; the message quotes it
     */
    public static String parseHash(String text) {
        Objects.requireNonNull(text, "text");
        String hex = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        checkHex(hex, "artifact hash", PREFIX + " followed by " + HEX_FORM + ", or the " + HEX_DIGITS
                + " digits alone,");
        return hex;
    }

    /**
     * Returns the text form {@code sha256:<64 hex digits>}.
     *
     * @return the text form, without the size
     */
    @Override
    public String toString() {
        return PREFIX + sha256;
    }

    private static void checkHex(String hex, String what, String expected) {
        Objects.requireNonNull(hex, what);
        boolean valid = hex.length() == HEX_DIGITS;
        for (int i = 0; valid && i < HEX_DIGITS; i++) {
            char c = hex.charAt(i);
            valid = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        if (!valid) {
            throw new IllegalArgumentException(what + " must be " + expected + " but was \""
                    + hex + "\" (" + hex.length() + " characters)");
        }
    }
}
