package dev.mlops.core.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and writes the spec string of {@link ComponentSpec}: {@code type(name=value, ...)}. */
final class SpecText {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String WORD_PUNCTUATION = "_.-+/:@'!?*%~^$#&|";
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private final String text;
    private int position;

    private SpecText(String text) {
        this.text = text;
    }

    static ComponentSpec parse(String text) {
        SpecText parser = new SpecText(text);
        parser.skipSpace();
        String type = parser.word("a component type");
        ObjectNode settings = NODES.objectNode();
        parser.skipSpace();
        if (parser.peek('(')) {
            parser.position++;
            parser.settings(settings, ')');
        }
        parser.skipSpace();
        if (parser.position < text.length()) {
            throw parser.error("expected the end of the spec after the settings in parentheses");
        }
        try {
            return new ComponentSpec(type, settings);
        } catch (IllegalArgumentException e) {
            throw new ComponentException("spec '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Reads {@code name=value, ...} up to the closing character, which it consumes. */
    private void settings(ObjectNode into, char close) {
        skipSpace();
        if (peek(close)) {
            position++;
            return;
        }
        while (true) {
            skipSpace();
            int start = position;
            String name = word("a setting's name");
            if (into.has(name)) {
                position = start;
                throw error("the setting '" + name + "' is given twice");
            }
            skipSpace();
            expect('=', "'=' after the setting '" + name + "'");
            into.set(name, value());
            skipSpace();
            if (peek(',')) {
                position++;
            } else if (peek(close)) {
                position++;
                return;
            } else {
                throw error("expected ',' or '" + close + "' after the setting '" + name + "'");
            }
        }
    }

    private JsonNode value() {
        skipSpace();
        if (peek('"')) {
            return NODES.textNode(quoted());
        }
        if (peek('[')) {
            position++;
            ArrayNode array = NODES.arrayNode();
            skipSpace();
            if (peek(']')) {
                position++;
                return array;
            }
            while (true) {
                array.add(value());
                skipSpace();
                if (peek(',')) {
                    position++;
                } else if (peek(']')) {
                    position++;
                    return array;
                } else {
                    throw error("expected ',' or ']' in a list");
                }
            }
        }
        if (peek('{')) {
            position++;
            ObjectNode object = NODES.objectNode();
            settings(object, '}');
            return object;
        }
        return typed(word("a value"));
    }

    private static JsonNode typed(String word) {
        switch (word) {
            case "true":
                return NODES.booleanNode(true);
            case "false":
                return NODES.booleanNode(false);
            case "null":
                return NODES.nullNode();
            default:
                break;
        }
        if (INTEGER.matcher(word).matches()) {
            try {
                return NODES.numberNode(Long.parseLong(word));
            } catch (NumberFormatException e) {
                return NODES.numberNode(Double.parseDouble(word));
            }
        }
        if (NUMBER.matcher(word).matches()) {
            return NODES.numberNode(Double.parseDouble(word));
        }
        return NODES.textNode(word);
    }

    private String quoted() {
        int start = position;
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (position == text.length() || text.charAt(position) != '"' && text.charAt(position) != '\\') {
                    throw error("expected '\"' or '\\' after '\\' in a quoted string");
                }
                c = text.charAt(position++);
            }
            value.append(c);
        }
        position = start;
        throw error("the string that starts here has no closing '\"'");
    }

    private String word(String expected) {
        int start = position;
        while (position < text.length() && isWordChar(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw error("expected " + expected);
        }
        return text.substring(start, position);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || WORD_PUNCTUATION.indexOf(c) >= 0;
    }

    private void expect(char c, String expected) {
        if (!peek(c)) {
            throw error("expected " + expected);
        }
        position++;
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private ComponentException error(String problem) {
        String found = position < text.length() ? "'" + text.charAt(position) + "'" : "the end";
        return new ComponentException("spec '" + text + "' at character " + (position + 1) + " (" + found + "): "
                + problem);
    }

    static String write(ComponentSpec spec) {
        ObjectNode settings = spec.settings();
        StringBuilder out = new StringBuilder(spec.type()).append('(');
        appendSettings(out, settings);
        return out.append(')').toString();
    }

    private static void appendSettings(StringBuilder out, ObjectNode settings) {
        boolean first = true;
        for (Map.Entry<String, JsonNode> setting : settings.properties()) {
            out.append(first ? "" : ", ").append(setting.getKey()).append('=');
            appendValue(out, setting.getValue());
            first = false;
        }
    }

    private static void appendValue(StringBuilder out, JsonNode value) {
        if (value.isObject()) {
            out.append('{');
            appendSettings(out, (ObjectNode) value);
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> elements = value.elements(); elements.hasNext();) {
                appendValue(out, elements.next());
                out.append(elements.hasNext() ? ", " : "");
            }
            out.append(']');
        } else if (value.isTextual()) {
            appendText(out, value.textValue());
        } else {
            out.append(value.asText());
        }
    }

    /** A text that reads back as the same text bare is written bare; any other in quotes. */
    private static void appendText(StringBuilder out, String value) {
        boolean bare = !value.isEmpty() && value.chars().allMatch(c -> isWordChar((char) c))
                && typed(value).isTextual();
        if (bare) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
