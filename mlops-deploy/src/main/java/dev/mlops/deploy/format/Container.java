package dev.mlops.deploy.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The self-describing layout the built-in formats and saved model files write: named parts under
 * a kind, closed by a checksum, so that truncated, altered and foreign bytes are refused before
 * any part is parsed. All numbers are big-endian:
 *
 * <pre>
 * magic    8 bytes   0x89 'M' 'L' 'O' 'P' 'S' 0x0D 0x0A
 * version  u16       the layout version, 1
 * kind     u16 + UTF-8 what the parts are: a format's type ("tribuo", "onnx") or "model-file"
 * count    u16       the number of parts
 * part     u16 + UTF-8 name, u32 length, that many bytes   (count times, in the writer's order)
 * sha256   32 bytes  SHA-256 of every byte before it
 * </pre>
 *
 * The same kind and parts give the same bytes.
 *
 * @param kind what the parts are
 * @param parts the parts by name, in their order
 */
record Container(String kind, Map<String, byte[]> parts) {
    /** The layout version this class writes and reads. */
    static final int VERSION = 1;
    private static final byte[] MAGIC = {(byte) 0x89, 'M', 'L', 'O', 'P', 'S', 0x0D, 0x0A};
    private static final int DIGEST_LENGTH = 32;

    /**
     * Copies the parts.
     *
     * @param kind what the parts are
     * @param parts the parts by name, in their order
     */
    Container {
        Objects.requireNonNull(kind, "kind");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        parts.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        parts = Collections.unmodifiableMap(copy);
    }

    /**
     * @param bytes the bytes of a file or stream
     * @return true if they start as a container does
     */
    static boolean startsAsContainer(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** @return the container's bytes */
    byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            writeText(out, kind);
            out.writeShort(parts.size());
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                writeText(out, part.getKey());
                out.writeInt(part.getValue().length);
                out.write(part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = buffer.toByteArray();
        byte[] all = Arrays.copyOf(body, body.length + DIGEST_LENGTH);
        System.arraycopy(sha256(body), 0, all, body.length, DIGEST_LENGTH);
        return all;
    }

    /**
     * Reads a container.
     *
     * @param bytes the bytes
     * @param source their name for error messages
     * @return the container
     * @throws ModelFormatException if the bytes are not a whole container, naming the source
     */
    static Container read(byte[] bytes, String source) {
        if (!startsAsContainer(bytes)) {
            throw new ModelFormatException(source, "not a model written by mlops: it does not start with the model"
                    + " header (0x89 'MLOPS' CR LF) but with " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0,
                    Math.min(bytes.length, MAGIC.length)) + (bytes.length < MAGIC.length ? " (" + bytes.length
                    + " bytes in all)" : ""));
        }
        if (bytes.length < MAGIC.length + 2 + DIGEST_LENGTH) {
            throw new ModelFormatException(source, "truncated: " + bytes.length + " bytes, fewer than the smallest"
                    + " model");
        }
        int end = bytes.length - DIGEST_LENGTH;
        byte[] digest = sha256(Arrays.copyOf(bytes, end));
        if (!Arrays.equals(digest, 0, DIGEST_LENGTH, bytes, end, bytes.length)) {
            throw new ModelFormatException(source, "truncated or altered: the SHA-256 of its " + end
                    + " bytes does not match the checksum it ends with");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, end))) {
            in.skipNBytes(MAGIC.length);
            int version = in.readUnsignedShort();
            if (version != VERSION) {
                throw new ModelFormatException(source, "written in model layout version " + version
                        + "; this library reads version " + VERSION);
            }
            String kind = readText(in);
            int count = in.readUnsignedShort();
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (int part = 0; part < count; part++) {
                String name = readText(in);
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new ModelFormatException(source, "part '" + name + "' claims " + Integer.toUnsignedString(
                            length) + " bytes but " + in.available() + " are left");
                }
                parts.put(name, in.readNBytes(length));
            }
            if (in.available() > 0) {
                throw new ModelFormatException(source, in.available() + " bytes follow the last part");
            }
            return new Container(kind, parts);
        } catch (IOException e) {
            throw new ModelFormatException(source, "its parts end early: " + e, e);
        }
    }

    /**
     * @param expected the kind the reader reads
     * @param source the input's name for error messages
     * @return this container
     * @throws ModelFormatException if the container is of another kind, naming both
     */
    Container requireKind(String expected, String source) {
        if (!kind.equals(expected)) {
            throw new ModelFormatException(source, "written as '" + kind + "', not '" + expected + "'");
        }
        return this;
    }

    /**
     * @param name a part's name
     * @param source the input's name for error messages
     * @return the part's bytes
     * @throws ModelFormatException if there is no such part, naming the parts there are
     */
    byte[] part(String name, String source) {
        byte[] bytes = parts.get(name);
        if (bytes == null) {
            throw new ModelFormatException(source, "has no part '" + name + "'; its parts are " + parts.keySet());
        }
        return bytes.clone();
    }

    /**
     * @param name a part's name
     * @param source the input's name for error messages
     * @return the part as UTF-8 text
     * @throws ModelFormatException if there is no such part
     */
    String text(String name, String source) {
        return new String(part(name, source), StandardCharsets.UTF_8);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
