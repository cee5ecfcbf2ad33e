package dev.mlops.stray;

/** A class under {@code dev.mlops} but in no known module's root, on purpose for {@code ArchitectureSelfTest}. */
public final class Stray {
    private Stray() {
    }
}
