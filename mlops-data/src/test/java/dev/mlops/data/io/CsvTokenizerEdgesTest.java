package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CsvTokenizer} at its edges: the exact errors after a closing quote and for a quote
 * that never closes, a tokenizer that starts inside an input and stops at a given offset,
 * prefixes, records longer than the buffer, and each cell's flags.
 */
class CsvTokenizerEdgesTest {
    private static final CellDecoder DECODER = new CellDecoder(StandardCharsets.UTF_8, "test.csv", "hint");

    private static CsvTokenizer tokenizer(byte[] bytes, boolean trim, int bufferSize) {
        return new CsvTokenizer(new ByteArrayInputStream(bytes), "test.csv", DECODER, (byte) ',', (byte) '"', trim, 0, 1,
                Long.MAX_VALUE, bufferSize);
    }

    private static CsvTokenizer tokenizer(String csv, boolean trim, int bufferSize) {
        return tokenizer(csv.getBytes(StandardCharsets.UTF_8), trim, bufferSize);
    }

    /** Each record as "line:start-end [cell|flags] ...". */
    private static List<String> records(CsvTokenizer tokenizer) throws IOException {
        Cell.Raw cell = new Cell.Raw(DECODER, (byte) '"');
        List<String> records = new ArrayList<>();
        while (tokenizer.next()) {
            StringBuilder record = new StringBuilder(tokenizer.recordLine() + ":" + tokenizer.recordStart() + "-"
                    + tokenizer.recordEnd());
            for (int i = 0; i < tokenizer.cellCount(); i++) {
                record.append(" [").append(cell.set(tokenizer, i).text()).append('|').append(tokenizer.cellFlags(i)).append(']');
            }
            records.add(record.toString());
        }
        return records;
    }

    @Nested
    class AfterAClosingQuote {
        @Test
        void aPrintableCharacterIsShownInQuotes() {
            assertThatThrownBy(() -> records(tokenizer("a;b\n\"x\"y;z\n", false, 64)))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 2: malformed CSV: expected the delimiter ',' or the line's end after a"
                            + " closing quote but found 'y'");
        }

