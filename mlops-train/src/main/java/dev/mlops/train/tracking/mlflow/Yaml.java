package dev.mlops.train.tracking.mlflow;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The little YAML MLflow's {@code meta.yaml} files need: a flat mapping written as PyYAML's
 * {@code safe_dump(default_flow_style=False, allow_unicode=True, sort_keys=True)} writes it, and read
 * back as far as this exporter needs (top-level scalars).
 *
 * <p>Writing: keys sorted, one {@code key: value} line each, {@code \n} line ends, UTF-8 text written
 * raw. Values are strings, integers, {@code null} or an empty list ({@code []}). A string is plain
 * unless PyYAML would quote it: single-quoted when read plain it would be another type ({@code '0'},
 * {@code ''}, {@code 'true'}, {@code 'null'}, {@code '1.5'}, {@code '2026-01-01'}), when it starts or
 * ends with a space or line break, starts with an indicator ({@code # , [ ] { } & * ! | > ' " % @ `},
 * or {@code - ? :} before a space), holds {@code ": "}, {@code " #"} or a line break; double-quoted
 * with escapes when it holds a tab or another control character, U+0085 or a character beyond
 * U+FFFF (as libyaml, the C emitter MLflow's installs use, does), or a space beside a line break. A
 * plain or single-quoted value past PyYAML's 80 columns is folded at a single space onto lines
 * indented by two, as PyYAML does; a double-quoted one is not folded (PyYAML would; both read back
 * the same). The expectations in {@code YamlTest} were checked against PyYAML 6.0.3 with libyaml.
 */
final class Yaml {
    private static final int BEST_WIDTH = 80;
    private static final String INDENT = "  ";
    private static final String LINE_BREAKS = "\n\u0085\u2028\u2029";
    private static final String WHITESPACE = "\0 \t\r" + LINE_BREAKS;
    /** The implicit types of YAML 1.1 that PyYAML's SafeLoader resolves a plain scalar to. */
    private static final List<Pattern> IMPLICIT = List.of(
            Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"),
            Pattern.compile("[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"),
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"),
            Pattern.compile("<<|=|~|null|Null|NULL|"),
            Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
                    + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"));
    private static final Map<Integer, Character> ESCAPES = Map.ofEntries(Map.entry(0, '0'), Map.entry(7, 'a'),
            Map.entry(8, 'b'), Map.entry(9, 't'), Map.entry(10, 'n'), Map.entry(11, 'v'), Map.entry(12, 'f'),
            Map.entry(13, 'r'), Map.entry(27, 'e'), Map.entry((int) '"', '"'), Map.entry((int) '\\', '\\'),
            Map.entry(0x85, 'N'), Map.entry(0xA0, '_'), Map.entry(0x2028, 'L'), Map.entry(0x2029, 'P'));

    private static final Map<Character, Integer> UNESCAPES = ESCAPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private Yaml() {
    }

    /**
     * Writes a flat mapping.
     *
     * @param mapping keys to values: {@link String}, {@link Long}, {@link Integer}, {@code null} or an
     *     empty {@link List}
     * @return the document, ending with a line break
     * @throws IllegalArgumentException for another kind of value
     */
    static String dump(Map<String, ? extends @Nullable Object> mapping) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ? extends @Nullable Object> entry : new TreeMap<>(mapping).entrySet()) {
            out.append(entry.getKey()).append(':');
            Object value = entry.getValue();
            if (value == null) {
                out.append(" null");
            } else if (value instanceof Long || value instanceof Integer) {
                out.append(' ').append(value);
            } else if (value instanceof List<?> list && list.isEmpty()) {
                out.append(" []");
            } else if (value instanceof String text) {
                scalar(out, entry.getKey().length() + 1, text);
            } else {
                throw new IllegalArgumentException("YAML value of '" + entry.getKey() + "' must be a string, an integer,"
                        + " null or an empty list but was " + value.getClass().getName());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Appends a string value after {@code "key:"}, which ends at {@code column}. */
    private static void scalar(StringBuilder out, int column, String text) {
        Analysis analysis = analyse(text);
        if (analysis.plain && !resolvesToOtherType(text)) {
            out.append(' ');
            folded(out, column + 1, text, false);
        } else if (analysis.singleQuoted) {
            out.append(" '");
            folded(out, column + 2, text.replace("'", "''"), true);
            out.append('\'');
        } else {
            out.append(" \"");
            text.codePoints().forEach(c -> doubleQuoted(out, c));
            out.append('"');
        }
    }

    /**
     * Appends text as PyYAML's emitter writes a plain or single-quoted scalar: a single space is
     * replaced by a line break and indentation when the line is already past the width (when
     * {@code quoted}, not at the text's first or last character); in quoted text a run of line breaks is
     * written as breaks (a leading {@code \n} twice, since one alone would read back as a space),
     * followed by the indentation.
     */
    private static void folded(StringBuilder out, int startColumn, String text, boolean quoted) {
        int column = startColumn;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (LINE_BREAKS.indexOf(c) >= 0) {
                int end = i;
                while (end < length && LINE_BREAKS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (c == '\n') {
                    out.append('\n');
                }
                out.append(text, i, end).append(INDENT);
                column = INDENT.length();
                i = end - 1;
                continue;
            }
            boolean singleSpace = c == ' ' && (i == 0 || text.charAt(i - 1) != ' ')
                    && (i + 1 == length || text.charAt(i + 1) != ' ');
            boolean inside = !quoted || (i > 0 && i + 1 < length);
            if (singleSpace && inside && column > BEST_WIDTH) {
                out.append('\n').append(INDENT);
                column = INDENT.length();
            } else {
                out.append(c);
                if (!Character.isLowSurrogate(c)) {
                    column++;
                }
            }
        }
    }

    /**
     * Whether libyaml (the C emitter PyYAML uses when present, as in MLflow's installs) writes a
     * character as it is: a line feed, printable ASCII, and the rest of the Basic Multilingual Plane
     * but for surrogates, U+FFFE/U+FFFF and the byte order mark. Other characters (tab, control
     * characters, U+0085, characters beyond U+FFFF) make it double-quote and escape the string.
     */
    private static boolean printable(int c) {
        return c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    private static void doubleQuoted(StringBuilder out, int c) {
        boolean special = c == '"' || c == '\\' || c == '\n' || c == 0x2028 || c == 0x2029;
        if (printable(c) && !special) {
            out.appendCodePoint(c);
        } else if (ESCAPES.containsKey(c)) {
            out.append('\\').append(ESCAPES.get(c));
        } else if (c <= 0xFF) {
            out.append(String.format(Locale.ROOT, "\\x%02X", c));
        } else if (c <= 0xFFFF) {
            out.append(String.format(Locale.ROOT, "\\u%04X", c));
        } else {
            out.append(String.format(Locale.ROOT, "\\U%08X", c));
        }
    }

    private static boolean resolvesToOtherType(String text) {
        for (Pattern pattern : IMPLICIT) {
            if (pattern.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Which styles PyYAML's emitter allows for a scalar in a block mapping's value (its analyze_scalar). */
    private record Analysis(boolean plain, boolean singleQuoted) {
    }

    private static Analysis analyse(String text) {
        if (text.isEmpty()) {
            return new Analysis(false, true);
        }
        int[] chars = text.codePoints().toArray();
        boolean indicators = text.startsWith("---") || text.startsWith("...");
        boolean lineBreaks = false;
        boolean special = false;
        boolean breakAfterSpace = false;
        boolean spaceAfterBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            boolean followedByWhitespace = i + 1 >= chars.length || WHITESPACE.indexOf(chars[i + 1]) >= 0;
            boolean precededByWhitespace = i == 0 || WHITESPACE.indexOf(chars[i - 1]) >= 0;
            if (i == 0) {
                indicators |= "#,[]{}&*!|>'\"%@`".indexOf(c) >= 0 || ("?:-".indexOf(c) >= 0 && followedByWhitespace);
            } else {
                indicators |= (c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace);
            }
            boolean lineBreak = LINE_BREAKS.indexOf(c) >= 0;
            lineBreaks |= lineBreak;
            special |= !printable(c);
            if (c == ' ') {
                spaceAfterBreak |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (lineBreak) {
                breakAfterSpace |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
        }
        boolean edgeSpace = chars[0] == ' ' || chars[chars.length - 1] == ' '
                || LINE_BREAKS.indexOf(chars[0]) >= 0 || LINE_BREAKS.indexOf(chars[chars.length - 1]) >= 0;
        boolean plain = !edgeSpace && !spaceAfterBreak && !breakAfterSpace && !special && !lineBreaks && !indicators;
        boolean singleQuoted = !spaceAfterBreak && !breakAfterSpace && !special;
        return new Analysis(plain, singleQuoted);
    }

    /**
     * Reads the top-level scalars of a block mapping, as written by {@link #dump} or by PyYAML:
     * plain, single- or double-quoted values, folded onto indented continuation lines or not.
     * Other values (lists, nested mappings) are skipped.
     *
     * @param document the YAML text
     * @return each top-level key with its value ({@code null} for {@code null}, {@code ~} or nothing)
     */
    static Map<String, @Nullable String> readScalars(String document) {
        Map<String, @Nullable String> values = new HashMap<>();
        String[] lines = document.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(": ");
            if (line.isEmpty() || line.startsWith(" ") || line.startsWith("#")) {
                continue;
            }
            if (colon < 0) {
                if (line.endsWith(":")) {
                    values.put(line.substring(0, line.length() - 1), null);
                }
                continue;
            }
            StringBuilder value = new StringBuilder(line.substring(colon + 2).strip());
            int emptyLines = 0;
            while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].isEmpty())
                    && continues(lines, i + 1)) {
                i++;
                if (lines[i].isBlank()) {
                    emptyLines++;
                } else {
                    value.append(emptyLines == 0 ? " " : "\n".repeat(emptyLines)).append(lines[i].strip());
                    emptyLines = 0;
                }
            }
            values.put(line.substring(0, colon), scalarValue(value.toString()));
        }
        return values;
    }

    /** Whether the lines from {@code from} on, blank or indented, lead to an indented line (a folded value's rest). */
    private static boolean continues(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                return lines[i].startsWith(" ");
            }
        }
        return false;
    }

    private static @Nullable String scalarValue(String text) {
        if (text.startsWith("'") && text.endsWith("'") && text.length() >= 2) {
            // a line or paragraph separator is kept as written, the indentation after it is not
            return text.substring(1, text.length() - 1).replace("''", "'").replaceAll("([\u2028\u2029]) +", "$1");
        }
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
            return unescape(text.substring(1, text.length() - 1));
        }
        return text.isEmpty() || text.equals("~") || text.equals("null") ? null : text;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char code = text.charAt(++i);
            int hexDigits = code == 'x' ? 2 : code == 'u' ? 4 : code == 'U' ? 8 : 0;
            if (hexDigits > 0 && i + hexDigits < text.length()) {
                out.appendCodePoint(Integer.parseInt(text.substring(i + 1, i + 1 + hexDigits), 16));
                i += hexDigits;
            } else {
                out.appendCodePoint(UNESCAPES.getOrDefault(code, (int) code));
            }
        }
        return out.toString();
    }
}
