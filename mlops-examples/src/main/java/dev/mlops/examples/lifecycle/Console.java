package dev.mlops.examples.lifecycle;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The lifecycle's console output: numbered steps, one or two indented lines of what each found,
 * and at the end where each artifact is and how to open it. Numbers are formatted with
 * {@link Locale#ROOT}, so the output reads the same on every machine.
 *
 * <p>Not thread-safe: one walk writes to one console.
 */
public final class Console {
    private final PrintStream out;
    private final int steps;
    private int step;

    /**
     * A console over a stream.
     *
     * @param out where the lines go (the walk never closes it)
     * @param steps how many steps the walk announces, shown as {@code [3/12]}
     * @throws IllegalArgumentException if {@code steps} is not positive
     */
    public Console(PrintStream out, int steps) {
        this.out = Objects.requireNonNull(out, "out");
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive but was " + steps);
        }
        this.steps = steps;
    }

    /**
     * Announces the next step.
     *
     * @param title what the step does, e.g. {@code "Split 70/15/15, stratified by class"}
     * @throws IllegalStateException if every announced step has been taken
     */
    public void step(String title) {
        if (step == steps) {
            throw new IllegalStateException("all " + steps + " steps were announced; cannot start \"" + title + "\"");
        }
        step++;
        int width = Integer.toString(steps).length();
        out.printf(Locale.ROOT, "[%" + width + "d/%d] %s%n", step, steps, title);
    }

    /**
     * One indented line under the current step, formatted with {@link Locale#ROOT}.
     *
     * @param format a {@link java.util.Formatter} format
     * @param args its arguments
     */
    public void detail(String format, Object... args) {
        out.println("      " + String.format(Locale.ROOT, format, args));
    }

    /**
     * One line of the closing list: what an artifact is, where it is and how to open it.
     *
     * @param what e.g. {@code "Monitoring report"}
     * @param where the file or directory
     * @param howToOpen e.g. {@code "open it in a browser"} or a command line
     */
    public void artifact(String what, Path where, String howToOpen) {
        out.printf(Locale.ROOT, "  %-22s %s%n  %-22s   %s%n", what, where, "", howToOpen);
    }

    /**
     * A further line under the closing list's last artifact, aligned with its command.
     *
     * @param text e.g. what the command above returns
     */
    public void artifactNote(String text) {
        out.printf(Locale.ROOT, "  %-22s   %s%n", "", text);
    }

    /**
     * A blank line, then a heading line.
     *
     * @param text e.g. {@code "Artifacts"}
     */
    public void heading(String text) {
        out.println();
        out.println(text);
    }

    /**
     * How far the walk got.
     *
     * @return the number of steps announced so far
     */
    public int stepsTaken() {
        return step;
    }
}
