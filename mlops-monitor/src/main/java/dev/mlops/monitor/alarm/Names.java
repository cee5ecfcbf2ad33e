package dev.mlops.monitor.alarm;

import java.util.Objects;

/** Checks what the rules share. */
final class Names {

    private Names() {
        throw new AssertionError("no instances");
    }

    static void rule(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an alarm rule's name must not be blank but was '" + name + "'");
        }
    }

    static void positive(String argument, String rule, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(argument + " of alarm rule '" + rule + "' must be at least 1 but was "
                    + value);
        }
    }
}
