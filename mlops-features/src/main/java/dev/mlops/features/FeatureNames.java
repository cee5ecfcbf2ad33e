package dev.mlops.features;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks the names the feature store keeps: groups, features, entity keys, owners and tags. */
final class FeatureNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

    private FeatureNames() {
        throw new AssertionError("no instances");
    }

    /**
     * @param what what the name names, for the message ("feature group", "feature", ...)
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not 1 to 128 letters, digits, {@code _ . -},
     *     starting with a letter or {@code _}
     */
    static String check(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' is not valid: use 1 to 128 letters, digits, "
                    + "'_', '.' or '-', starting with a letter or '_'");
        }
        return name;
    }
}
