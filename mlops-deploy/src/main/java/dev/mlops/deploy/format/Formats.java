package dev.mlops.deploy.format;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The stream handling the built-in formats share. */
final class Formats {
    private Formats() {
    }

    /**
     * Writes a container to a stream and flushes it, leaving it open.
     *
     * @param container the container
     * @param out the output
     * @throws UncheckedIOException if the stream cannot be written
     */
    static void write(Container container, OutputStream out) {
        try {
            out.write(container.toBytes());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a stream to its end, leaving it open.
     *
     * @param in the input
     * @return its bytes
     * @throws UncheckedIOException if the stream cannot be read
     */
    static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param message a protobuf message
     * @return its bytes, with maps in a fixed order, so that equal messages give equal bytes
     */
    static byte[] protobuf(MessageLite message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CodedOutputStream coded = CodedOutputStream.newInstance(bytes);
            coded.useDeterministicSerialization();
            message.writeTo(coded);
            coded.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
