package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictReader}: characters before invalid bytes first, then an error naming the line
 * (every kind of line break counted once, across reads) and the byte offset from the input's
 * start, beyond its byte buffer too.
 */
class StrictReaderTest {
    private static StrictReader reader(byte[] bytes, Charset charset) {
        return new StrictReader(new ByteArrayInputStream(bytes), charset, "in.txt", "hint");
    }

    private static String readAll(StrictReader reader, int chunk) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n = reader.read(buffer, 0, chunk); n >= 0; n = reader.read(buffer, 0, chunk)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withByte(byte[] bytes, byte extra) {
        byte[] all = Arrays.copyOf(bytes, bytes.length + 1);
        all[bytes.length] = extra;
        return all;
    }

    @Nested
    class Errors {
        @Test
        void countsEveryKindOfLineBreakOnceAcrossReadsOfOneCharacter() {
            byte[] bytes = withByte(utf8("a\r\nb\rc\nd\r\r\ne"), (byte) 0xFF);

            assertThatThrownBy(() -> readAll(reader(bytes, StandardCharsets.UTF_8), 1))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("in.txt line 6: the byte 0xFF at byte offset 12 is not valid UTF-8; hint");
        }

        @Test
        void countsLineBreaksTheSameWhenReadInOneGo() {
            byte[] bytes = withByte(utf8("a\r\nb\rc\nd\r\r\ne"), (byte) 0xFF);

            assertThatThrownBy(() -> readAll(reader(bytes, StandardCharsets.UTF_8), 1024))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("in.txt line 6: the byte 0xFF at byte offset 12 is not valid UTF-8; hint");
        }

        @Test
        void namesTheOffsetFromTheInputsStartBeyondTheByteBuffer() {
            byte[] bytes = withByte(utf8("ü".repeat(50_000)), (byte) 0xC3);

            assertThatThrownBy(() -> readAll(reader(withByte(bytes, (byte) '('), StandardCharsets.UTF_8), 4096))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("in.txt line 1: the byte 0xC3 at byte offset 100000 is not valid UTF-8; hint");
        }

        @Test
        void namesEveryByteOfAnUnmappableSequence() {
            byte[] bytes = {0, 'a', (byte) 0xDC, 0x00, 0, 'b'};

            assertThatThrownBy(() -> readAll(reader(bytes, StandardCharsets.UTF_16BE), 16))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("in.txt line 1: the bytes 0xDC 0x00 at byte offset 2 are not valid UTF-16BE; hint");
        }

        @Test
        void returnsTheCharactersBeforeTheInvalidBytesFirst() throws IOException {
            StrictReader reader = reader(withByte(utf8("ab\ncd"), (byte) 0xFF), StandardCharsets.UTF_8);
            char[] buffer = new char[16];

            assertThat(reader.read(buffer, 2, 10)).isEqualTo(5);
            assertThat(new String(buffer, 2, 5)).isEqualTo("ab\ncd");
            assertThatThrownBy(() -> reader.read(buffer, 0, 16))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("in.txt line 2: the byte 0xFF at byte offset 5 is not valid UTF-8; hint");
        }

        @Test
        void aTruncatedSequenceAtTheEndIsInvalid() {
            byte[] bytes = {'a', '\n', (byte) 0xE2, (byte) 0x82};

            assertThatThrownBy(() -> readAll(reader(bytes, StandardCharsets.UTF_8), 16))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("in.txt line 2: the bytes 0xE2 0x82 at byte offset 2 are not valid UTF-8; hint");
        }
    }

    @Nested
    class Reading {
        @Test
        void aReadOfNothingReturnsZeroAndTheEndMinusOne() throws IOException {
            StrictReader reader = reader(utf8("x"), StandardCharsets.UTF_8);
            char[] buffer = new char[4];

            assertThat(reader.read(buffer, 0, 0)).isZero();
            assertThat(reader.read(buffer, 1, 3)).isEqualTo(1);
            assertThat(buffer[1]).isEqualTo('x');
            assertThat(reader.read(buffer, 0, 4)).isEqualTo(-1);
            assertThat(reader.read(buffer, 0, 4)).isEqualTo(-1);
        }

        @Test
        void aLongInputOfWideCharactersReadsWhole() throws IOException {
            String text = "€🙂ü\r\n".repeat(20_000);

            assertThat(readAll(reader(utf8(text), StandardCharsets.UTF_8), 1000)).isEqualTo(text);
            assertThat(readAll(reader(text.getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16), 3)).isEqualTo(text);
        }

        @Test
        void aRangeOutsideTheBufferIsRefused() {
            StrictReader reader = reader(utf8("x"), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> reader.read(new char[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void closingClosesTheInput() throws IOException {
            boolean[] closed = {false};
            InputStream in = new ByteArrayInputStream(utf8("x")) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            new StrictReader(in, StandardCharsets.UTF_8, "in.txt", "hint").close();

            assertThat(closed[0]).isTrue();
        }
    }
}
