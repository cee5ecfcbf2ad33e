package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Transcoder}'s bytes are exactly UTF-8's for every length of character, at every
 * border of its character buffer, and the read methods keep the {@link java.io.InputStream}
 * contract.
 */
class Utf8TranscoderBordersTest {
    /** The transcoder's character buffer, as a border to put characters on. */
    private static final int CHARS = 8192;

    private static byte[] transcode(String text, char delimiter, char quote, int readSize) throws IOException {
        try (Utf8Transcoder in = new Utf8Transcoder(new StringReader(text), delimiter, quote)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[readSize];
            for (int n = in.read(chunk, 0, readSize); n >= 0; n = in.read(chunk, 0, readSize)) {
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }

    @Nested
    class Encoding {
        @Test
        void oneTwoThreeAndFourByteCharactersAreUtf8() throws IOException {
            String text = "a\u007F\u0080ß\u07FF\u0800€\uFFFD🙂\uD800\uDC00\uDBFF\uDFFF";

            assertThat(transcode(text, ',', '"', 7)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void aDelimiterAndQuoteBeyondAsciiAreOneByteEachAndOtherCharactersStayUtf8() throws IOException {
            byte[] bytes = transcode("x€y¦z»ä", '€', '»', 64);

            assertThat(bytes).containsExactly('x', 0xFF, 'y', 0xC2, 0xA6, 'z', 0xFE, 0xC3, 0xA4);
        }

        @Test
        void anAsciiDelimiterAndQuoteStayThemselves() throws IOException {
            assertThat(transcode("a;'b'", ';', '\'', 64)).isEqualTo("a;'b'".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void aLoneSurrogateIsWrittenAsItsThreeBytes() throws IOException {
            assertThat(transcode("a\uD800", ',', '"', 64)).containsExactly('a', 0xED, 0xA0, 0x80);
            assertThat(transcode("\uDC00b", ',', '"', 64)).containsExactly(0xED, 0xB0, 0x80, 'b');
            assertThat(transcode("\uD800b", ',', '"', 64)).containsExactly(0xED, 0xA0, 0x80, 'b');
        }
    }

    @Nested
    class BufferBorders {
        @Test
        void aSurrogatePairSplitByTheCharacterBufferStaysOneCharacter() throws IOException {
            String text = "a".repeat(CHARS - 1) + "🙂" + "b".repeat(CHARS) + "🙂c";

            assertThat(transcode(text, ',', '"', 1000)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void aLongInputOfWideCharactersIsCopiedWholeWhateverTheReadSize() throws IOException {
            String text = "€ü🙂,".repeat(3 * CHARS);
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);

            assertThat(transcode(text, ',', '"', 1)).isEqualTo(expected);
            assertThat(transcode(text, ',', '"', 3 * CHARS * 3)).isEqualTo(expected);
        }
    }

    @Nested
    class StreamContract {
        @Test
        void readsIntoTheGivenRangeOnlyAndAnswersMinusOneAtTheEnd() throws IOException {
            try (Utf8Transcoder in = new Utf8Transcoder(new StringReader("abc"), ',', '"')) {
                byte[] target = {9, 9, 9, 9, 9};

                assertThat(in.read(target, 1, 2)).isEqualTo(2);
                assertThat(target).containsExactly(9, 'a', 'b', 9, 9);
                assertThat(in.read(target, 4, 1)).isEqualTo(1);
                assertThat(target).containsExactly(9, 'a', 'b', 9, 'c');
                assertThat(in.read(target, 0, 5)).isEqualTo(-1);
                assertThat(in.read()).isEqualTo(-1);
            }
        }

        @Test
        void aSingleByteReadGivesTheByteUnsigned() throws IOException {
            try (Utf8Transcoder in = new Utf8Transcoder(new StringReader("é"), ',', '"')) {
                assertThat(in.read()).isEqualTo(0xC3);
                assertThat(in.read()).isEqualTo(0xA9);
                assertThat(in.read()).isEqualTo(-1);
            }
        }

        @Test
        void aRangeOutsideTheTargetIsRefused() throws IOException {
            try (Utf8Transcoder in = new Utf8Transcoder(new StringReader("abc"), ',', '"')) {
                assertThatThrownBy(() -> in.read(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            }
        }
    }
}
