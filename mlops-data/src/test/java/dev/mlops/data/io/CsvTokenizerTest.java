package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlops.core.DataFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CsvTokenizer} against jackson-dataformat-csv, whose syntax the readers kept: the same
 * records, cells and lines on seeded random inputs with quotes, doubled quotes, line breaks of
 * every kind inside and outside quotes, spaces, control characters and blank lines, and the
 * line of the first error where a quote opened after a space is closed too early.
 */
class CsvTokenizerTest {
    private static final long MASTER_SEED = 0xC5_7061L;
    private static final String[] PIECES = {"1", "-2.5e3", "abc", " x ", "\t", "München", "\u0001", "a\"b", "NA", ""};

    static Stream<Arguments> inputs() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED);
        return LongStream.range(0, 40).mapToObj(i -> Arguments.of(master.nextLong(), i % 2 == 1, 1 + master.nextInt(40)));
    }

    /** A random CSV text; every quoted value is closed, and only spaces follow a closing quote. */
    static String randomCsv(SplittableRandom random, int records) {
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < records; r++) {
            int cells = random.nextInt(1, 5);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    csv.append(',');
                }
                if (random.nextInt(3) == 0) {
                    csv.append(random.nextBoolean() ? "" : " ").append('"');
                    for (int k = random.nextInt(4); k > 0; k--) {
                        csv.append(switch (random.nextInt(6)) {
                            case 0 -> "\"\"";
                            case 1 -> "\r\n";
                            case 2 -> "\n";
                            case 3 -> ",";
                            case 4 -> "\r";
                            default -> PIECES[random.nextInt(PIECES.length)].replace("\"", "\"\"");
                        });
                    }
                    csv.append('"').append(random.nextBoolean() ? "" : " \t");
                } else {
                    csv.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            if (r < records - 1 || random.nextBoolean()) {
                csv.append(switch (random.nextInt(4)) {
                    case 0 -> "\r\n";
                    case 1 -> "\r";
                    case 2 -> "\n\n";
                    default -> "\n";
                });
            }
        }
        return csv.toString();
    }

    private static List<String> jackson(String csv, boolean trim) throws IOException {
        CsvFactory factory = CsvFactory.builder()
                .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
                .disable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .configure(CsvParser.Feature.TRIM_SPACES, trim)
                .build();
        List<String> records = new ArrayList<>();
        try (CsvParser parser = factory.createParser(new StringReader(csv))) {
            parser.setSchema(CsvSchema.emptySchema().withoutHeader());
            StringBuilder record = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    if (record == null) {
                        record = new StringBuilder("line " + parser.currentTokenLocation().getLineNr() + ":");
                    }
                    record.append(" [").append(parser.getText()).append(']');
                } else if (token == JsonToken.END_ARRAY && record != null) {
                    records.add(record.toString());
                    record = null;
                }
            }
        } catch (JsonProcessingException e) {
            records.add("error on line " + e.getLocation().getLineNr());
        }
        return records;
    }

    private static List<String> ours(String csv, boolean trim, int bufferSize) throws IOException {
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, "test.csv", "hint");
        CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv",
                decoder, (byte) ',', (byte) '"', trim, 0, 1, Long.MAX_VALUE, bufferSize);
        Cell.Raw cell = new Cell.Raw(decoder, (byte) '"');
        List<String> records = new ArrayList<>();
        try {
            while (tokenizer.next()) {
                StringBuilder record = new StringBuilder("line " + tokenizer.recordLine() + ":");
                for (int i = 0; i < tokenizer.cellCount(); i++) {
                    record.append(" [").append(cell.set(tokenizer, i).text()).append(']');
                }
                records.add(record.toString());
            }
        } catch (DataFormatException e) {
            records.add("error on line " + e.line());
        }
        return records;
    }

    @ParameterizedTest(name = "seed {0}, trim {1}, buffer {2}")
    @MethodSource("inputs")
    void splitsRecordsAndCellsAsJacksonDoes(long seed, boolean trim, int bufferSize) throws IOException {
        String csv = randomCsv(new SplittableRandom(seed), 30);

        assertThat(ours(csv, trim, bufferSize)).as("seed %d, input %s", seed, csv).isEqualTo(jackson(csv, trim));
    }

    static Stream<Arguments> longCellInputs() {
        SplittableRandom master = new SplittableRandom(MASTER_SEED + 1);
        return LongStream.range(0, 24).mapToObj(i -> Arguments.of(master.nextLong(), i % 2 == 1,
                new int[] {24, 64, 100, 1 << 12}[(int) (i / 2 % 4)]));
    }

    /**
     * A random CSV text of unquoted cells up to 40 characters long, so that the tokenizer's scan
     * eight bytes at a time meets the delimiter and line breaks at every offset in a word, with
     * bytes beyond ASCII before and after them, and some quoted cells between.
     */
    static String randomLongCells(SplittableRandom random, int records) {
        String[] characters = {"a", "7", ".", "\"", " ", "\t", "ü", "€", "\u0001", "x"};
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < records; r++) {
            int cells = random.nextInt(1, 6);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    csv.append(',');
                }
                if (random.nextInt(8) == 0) {
                    csv.append("\"ü,\"\"x\"");
                    continue;
                }
                int length = random.nextInt(41);
                boolean blank = true;
                for (int k = 0; k < length; k++) {
                    String next = characters[random.nextInt(characters.length)];
                    // a quote may not open an unquoted cell, nor follow only spaces (which trimming skips)
                    next = blank && next.equals("\"") ? "q" : next;
                    blank &= next.charAt(0) <= ' ';
                    csv.append(next);
                }
            }
            csv.append(switch (random.nextInt(3)) {
                case 0 -> "\r\n";
                case 1 -> "\r";
                default -> "\n";
            });
        }
        return csv.toString();
    }

    @ParameterizedTest(name = "seed {0}, trim {1}, buffer {2}")
    @MethodSource("longCellInputs")
    void splitsLongCellsAsJacksonDoes(long seed, boolean trim, int bufferSize) throws IOException {
        String csv = randomLongCells(new SplittableRandom(seed), 200);

        assertThat(ours(csv, trim, bufferSize)).as("seed %d, input %s", seed, csv).isEqualTo(jackson(csv, trim));
    }

    @ParameterizedTest(name = "seed {0}, trim {1}, buffer {2}")
    @MethodSource("longCellInputs")
    void flagsACellBeyondAsciiExactlyWhenItHoldsSuchAByte(long seed, boolean trim, int bufferSize)
            throws IOException {
        byte[] csv = randomLongCells(new SplittableRandom(seed), 200).getBytes(StandardCharsets.UTF_8);
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, "test.csv", "hint");
        CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(csv), "test.csv", decoder, (byte) ',',
                (byte) '"', trim, 0, 1, Long.MAX_VALUE, bufferSize);
        int cells = 0;
        while (tokenizer.next()) {
            for (int i = 0; i < tokenizer.cellCount(); i++, cells++) {
                boolean beyondAscii = false;
                for (int at = tokenizer.cellStart(i); at < tokenizer.cellEnd(i); at++) {
                    beyondAscii |= tokenizer.buffer()[at] < 0;
                }
                assertThat((tokenizer.cellFlags(i) & CsvTokenizer.NON_ASCII) != 0)
                        .as("seed %d, cell %d", seed, cells).isEqualTo(beyondAscii);
            }
        }
        assertThat(cells).isGreaterThan(200);
    }

    @Test
    void aRecordSpansTheBytesFromItsStartToPastItsLineEnd() throws IOException {
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, "test.csv", "hint");
        byte[] bytes = "a,\"b\r\nc\"\r\n\r\nd".getBytes(StandardCharsets.UTF_8);
        CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(bytes), "test.csv", decoder, (byte) ',',
                (byte) '"', false, 0, 1, Long.MAX_VALUE, 16);
        List<String> spans = new ArrayList<>();
        while (tokenizer.next()) {
            spans.add(tokenizer.recordLine() + ":" + tokenizer.recordStart() + "-" + tokenizer.recordEnd());
        }

        assertThat(spans).containsExactly("1:0-10", "3:10-12", "4:12-13");
    }

    @Test
    void somethingAfterAClosingQuoteIsAnErrorAtItsLineUnlessBytesBeforeItAreInvalid() {
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, "test.csv", "hint");
        byte[] after = {'a', '\n', '"', 'x', '\n', 'y', '"', 'z', ',', (byte) 0xFF, '\n'};
        byte[] before = {'a', '\n', (byte) 0xFF, '"', ',', '"', 'q', '"', 'z', '\n'};

        assertThatThrownBy(() -> drain(decoder, after))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("test.csv line 3: malformed CSV: expected the delimiter ',' or the line's end after a"
                        + " closing quote but found 'z'");
        assertThatThrownBy(() -> drain(decoder, before))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("test.csv line 2: the byte 0xFF at byte offset 2 is not valid UTF-8; hint");
    }

    @Test
    void anUnclosedQuoteComesAfterInvalidBytesOfItsRecord() {
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, "test.csv", "hint");
        byte[] bytes = {'a', '\n', 'b', ',', '"', 'c', '\n', (byte) 0xC3, '(', '\n'};

        assertThatThrownBy(() -> drain(decoder, bytes))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("test.csv line 3: the byte 0xC3 at byte offset 7 is not valid UTF-8; hint");
    }

    private static void drain(CellDecoder decoder, byte[] bytes) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(bytes), "test.csv", decoder, (byte) ',',
                (byte) '"', false);
        while (tokenizer.next()) {
            assertThat(tokenizer.cellCount()).isPositive();
        }
    }
}
