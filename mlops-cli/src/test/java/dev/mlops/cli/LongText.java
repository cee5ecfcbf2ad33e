package dev.mlops.cli;

/**
 * A column name and a cell value too long to print whole, with a newline, a tab and a control
 * character, and how the text output shows them.
 */
final class LongText {
    /** A 200-character column name with {@code \n}, {@code \t} and BEL among its first characters. */
    static final String NAME = "nm\n\t\u0007" + "n".repeat(195);
    /** {@link #NAME} as a CSV header field. */
    static final String NAME_CSV = "\"" + NAME + "\"";
    /** {@link #NAME} inside a JSON string. */
    static final String NAME_JSON = "nm\\n\\t\\u0007" + "n".repeat(195);
    /** {@link #NAME} as text output shows it: escaped, cut at 40 characters, its length stated. */
    static final String NAME_SHOWN = "nm\\n\\t\\u0007" + "n".repeat(34) + "… (200 characters)";
    /** A 50,000-character cell value with {@code \n}, {@code \t} and BEL among its first characters. */
    static final String VALUE = "v\n\t\u0007" + "v".repeat(49_996);
    /** {@link #VALUE} as a CSV field. */
    static final String VALUE_CSV = "\"" + VALUE + "\"";
    /** The escaped first characters of {@link #VALUE}, as text output shows them before the cut. */
    static final String VALUE_SHOWN = "v\\n\\t\\u0007" + "v".repeat(35) + "…";
    /** How text output states {@link #VALUE}'s length. */
    static final String VALUE_LENGTH = "(50,000 characters)";
    /** The most a text output holding the two may print. */
    static final int MOST_CHARACTERS = 3_000;

    private LongText() {
    }
}
