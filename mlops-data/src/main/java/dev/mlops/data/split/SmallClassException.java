package dev.mlops.data.split;

import java.util.List;

/**
 * A stratified split refused because a class has too few rows to put one in every set within
 * one row of its share ({@link SmallClasses#REFUSE}). The message names the classes with their
 * sizes and the remedy in the API's words ({@link SmallClasses#ALLOW}, the setting
 * {@code smallClasses=allow}); a front end that spells the remedy its own way, such as the CLI's
 * {@code --allow-small-classes}, builds its message with {@link #message(String)}.
 */
public class SmallClassException extends SplitException {
    private static final long serialVersionUID = 1L;

    /** The remedy in the API's words, used by {@link #getMessage()}. */
    static final String API_REMEDY = "pass SmallClasses.ALLOW (the setting smallClasses=allow)";

    /** What was refused, up to the remedy. */
    private final String problem;
    /** What the remedy does, after its name. */
    private final String after;

    /**
     * Creates the exception.
     *
     * @param problem what was refused, up to the remedy
     * @param after what the remedy does, after its name
     */
    SmallClassException(String problem, String after) {
        super(problem + API_REMEDY + after);
        this.problem = problem;
        this.after = after;
    }

    /**
     * The message with the remedy spelled as the caller's user knows it.
     *
     * @param remedy how to allow small classes, such as {@code "pass --allow-small-classes"}
     * @return the message naming the classes, their sizes and that remedy
     */
    public String message(String remedy) {
        return problem + remedy + after;
    }

    /** @return the rows-count phrase of a class size: "1 row", "2 rows" */
    static String rows(int count) {
        return count + (count == 1 ? " row" : " rows");
    }

    /** Names the given classes with their sizes, such as {@code 'b' (1 row), 'c' (2 rows)}. */
    static String named(List<String> small, List<String> levels, int[] classSize) {
        StringBuilder named = new StringBuilder();
        for (String level : small) {
            named.append(named.length() == 0 ? "" : ", ").append('\'').append(level).append("' (")
                    .append(rows(classSize[levels.indexOf(level)])).append(')');
        }
        return named.toString();
    }
}
