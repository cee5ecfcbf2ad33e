package dev.mlops.parquet;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet file held in memory, as a stream's bytes are read: Parquet reads its footer first, so needs to seek. Thread-safe. */
final class BytesInputFile implements InputFile {
    private final byte[] bytes;

    /** @param bytes the file's bytes, not copied */
    BytesInputFile(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long getLength() {
        return bytes.length;
    }

    @Override
    public SeekableInputStream newStream() {
        Bytes in = new Bytes(bytes);
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() {
                return in.position();
            }

            @Override
            public void seek(long position) throws EOFException {
                in.seek(position);
            }
        };
    }

    /** The bytes as a stream with a position to move. */
    private static final class Bytes extends ByteArrayInputStream {
        Bytes(byte[] bytes) {
            super(bytes);
        }

        synchronized long position() {
            return pos;
        }

        synchronized void seek(long position) throws EOFException {
            if (position < 0 || position > count) {
                throw new EOFException("cannot seek to byte " + position + " of " + count);
            }
            pos = (int) position;
        }
    }
}