        @Test
        void deleteIsShownAsAControlCharacter() {
            assertThatThrownBy(() -> records(tokenizer("\"x\"\u007F\n", false, 64)))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 1: malformed CSV: expected the delimiter ',' or the line's end after a"
                            + " closing quote but found the control character 0x7F");
        }

        @Test
        void aByteBeyondAsciiIsShownInHex() {
            assertThatThrownBy(() -> records(tokenizer("\"x\"é\n", false, 64)))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 1: malformed CSV: expected the delimiter ',' or the line's end after a"
                            + " closing quote but found the byte 0xC3");
        }

        @Test
        void spacesAndControlCharactersMayFollowItAtEveryBufferBorder() throws IOException {
            String csv = "\"ab\" \t\u0001,\"c\"\u001F \r\nd";
            for (int size = 16; size <= 32; size++) {
                assertThat(records(tokenizer(csv, false, size))).as("buffer %d", size)
                        .containsExactly("1:0-15 [ab|0] [c|0]", "2:15-16 [d|0]");
            }
        }
    }

    @Nested
    class UnclosedQuotes {
        @Test
        void namesTheColumnAndTheLineWhereTheQuoteOpens() {
            CsvTokenizer tokenizer = tokenizer("1,2\n3,\"x\ny\nz", false, 16);
            tokenizer.names(List.of("a", "b"));

            assertThatThrownBy(() -> records(tokenizer))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 2, column 'b' (2): the quote that opens this value is never closed");
        }

        @Test
        void aValueBeyondTheNamedColumnsIsNamedByItsPosition() {
            CsvTokenizer tokenizer = tokenizer("1,2\n\n3,4,\"x\ny", false, 16);
            tokenizer.names(List.of("a", "b"));

            assertThatThrownBy(() -> records(tokenizer))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 3: value 3: the quote that opens this value is never closed");
        }

        @Test
        void aQuoteThatOpensAfterALineBreakInsideAnotherValueNamesItsOwnLine() {
            CsvTokenizer tokenizer = tokenizer("\"a\r\nb\",\"c\rd", false, 16);
            tokenizer.names(List.of("a", "b"));

            assertThatThrownBy(() -> records(tokenizer))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 2, column 'b' (2): the quote that opens this value is never closed");
        }

        @Test
        void anInputEndingRightAfterAnOpeningQuoteIsUnclosed() {
            assertThatThrownBy(() -> records(tokenizer("a,\"", false, 16)))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 1: value 2: the quote that opens this value is never closed");
        }
    }

    @Nested
    class Cells {
        @Test
        void flagsDoubledQuotesAndBytesBeyondAsciiInQuotedAndUnquotedCells() throws IOException {
            assertThat(records(tokenizer("\"a\"\"b\",\"é\",é,\"\"\"é\",x\"y", false, 64)))
                    .containsExactly("1:0-25 [a\"b|1] [é|2] [é|2] [\"é|3] [x\"y|0]");
        }

        @Test
        void trimmingRemovesSpacesAndControlCharactersAroundUnquotedValuesOnly() throws IOException {
            assertThat(records(tokenizer(" a\t, \" b \" ,\u0001c d\u0002\n", true, 64)))
                    .containsExactly("1:0-18 [a|0] [ b |0] [c d|0]");
            assertThat(records(tokenizer(" a\t, \" b \" ,\u0001c d\u0002\n", false, 64)))
                    .containsExactly("1:0-18 [ a\t|0] [ \" b \" |0] [\u0001c d\u0002|0]");
        }

        @Test
        void trimmingNeverRemovesATabDelimiter() throws IOException {
            CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(" a \t\tb \n".getBytes(StandardCharsets.UTF_8)),
                    "test.csv", DECODER, (byte) '\t', (byte) '"', true, 0, 1, Long.MAX_VALUE, 16);

            assertThat(records(tokenizer)).containsExactly("1:0-8 [a|0] [|0] [b|0]");
        }

        @Test
        void aRecordOfManyCellsLongerThanTheBufferGrowsIt() throws IOException {
            String record = "x,".repeat(40) + "\"" + "y".repeat(100) + "\"";
            CsvTokenizer tokenizer = tokenizer(record + "\r\nz", false, 16);

            assertThat(tokenizer.next()).isTrue();
            assertThat(tokenizer.cellCount()).isEqualTo(41);
            assertThat(tokenizer.cellEnd(40) - tokenizer.cellStart(40)).isEqualTo(100);
            assertThat(tokenizer.recordEnd()).isEqualTo(record.length() + 2);
            assertThat(tokenizer.line()).isEqualTo(2);
            assertThat(tokenizer.next()).isTrue();
            assertThat(tokenizer.recordStart()).isEqualTo(record.length() + 2);
            assertThat(tokenizer.atEndOfInput()).isTrue();
            assertThat(tokenizer.next()).isFalse();
        }

        @ParameterizedTest(name = "buffer {0}")
        @ValueSource(ints = {16, 17, 18, 19, 20, 21, 22, 23, 24, 25})
        void aLoneCarriageReturnOrSpacesAtABufferBorderEndTheRecordAsAtAnyOther(int size) throws IOException {
            String csv = "abcdefghijklmn\rop  ,  \"q\"  \r\r\n\"r\"\"\"\r\"s\r\"";

            assertThat(records(tokenizer(csv, true, size)))
                    .containsExactly("1:0-15 [abcdefghijklmn|0]", "2:15-28 [op|0] [q|0]", "3:28-30 [|0]",
                            "4:30-36 [r\"|1]", "5:36-40 [s\r|0]");
        }
    }

    @Nested
    class PartOfAnInput {
        @Test
        void startsAtTheGivenOffsetAndLineAndStopsBeforeARecordStartingAtStopAt() throws IOException {
            byte[] part = "c,\"d\ne\"\nf,g\nh,i\n".getBytes(StandardCharsets.UTF_8);
            CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(part), "test.csv", DECODER, (byte) ',',
                    (byte) '"', false, 100, 7, 109, 16);

            assertThat(records(tokenizer)).containsExactly("7:100-108 [c|0] [d\ne|0]", "9:108-112 [f|0] [g|0]");
            assertThat(tokenizer.line()).isEqualTo(10);
        }

        @Test
        void aRecordStartingJustBeforeStopAtIsReadToItsEnd() throws IOException {
            byte[] part = "ab\ncd\nef\n".getBytes(StandardCharsets.UTF_8);
            CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(part), "test.csv", DECODER, (byte) ',',
                    (byte) '"', false, 10, 1, 14, 16);

            assertThat(records(tokenizer)).containsExactly("1:10-13 [ab|0]", "2:13-16 [cd|0]");
        }
        @Test
        void aRecordStartingExactlyAtStopAtBelongsToTheNextPart() throws IOException {
            byte[] part = "ab\ncd\nef\n".getBytes(StandardCharsets.UTF_8);
            CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(part), "test.csv", DECODER, (byte) ',',
                    (byte) '"', false, 10, 1, 13, 16);

            assertThat(records(tokenizer)).containsExactly("1:10-13 [ab|0]");
        }

        @Test
        void invalidBytesInsideAQuotedValueOverSeveralLinesNameTheirOwnLine() throws IOException {
            byte[] bytes = {'h', '\n', '"', 'a', '\n', 'b', '\r', '\n', (byte) 0xFF, '"', '\n'};
            CsvTokenizer tokenizer = tokenizer(bytes, false, 16);
            Cell.Raw cell = new Cell.Raw(DECODER, (byte) '"');

            assertThat(tokenizer.next()).isTrue();
            assertThat(tokenizer.next()).isTrue();
            assertThatThrownBy(() -> cell.set(tokenizer, 0).text())
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("test.csv line 4: the byte 0xFF at byte offset 8 is not valid UTF-8; hint");
        }
    }

    @Nested
    class Prefixes {
        @Test
        void skipsAByteOrderMarkOnlyWhenTheInputStartsWithIt() throws IOException {
            byte[] mark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            CsvTokenizer with = tokenizer(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, false, 16);
            CsvTokenizer without = tokenizer(new byte[] {(byte) 0xEF, (byte) 0xBB, 'a', 'b'}, false, 16);
            CsvTokenizer shorter = tokenizer(new byte[] {(byte) 0xEF, (byte) 0xBB}, false, 16);

            assertThat(with.skipPrefix(mark)).isTrue();
            assertThat(with.recordEnd()).isEqualTo(3);
            assertThat(records(with)).containsExactly("1:3-4 [a|0]");
            assertThat(without.skipPrefix(mark)).isFalse();
            assertThat(without.recordEnd()).isZero();
            assertThat(shorter.skipPrefix(mark)).isFalse();
            assertThat(shorter.recordEnd()).isZero();
        }

        @Test
        void anInputThatIsOnlyTheByteOrderMarkHasNoRecords() throws IOException {
            CsvTokenizer only = tokenizer(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, false, 16);

            assertThat(only.skipPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isTrue();
            assertThat(only.next()).isFalse();
        }
    }
}
