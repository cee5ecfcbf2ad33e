package dev.mlops.core.access;

import java.util.Locale;
import java.util.Objects;

/**
 * Whom a {@link Rule} is about: one principal by name, everyone holding a role, everyone in a
 * group, or anyone. Written as text in policy documents: {@code principal:alice},
 * {@code role:pipeline}, {@code group:ml-team}, {@code *}.
 *
 * @param kind what the name names
 * @param name the principal, role or group name; {@code *} for {@link Kind#ANYONE}
 */
public record Subject(Kind kind, String name) {

    /** What a subject's name names. */
    public enum Kind {
        /** One principal, by its name. */
        PRINCIPAL,
        /** Every principal holding the role. */
        ROLE,
        /** Every principal in the group. */
        GROUP,
        /** Every principal. */
        ANYONE
    }

    /** The subject that matches every principal. */
    public static final Subject ANYONE = new Subject(Kind.ANYONE, "*");

    /**
     * Validates the subject.
     *
     * @param kind what the name names
     * @param name the principal, role or group name; {@code *} for {@link Kind#ANYONE}
     * @throws IllegalArgumentException if the name is not valid, or {@link Kind#ANYONE} comes
     *     with a name other than {@code *}
     */
    public Subject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind == Kind.ANYONE) {
            if (!name.equals("*")) {
                throw new IllegalArgumentException("the subject ANYONE is named '*' but was given '" + name + "'");
            }
        } else {
            Names.check(kind.name().toLowerCase(Locale.ROOT) + " name", name);
        }
    }

    /**
     * @param name a principal's name
     * @return the subject matching that principal only
     */
    public static Subject principal(String name) {
        return new Subject(Kind.PRINCIPAL, name);
    }

    /**
     * @param role a role
     * @return the subject matching every principal holding the role
     */
    public static Subject role(String role) {
        return new Subject(Kind.ROLE, role);
    }

    /**
     * @param group a group
     * @return the subject matching every principal in the group
     */
    public static Subject group(String group) {
        return new Subject(Kind.GROUP, group);
    }

    /**
     * Reads a subject's text form.
     *
     * @param text {@code principal:NAME}, {@code role:NAME}, {@code group:NAME} or {@code *}
     * @return the subject
     * @throws IllegalArgumentException if the text has another form; the message names it and
     *     the forms expected
     */
    public static Subject parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("*")) {
            return ANYONE;
        }
        String[] parts = text.split(":", 2);
        String name = parts.length == 2 ? parts[1] : "";
        return switch (parts[0]) {
            case "principal" -> principal(name);
            case "role" -> role(name);
            case "group" -> group(name);
            default -> throw new IllegalArgumentException("subject must be principal:NAME, role:NAME, group:NAME"
                    + " or * but was '" + text + "'");
        };
    }

    /**
     * Tells whether this subject covers a principal.
     *
     * @param principal the principal
     * @return true if it is the named principal, holds the role, is in the group, or this is
     *     {@link #ANYONE}
     */
    public boolean matches(Principal principal) {
        return switch (kind) {
            case PRINCIPAL -> principal.name().equals(name);
            case ROLE -> principal.hasRole(name);
            case GROUP -> principal.inGroup(name);
            case ANYONE -> true;
        };
    }

    /** @return the text form, such as {@code role:pipeline}, that {@link #parse(String)} reads */
    @Override
    public String toString() {
        return kind == Kind.ANYONE ? "*" : kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
