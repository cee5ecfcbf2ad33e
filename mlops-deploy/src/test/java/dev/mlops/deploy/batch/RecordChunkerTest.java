package dev.mlops.deploy.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.deploy.batch.RecordChunker.Chunk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChunkerTest {
    private static final int QUOTE = '"';

    private static List<Chunk> chunks(String text, int quote, int rows, int bytes) throws IOException {
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
        assertThat(chunks("{\"a\":\"\\\"\"}\n\"\n\"\n", -1, 1, Integer.MAX_VALUE)).extracting(RecordChunkerTest::text)
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
}
