package dev.mlops.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;

/** The adapters between Parquet's files and a caller's bytes or stream. */
class IoAdaptersTest {

    @Test
    void bytesSeekWithinThemAndTellTheirPosition() throws IOException {
        BytesInputFile file = new BytesInputFile(new byte[] {10, 11, 12, 13});
        assertThat(file.getLength()).isEqualTo(4);

        try (SeekableInputStream in = file.newStream()) {
            assertThat(in.getPos()).isZero();
            in.seek(2);
            assertThat(in.getPos()).isEqualTo(2);
            assertThat(in.read()).isEqualTo(12);
            assertThat(in.getPos()).isEqualTo(3);
            in.seek(4);
            assertThat(in.read()).isEqualTo(-1);
            in.seek(0);
            assertThat(in.read()).isEqualTo(10);
            assertThatThrownBy(() -> in.seek(5)).isInstanceOf(EOFException.class)
                    .hasMessage("cannot seek to byte 5 of 4");
            assertThatThrownBy(() -> in.seek(-1)).isInstanceOf(EOFException.class)
                    .hasMessage("cannot seek to byte -1 of 4");
        }
    }

    @Test
    void aStreamOutputCountsEveryByteAndClosingFlushesWithoutClosing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean[] flushedAndClosed = {false, false};
        OutputStream caller = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void flush() {
                flushedAndClosed[0] = true;
            }

            @Override
            public void close() {
                flushedAndClosed[1] = true;
            }
        };
        StreamOutputFile file = new StreamOutputFile(caller);
        assertThat(file.supportsBlockSize()).isFalse();
        assertThat(file.defaultBlockSize()).isZero();

        PositionOutputStream out = file.createOrOverwrite(0);
        out.write(1);
        out.write(new byte[] {2, 3});
        out.write(new byte[] {4, 5, 6}, 1, 2);
        assertThat(out.getPos()).isEqualTo(5);
        assertThat(flushedAndClosed[0]).isFalse();
        out.close();

        assertThat(bytes.toByteArray()).containsExactly(1, 2, 3, 5, 6);
        assertThat(flushedAndClosed[0]).as("flushed").isTrue();
        assertThat(flushedAndClosed[1]).as("closed").isFalse();
    }
}
