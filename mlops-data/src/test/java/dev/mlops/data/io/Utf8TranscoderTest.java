package dev.mlops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Inputs the tokenizer cannot read as they are: re-encoded as UTF-8, with a delimiter or quote beyond ASCII as one byte. */
class Utf8TranscoderTest {

    private static Table read(CsvFormat format, byte[] bytes) {
        return format.read(new ByteArrayInputStream(bytes), "test.csv");
    }

    @Test
    void utf16WithCharactersBeyondTheBasicPlaneReadsAsUtf8Would() {
        String csv = "name,n\n\"🙂 say \"\"hi\"\"\",1\nGöttingen,2\n";

        Table table = read(CsvFormat.builder().charset(StandardCharsets.UTF_16).build(), csv.getBytes(StandardCharsets.UTF_16));

        assertThat(table.categoricalColumn("name").get(0)).isEqualTo("🙂 say \"hi\"");
        assertThat(table.categoricalColumn("name").get(1)).isEqualTo("Göttingen");
        assertThat(table.numericColumn("n").get(1)).isEqualTo(2.0);
    }

    @Test
    void aDelimiterAndQuoteBeyondAsciiSplitAndQuoteAsTheyShould() {
        CsvFormat format = CsvFormat.builder().delimiter('¦').quote('»').build();

        Table table = read(format, "a¦b\n»x¦y»»z»¦2\nq»r¦3\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.categoricalColumn("a").get(0)).isEqualTo("x¦y»z");
        assertThat(table.categoricalColumn("a").get(1)).isEqualTo("q»r");
        assertThat(table.numericColumn("b").get(1)).isEqualTo(3.0);
    }

    @Test
    void invalidBytesAreReportedAtTheirOffsetInTheOriginalInput() {
        byte[] bytes = {0, 'a', 0, '\n', (byte) 0xD8, 0x00, 0, 'x', 0, '\n'};

        assertThatThrownBy(() -> read(CsvFormat.builder().charset(StandardCharsets.UTF_16BE).build(), bytes))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("test.csv line 2: the bytes 0xD8 0x00 0x00 0x78 at byte offset 4 are not valid UTF-16BE");
    }

    @Test
    void readsByteAfterByteAndClosesItsReader() throws IOException {
        boolean[] closed = {false};
        StringReader chars = new StringReader("é¦🙂") {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Utf8Transcoder in = new Utf8Transcoder(chars, '¦', '"');

        byte[] bytes = new byte[8];
        int n = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            bytes[n++] = (byte) b;
        }
        in.close();

        assertThat(Arrays.copyOf(bytes, n)).containsExactly(0xC3, 0xA9, 0xFF, 0xF0, 0x9F, 0x99, 0x82);
        assertThat(closed[0]).isTrue();
    }
}
