package dev.mlops.core.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a principal does, named by the module that does it: {@code registry.promote},
 * {@code features.read}. Modules declare their actions as constants:
 *
 * <pre>{@code
 * public static final Action PROMOTE = Action.of("registry.promote");
 * }</pre>
 *
 * <p>A name is one or more dot-separated segments, each a lower-case letter followed by
 * lower-case letters, digits, {@code '-'} or {@code '_'}. An immutable value.
 *
 * @param name the action's name, such as {@code registry.promote}
 */
public record Action(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

    /**
     * Validates the name.
     *
     * @param name the action's name
     * @throws IllegalArgumentException if it is not dot-separated lower-case segments; the
     *     message names it
     */
    public Action {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("action name must be dot-separated segments of lower-case letters,"
                    + " digits, '-' and '_', each starting with a letter, such as 'registry.promote', but was '"
                    + name + "'");
        }
    }

    /**
     * Names an action.
     *
     * @param name the action's name, such as {@code registry.promote}
     * @return the action
     * @throws IllegalArgumentException if the name is not valid
     */
    public static Action of(String name) {
        return new Action(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
