package dev.mlops.testkit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that remembers whether it was closed, to check that code which only borrows a
 * stream leaves closing it to the stream's owner. Not thread-safe.
 */
final class CloseRecordingOutputStream extends FilterOutputStream {
    private boolean closed;

    /**
     * Wraps a stream.
     *
     * @param out the stream to write to
     */
    CloseRecordingOutputStream(OutputStream out) {
        super(out);
    }

    /** @return true if {@link #close()} was called */
    boolean closed() {
        return closed;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }
}
