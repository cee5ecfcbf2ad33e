package dev.mlops.core.lineage;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One input something was made from: its name, its kind, and what pins down exactly which data it
 * was — a content {@link Fingerprint}, a version string, or both — with, for data read as of a
 * window of time, the window's bounds.
 *
 * <pre>{@code
 * LineageInput training = LineageInput.table("credit-g.csv", table);          // kind "table", fingerprint of its content
 * LineageInput split = LineageInput.of("credit-split", "split", "v3").withFingerprint(split.fingerprint());
 * LineageInput features = LineageInput.of("customer_features", "feature-group", "4")
 *         .between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Immutable; equal when every field is equal.
 */
public final class LineageInput {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final String name;
    private final String kind;
    private final @Nullable String version;
    private final @Nullable Fingerprint fingerprint;
    private final @Nullable Instant from;
    private final @Nullable Instant until;

    private LineageInput(String name, String kind, @Nullable String version, @Nullable Fingerprint fingerprint,
            @Nullable Instant from, @Nullable Instant until) {
        this.name = name;
        this.kind = kind;
        this.version = version;
        this.fingerprint = fingerprint;
        this.from = from;
        this.until = until;
    }

    /**
     * An input of a kind, pinned by a version string.
     *
     * @param name the input's name (a file, a table, a group), not blank
     * @param kind what it is: lower-case letters, digits and {@code -}, starting with a letter
     *     (e.g. {@code table}, {@code split}, {@code feature-group}, {@code model})
     * @param version the version that pins it down, not blank
     * @return the input
     * @throws IllegalArgumentException if a field is blank or the kind malformed
     */
    public static LineageInput of(String name, String kind, String version) {
        return new LineageInput(checkName(name), checkKind(kind), checkVersion(version), null, null, null);
    }

    /**
     * A table, pinned by the fingerprint of its content.
     *
     * @param name the table's name (e.g. its file name), not blank
     * @param table the table as it was read
     * @return an input of kind {@code table}
     * @throws IllegalArgumentException if the name is blank
     */
    public static LineageInput table(String name, Table table) {
        return fingerprinted(name, "table", Fingerprint.of(Objects.requireNonNull(table, "table")));
    }

    /**
     * An input of a kind, pinned by a content fingerprint.
     *
     * @param name the input's name, not blank
     * @param kind what it is (see {@link #of})
     * @param fingerprint the content hash
     * @return the input
     * @throws IllegalArgumentException if the name is blank or the kind malformed
     */
    public static LineageInput fingerprinted(String name, String kind, Fingerprint fingerprint) {
        return new LineageInput(checkName(name), checkKind(kind), null, Objects.requireNonNull(fingerprint, "fingerprint"),
                null, null);
    }

    /**
     * The same input, also pinned by a content fingerprint.
     *
     * @param contentHash the content hash
     * @return a copy with the fingerprint
     */
    public LineageInput withFingerprint(Fingerprint contentHash) {
        return new LineageInput(name, kind, version, Objects.requireNonNull(contentHash, "contentHash"), from, until);
    }

    /**
     * The same input, also pinned by a version string.
     *
     * @param versionText the version, not blank
     * @return a copy with the version
     * @throws IllegalArgumentException if the version is blank
     */
    public LineageInput withVersion(String versionText) {
        return new LineageInput(name, kind, checkVersion(versionText), fingerprint, from, until);
    }

    /**
     * The same input, read as of a window of time.
     *
     * @param start the window's inclusive start
     * @param end the window's exclusive end, not before {@code start}
     * @return a copy with the window
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public LineageInput between(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the window's end " + end + " is before its start " + start
                    + " (input '" + name + "')");
        }
        return new LineageInput(name, kind, version, fingerprint, start, end);
    }

    /**
     * Rebuilds an input from its stored fields, as a store reads it back.
     *
     * @param name the name
     * @param kind the kind
     * @param version the version, or null
     * @param fingerprint the fingerprint, or null
     * @param start the window's start, or null
     * @param end the window's end, or null (both or neither)
     * @return the input
     * @throws IllegalArgumentException if a field is malformed, neither version nor fingerprint is
     *     given, or only one bound is
     */
    public static LineageInput restore(String name, String kind, @Nullable String version,
            @Nullable Fingerprint fingerprint, @Nullable Instant start, @Nullable Instant end) {
        if (version == null && fingerprint == null) {
            throw new IllegalArgumentException("input '" + name + "' has neither a version nor a fingerprint");
        }
        if ((start == null) != (end == null)) {
            throw new IllegalArgumentException("input '" + name + "' has only one bound of its window");
        }
        LineageInput input = new LineageInput(checkName(name), checkKind(kind),
                version == null ? null : checkVersion(version), fingerprint, null, null);
        return start == null || end == null ? input : input.between(start, end);
    }

    /** @return the input's name */
    public String name() {
        return name;
    }

    /** @return what the input is ({@code table}, {@code split}, ...) */
    public String kind() {
        return kind;
    }

    /** @return the version that pins the input down, if given */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** @return the content hash, if given */
    public Optional<Fingerprint> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /** @return the inclusive start of the window the input was read as of, if any */
    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    /** @return the exclusive end of the window the input was read as of, if any */
    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof LineageInput that && name.equals(that.name) && kind.equals(that.kind)
                && Objects.equals(version, that.version) && Objects.equals(fingerprint, that.fingerprint)
                && Objects.equals(from, that.from) && Objects.equals(until, that.until);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, version, fingerprint, from, until);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind).append(' ').append(name);
        if (version != null) {
            text.append(" version ").append(version);
        }
        if (fingerprint != null) {
            text.append(" sha256:").append(fingerprint.sha256());
        }
        if (from != null) {
            text.append(" [").append(from).append(", ").append(until).append(')');
        }
        return text.toString();
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an input's name must not be blank");
        }
        return name;
    }

    private static String checkKind(String kind) {
        Objects.requireNonNull(kind, "kind");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("an input's kind must be lower-case letters, digits and -, starting "
                    + "with a letter, at most 40 characters, but was '" + kind + "'");
        }
        return kind;
    }

    private static String checkVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("an input's version must not be blank");
        }
        return version;
    }
}
