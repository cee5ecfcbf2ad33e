package dev.mlops.deploy.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks of the names the registry stores: model names and the keys of provenance and metrics. */
final class ModelNames {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./@:-]{0,249}");

    private ModelNames() {
    }

    /**
     * @param name a model's name
     * @return the name
     * @throws IllegalArgumentException if it is not 1 to 100 letters, digits, {@code _ - .} starting
     *     with a letter or digit
     */
    static String check(String name) {
        Objects.requireNonNull(name, "model");
        if (!MODEL.matcher(name).matches()) {
            throw new IllegalArgumentException("a model's name must be 1 to 100 letters, digits, '_', '-' or '.', "
                    + "starting with a letter or digit, but was '" + name + "'");
        }
        return name;
    }

    /**
     * @param what what the key names, for the message
     * @param key a key
     * @return the key
     * @throws IllegalArgumentException if it is not 1 to 250 letters, digits, {@code _ . / @ : -}
     */
    static String key(String what, String key) {
        Objects.requireNonNull(key, what + " key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a " + what + " key must be 1 to 250 letters, digits, '_', '.', '/', "
                    + "'@', ':' or '-', not starting with a punctuation mark other than '_', but was '" + key + "'");
        }
        return key;
    }

    /**
     * @param version a version number
     * @return the number
     * @throws IllegalArgumentException if it is below 1
     */
    static int version(int version) {
        if (version < 1) {
            throw new IllegalArgumentException("a model version is a number from 1 but was " + version);
        }
        return version;
    }
}
