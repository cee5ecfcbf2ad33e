package dev.mlops.data.io;

import dev.mlops.data.internal.NumberSyntax;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One cell as the column parsers see it: its kind, its text, and its number if it is one. A
 * format of text hands over bytes ({@link Raw}), parsed as numbers without a {@code String} and
 * decoded only when a parser needs the text; other formats hand over text ({@link Text}). A
 * reader reuses one instance for every cell: not thread-safe.
 */
abstract class Cell {

    /** @return where the text came from */
    abstract CellKind kind();

    /** @return the cell's text, decoded (once) when asked for */
    abstract String text();

    /**
     * @param levels the levels of the cell's categorical column seen so far
     * @return the cell's text as a level, the same instance as before for a level seen before
     *     when the cell knows its bytes
     */
    String level(Levels levels) {
        return text();
    }

    /**
     * Parses the cell as a number.
     *
     * @param syntax the syntax, which holds the value afterwards
     * @return true if the cell is a number
     */
    abstract boolean parseNumber(NumberSyntax syntax);

    /** A cell of text. */
    static final class Text extends Cell {
        private String text = "";
        private CellKind kind = CellKind.TEXT;

        /** @return this cell, now holding the text */
        Text set(String text, CellKind kind) {
            this.text = text;
            this.kind = kind;
            return this;
        }

        @Override
        CellKind kind() {
            return kind;
        }

        @Override
        String text() {
            return text;
        }

        @Override
        boolean parseNumber(NumberSyntax syntax) {
            return syntax.parse(text);
        }
    }

    /** A cell of CSV bytes, {@link CellKind#TEXT}: a range of a {@link CsvTokenizer}'s buffer. */
    static final class Raw extends Cell {
        private final CellDecoder decoder;
        private final byte quote;
        private @Nullable CsvTokenizer tokenizer;
        private int cell;
        private @Nullable String text;

        /**
         * @param decoder decodes the bytes strictly
         * @param quote the quote's byte, for unescaping doubled quotes
         */
        Raw(CellDecoder decoder, byte quote) {
            this.decoder = decoder;
            this.quote = quote;
        }

        /** @return this cell, now the given cell of the tokenizer's current record */
        Raw set(CsvTokenizer tokenizer, int cell) {
            this.tokenizer = tokenizer;
            this.cell = cell;
            this.text = null;
            return this;
        }

        /** @return true if the cell's bytes are the given bytes, escapes undone */
        boolean is(byte[] bytes) {
            int from = tokenizer.cellStart(cell);
            int length = tokenizer.cellEnd(cell) - from;
            if ((tokenizer.cellFlags(cell) & CsvTokenizer.ESCAPED) != 0) {
                return text().equals(new String(bytes, decoder.charset()));
            }
            return length == bytes.length && Arrays.equals(tokenizer.buffer(), from, from + length, bytes, 0, length);
        }

        /**
         * Decodes the cell if it holds bytes beyond ASCII and has not been decoded yet.
         *
         * @throws dev.mlops.core.DataFormatException if its bytes are not valid in the charset
         */
        void requireValid() {
            if (text == null && (tokenizer.cellFlags(cell) & CsvTokenizer.NON_ASCII) != 0) {
                text();
            }
        }

        /** @return the cell's length in bytes, escapes included */
        int length() {
            return tokenizer.cellEnd(cell) - tokenizer.cellStart(cell);
        }

        @Override
        CellKind kind() {
            return CellKind.TEXT;
        }

        @Override
        String text() {
            if (text == null) {
                text = decoder.text(tokenizer.buffer(), tokenizer.cellStart(cell), tokenizer.cellEnd(cell),
                        tokenizer.cellFlags(cell), quote, tokenizer);
            }
            return text;
        }

        @Override
        String level(Levels levels) {
            if (text != null || (tokenizer.cellFlags(cell) & CsvTokenizer.ESCAPED) != 0) {
                return text();
            }
            byte[] bytes = tokenizer.buffer();
            int from = tokenizer.cellStart(cell);
            int to = tokenizer.cellEnd(cell);
            String known = levels.find(bytes, from, to);
            if (known != null) {
                // the same bytes decoded before: valid, and the same text
                text = known;
                return known;
            }
            levels.remember(bytes, from, to, text());
            return text;
        }

        @Override
        boolean parseNumber(NumberSyntax syntax) {
            // a doubled quote or a byte beyond ASCII is never part of a number
            return syntax.parse(tokenizer.buffer(), tokenizer.cellStart(cell), tokenizer.cellEnd(cell));
        }
    }
}
