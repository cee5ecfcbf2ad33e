package dev.mlops.deploy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.deploy.batch.RecordChunker.Chunk;
import dev.mlops.deploy.batch.RecordChunker.Syntax;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChunkerTest {
    private static final Syntax QUOTE = new Syntax('"', (byte) ',', false);
    private static final Syntax TRIMMED = new Syntax('"', (byte) ',', true);

    private static List<Chunk> chunks(String text, Syntax quote, int rows, int bytes) throws IOException {
        RecordChunker chunker = new RecordChunker(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                quote, 100, 7, 3);
        List<Chunk> chunks = new ArrayList<>();
        for (Chunk chunk = chunker.next(rows, bytes); chunk != null; chunk = chunker.next(rows, bytes)) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static String text(Chunk chunk) {
        return new String(chunk.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void cutsWholeRecordsWithOffsetsLinesAndIndices() throws IOException {
        List<Chunk> chunks = chunks("a,1\nb,\"x\ny\"\nc,3\nd,4", QUOTE, 2, Integer.MAX_VALUE);
        assertThat(chunks).extracting(RecordChunkerTest::text).containsExactly("a,1\nb,\"x\ny\"\n", "c,3\nd,4");
        assertThat(chunks).extracting(Chunk::index).containsExactly(3L, 4L);
        assertThat(chunks).extracting(Chunk::start).containsExactly(100L, 112L);
        assertThat(chunks).extracting(Chunk::end).containsExactly(112L, 119L);
        assertThat(chunks).extracting(Chunk::firstLine).containsExactly(7L, 10L);
        assertThat(chunks).extracting(Chunk::endLine).containsExactly(10L, 11L);
    }

    @Test
    void withoutAQuoteEveryLineFeedEndsARecord() throws IOException {
        assertThat(chunks("{\"a\":\"\\\"\"}\n\"\n\"\n", Syntax.JSON_LINES, 1, Integer.MAX_VALUE)).extracting(RecordChunkerTest::text)
                .containsExactly("{\"a\":\"\\\"\"}\n", "\"\n", "\"\n");
    }

    @Test
    void aChunkEndsAtTheFirstRecordBoundaryAfterItsByteBudget() throws IOException {
        assertThat(chunks("aaaa\nbb\ncc\nd\n", QUOTE, 100, 5)).extracting(RecordChunkerTest::text)
                .containsExactly("aaaa\n", "bb\ncc\n", "d\n");
        assertThat(chunks("aaaa\nbb\ncc\nd\n", QUOTE, 100, 6)).extracting(RecordChunkerTest::text)
                .containsExactly("aaaa\nbb\n", "cc\nd\n");
    }

    @Test
    void recordsLongerThanItsBlocksAndBuffersAreKeptWhole() throws IOException {
        String longRecord = "x".repeat(300_000);
        String text = longRecord + "\n" + "y".repeat(70_000) + "\nz\n";
        List<Chunk> chunks = chunks(text, QUOTE, 1, 1 << 20);
        assertThat(chunks).extracting(c -> c.bytes().length).containsExactly(300_001, 70_001, 2);
        assertThat(chunks(text, QUOTE, 100, 1 << 20)).singleElement().extracting(RecordChunkerTest::text)
                .isEqualTo(text);
    }

    @Test
    void anEmptyInputHasNoChunkAndNoFirstRecord() throws IOException {
        assertThat(chunks("", QUOTE, 1, 1)).isEmpty();
        assertThat(RecordChunker.first(new ByteArrayInputStream(new byte[0]), QUOTE)).isNull();
    }

    @Test
    void recordsSplitAChunkOneByOne() throws IOException {
        Chunk chunk = chunks("a\n\"b\nc\"\nd", QUOTE, 10, 100).get(0);
        List<Chunk> records = RecordChunker.records(chunk, QUOTE);
        assertThat(records).extracting(RecordChunkerTest::text).containsExactly("a\n", "\"b\nc\"\n", "d");
        assertThat(records).extracting(Chunk::firstLine).containsExactly(7L, 8L, 10L);
        assertThat(records).extracting(Chunk::start).containsExactly(100L, 102L, 108L);
    }

    @Test
    void aQuoteOpensAQuotedValueOnlyAtAFieldsStartAsTheCsvReaderReadsIt() throws IOException {
        // a stray quote inside an unquoted value is an ordinary character: every record is its own chunk
        assertThat(chunks("a,radio\"tv\nb,5'10\"\nc,3\n", QUOTE, 1, Integer.MAX_VALUE))
                .extracting(RecordChunkerTest::text).containsExactly("a,radio\"tv\n", "b,5'10\"\n", "c,3\n");
        // at a record's start and after a delimiter a quote opens a value; a doubled quote inside stays in it
        assertThat(chunks("\"x\ny\",1\na,\"p\"\"\nq\"\nz\n", QUOTE, 1, Integer.MAX_VALUE))
                .extracting(RecordChunkerTest::text).containsExactly("\"x\ny\",1\n", "a,\"p\"\"\nq\"\n", "z\n");
        // after spaces a quote opens a value only when the reader trims them
        assertThat(chunks("a, \"b\nc\"\nd\n", TRIMMED, 1, Integer.MAX_VALUE)).extracting(RecordChunkerTest::text)
                .containsExactly("a, \"b\nc\"\n", "d\n");
        assertThat(chunks("a, \"b\nc\"\nd\n", QUOTE, 1, Integer.MAX_VALUE)).extracting(RecordChunkerTest::text)
                .containsExactly("a, \"b\n", "c\"\n", "d\n");
        // text after a closing quote is unquoted: a quote in it is ordinary
        assertThat(chunks("\"a\"b\"\nc\n", QUOTE, 1, Integer.MAX_VALUE)).extracting(RecordChunkerTest::text)
                .containsExactly("\"a\"b\"\n", "c\n");
    }

    @Test
    void aStrayQuoteInAnUnquotedFieldStillYieldsNormalSizedChunks() throws IOException {
        StringBuilder text = new StringBuilder("1,radio\"tv\n");
        for (int i = 0; i < 10_000; i++) {
            text.append(i).append(",abcdefgh\n");
        }
        List<Chunk> chunks = chunks(text.toString(), QUOTE, 100, 4096);
        assertThat(chunks).hasSizeGreaterThan(50);
        assertThat(chunks).allSatisfy(c -> assertThat(c.bytes().length).isLessThanOrEqualTo(100 * 16));
    }

    @Test
    void anUnclosedQuoteOverALongTailIsBoundedAndItsRecordCutOff() throws IOException {
        StringBuilder text = new StringBuilder("1,\"open\n");
        for (int i = 0; i < 10_000; i++) {
            text.append(i).append(",abcdefgh\n");
        }
        int bytes = 1000;
        List<Chunk> chunks = chunks(text.toString(), QUOTE, 100_000, bytes);
        assertThat(chunks).hasSizeGreaterThan(50);
        assertThat(chunks).allSatisfy(c -> assertThat(c.bytes().length).isLessThan(2 * bytes + 20));
        assertThat(chunks.get(0).bytes().length).isGreaterThanOrEqualTo(2 * bytes);
        assertThat(chunks.get(1).bytes().length).isLessThan(bytes + 20);
        // the cut-off record is one record of the first chunk, the rest are read as records again
        assertThat(RecordChunker.records(chunks.get(0), QUOTE)).singleElement().extracting(Chunk::firstLine)
                .isEqualTo(7L);
        assertThat(RecordChunker.records(chunks.get(1), QUOTE)).hasSizeGreaterThan(50);
        assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(100 + text.length());
    }
}
