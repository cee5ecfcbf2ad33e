package dev.mlops.testkit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that remembers whether it was closed, to check that code which only borrows a
 * stream leaves closing it to the stream's owner. Not thread-safe.
 */
final class CloseRecordingInputStream extends FilterInputStream {
    private boolean closed;

    /**
     * Wraps a stream.
     *
     * @param in the stream to read from
     */
    CloseRecordingInputStream(InputStream in) {
        super(in);
    }

    /** @return true if {@link #close()} was called */
    boolean closed() {
        return closed;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }
}
