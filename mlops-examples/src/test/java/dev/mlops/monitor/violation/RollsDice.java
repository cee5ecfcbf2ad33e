package dev.mlops.monitor.violation;

import java.util.Random;

/** Library code that draws unseeded chance, on purpose for {@code ArchitectureSelfTest}. */
public final class RollsDice {
    private RollsDice() {
    }

    /** A die roll no seed can repeat. */
    public static int roll() {
        return new Random().nextInt(6) + 1;
    }
}
