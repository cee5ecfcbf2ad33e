package dev.mlops.deploy.strategy;

import java.util.Objects;

/** Checks of variant names in strategies' settings. */
final class Variants {

    private Variants() {
        throw new AssertionError("no instances");
    }

    /**
     * @param setting the setting's name
     * @param variant the variant's name
     * @throws IllegalArgumentException if the name is blank, naming the setting
     */
    static void check(String setting, String variant) {
        Objects.requireNonNull(variant, setting);
        if (variant.isBlank()) {
            throw new IllegalArgumentException("setting '" + setting + "' must name a variant, but is blank");
        }
    }
}
