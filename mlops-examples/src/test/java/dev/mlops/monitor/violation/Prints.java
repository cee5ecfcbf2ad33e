package dev.mlops.monitor.violation;

/** Library code that prints, on purpose for {@code ArchitectureSelfTest}. */
public final class Prints {
    private Prints() {
    }

    /** Writes to standard output, which only the CLI and the examples may do. */
    public static void hello() {
        System.out.println("hello");
    }
}
