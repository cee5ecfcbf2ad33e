package dev.mlops.examples;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the examples' {@code main} methods share: the optional output directory argument (exit
 * status 2 and a usage line for more), Tribuo's INFO lines turned down, the library's slf4j log
 * written to a file beside the example's other output instead of the console, and a failure
 * reported as one line on stderr with exit status 1 (2 for a bad argument) instead of a stack trace. For {@code main}
 * methods only: it prints, sets system properties and ends the JVM.
 */
public final class ExampleMain {
    /** The exit status of a run that failed. */
    public static final int FAILED = 1;
    /** The exit status of a bad command line or a bad argument (an output directory of other files). */
    public static final int BAD_USAGE = 2;

    /**
     * Tribuo logs each training at INFO through java.util.logging, with a date in the platform's
     * locale; the library leaves logging alone, and an example, whose output is the console, turns
     * those lines down. Held here so the logger and its level are not collected.
     */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private ExampleMain() {
        throw new AssertionError("no instances");
    }

    /** Turns Tribuo's java.util.logging down to WARNING for the rest of the JVM's life. */
    public static void quietTribuo() {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    /**
     * Sends the library's slf4j log (through slf4j-simple, the binding the examples' classpath
     * holds) to a file, with ISO-8601 times, so that the console shows the example's own lines: a
     * canary's moves and every raised alarm are then in the file, not interleaved with the steps.
     * Must be called before any class logs; a setting the user gave with {@code -D} is kept.
     *
     * @param file the log file (its directory must exist when the first line is logged; if it
     *     cannot be opened, slf4j-simple logs to stderr)
     */
    public static void logTo(Path file) {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.logFile", file.toAbsolutePath().normalize().toString());
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    /**
     * The output directory a {@code main} was given; with more than one argument, prints the usage
     * line on stderr and exits with {@value #BAD_USAGE}.
     *
     * @param args the {@code main}'s arguments: none or one directory
     * @param program the program's name for the usage line, e.g. {@code "ExtensionPoints"}
     * @param defaultDirectory the directory when none is given
     * @return the directory, as given (relative to the working directory when relative)
     */
    public static Path directory(String[] args, String program, String defaultDirectory) {
        if (args.length > 1) {
            System.err.println("usage: " + program + " [DIRECTORY]  (default " + defaultDirectory + ")");
            System.exit(BAD_USAGE);
        }
        return Path.of(args.length == 1 ? args[0] : defaultDirectory);
    }

    /**
     * Runs an example; if it throws, prints {@code "<what> failed: <message>"} on stderr and exits
     * with {@value #BAD_USAGE} for a bad argument (an {@link IllegalArgumentException}, such as an
     * output directory that holds other files) or {@value #FAILED} for any other failure.
     *
     * @param what the example, e.g. {@code "credit-approval lifecycle"}
     * @param example the run
     */
    public static void runOrExit(String what, Runnable example) {
        try {
            example.run();
        } catch (RuntimeException e) {
            System.out.flush();
            System.err.println(what + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            System.exit(e instanceof IllegalArgumentException ? BAD_USAGE : FAILED);
        }
    }
}
