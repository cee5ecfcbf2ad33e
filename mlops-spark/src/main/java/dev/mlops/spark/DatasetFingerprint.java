package dev.mlops.spark;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TextColumn;
import dev.mlops.core.table.TimestampColumn;
import java.io.Serial;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of a Dataset's rows as a multiset: the same for any partitioning and any row
 * order, so that a Dataset's profile and drift report name their data by one fingerprint however
 * Spark cut it. (A {@link Fingerprint#of(Table)} hashes rows in order, and Spark's row order is
 * not stable.)
 *
 * <p>Each row is encoded as {@link Fingerprint} encodes a cell — per column in schema order a
 * byte {@code 0} for missing or {@code 1} followed by the value (numeric: the 8 bytes of
 * {@link Double#doubleToLongBits}, every NaN the canonical NaN; categorical and text: the length
 * in UTF-8 bytes (4 bytes) and those bytes; boolean: one byte; timestamp: epoch second (8 bytes)
 * and nanosecond (4 bytes)) — and hashed with SHA-256; the 256-bit hashes of all rows are added
 * modulo 2^256 (an additive multiset hash, which merges by addition across partitions). The
 * fingerprint is the SHA-256 of the string {@code "mlops-dataset-fingerprint/1"}, the schema (each
 * field's name and type name, as strings), the row count (8 bytes) and the 32-byte sum. It is a
 * data version, not a security device: an adversary who may choose rows can find collisions of an
 * additive hash far more cheaply than of SHA-256.
 *
 * <p>Cost: one SHA-256 per row (a few hundred nanoseconds for a short row) on the executors.
 * Mutable: {@link #add(Table)} and {@link #merge} accumulate; serializable, to travel from a task.
 */
final class DatasetFingerprint implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final String VERSION = "mlops-dataset-fingerprint/1";
    private static final int WORDS = 4;
    private static final int HASH_BYTES = WORDS * Long.BYTES;
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    /** The sum of the rows' hashes, modulo 2^256: four 64-bit words, most significant first. */
    private final long[] sum = new long[WORDS];
    private long rows;

    /**
     * Adds every row of a table.
     *
     * @param table rows of the Dataset
     * @return this accumulator
     */
    DatasetFingerprint add(Table table) {
        MessageDigest digest = sha256();
        ByteBuffer row = ByteBuffer.allocate(256);
        byte[] hash = new byte[HASH_BYTES];
        long[] words = new long[WORDS];
        int count = table.rowCount();
        for (int r = 0; r < count; r++) {
            row.clear();
            for (Column column : table.columns()) {
                row = cell(row, column, r);
            }
            digest.update(row.array(), 0, row.position());
            try {
                digest.digest(hash, 0, HASH_BYTES);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 writes 32 bytes", e);
            }
            for (int w = 0; w < WORDS; w++) {
                words[w] = (long) BIG_ENDIAN_LONG.get(hash, w * Long.BYTES);
            }
            add(words);
        }
        rows += count;
        return this;
    }

    /**
     * Adds the rows another accumulator holds.
     *
     * @param other rows of another part of the Dataset
     * @return this accumulator
     */
    DatasetFingerprint merge(DatasetFingerprint other) {
        add(other.sum);
        rows += other.rows;
        return this;
    }

    /** Adds a 256-bit number to the sum, modulo 2^256. */
    private void add(long[] words) {
        long carry = 0;
        for (int w = WORDS - 1; w >= 0; w--) {
            long a = sum[w];
            long total = a + words[w] + carry;
            carry = Long.compareUnsigned(total, a) < 0 || (carry == 1 && total == a) ? 1 : 0;
            sum[w] = total;
        }
    }

    /**
     * @param schema the Dataset's columns as read
     * @return the fingerprint of the rows added
     */
    Fingerprint finish(Schema schema) {
        MessageDigest digest = sha256();
        string(digest, VERSION);
        for (Field field : schema.fields()) {
            string(digest, field.name());
            string(digest, field.type().name());
        }
        ByteBuffer tail = ByteBuffer.allocate(Long.BYTES * (1 + WORDS)).putLong(rows);
        for (long word : sum) {
            tail.putLong(word);
        }
        digest.update(tail.array());
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    private static ByteBuffer cell(ByteBuffer buffer, Column column, int row) {
        if (column.isMissing(row)) {
            return room(buffer, 1).put((byte) 0);
        }
        return switch (column.type()) {
            case NUMERIC -> room(buffer, 9).put((byte) 1)
                    .putLong(Double.doubleToLongBits(((NumericColumn) column).get(row)));
            case CATEGORICAL -> text(buffer, ((CategoricalColumn) column).get(row));
            case TEXT -> text(buffer, ((TextColumn) column).get(row));
            case BOOLEAN -> room(buffer, 2).put((byte) 1).put((byte) (((BooleanColumn) column).get(row) ? 1 : 0));
            case TIMESTAMP -> room(buffer, 13).put((byte) 1).putLong(((TimestampColumn) column).epochSecond(row))
                    .putInt(((TimestampColumn) column).nano(row));
        };
    }

    private static ByteBuffer text(ByteBuffer buffer, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return room(buffer, 5 + utf8.length).put((byte) 1).putInt(utf8.length).put(utf8);
    }

    /** The buffer, or a copy with room for twice what it holds and the bytes when it lacks room for them. */
    private static ByteBuffer room(ByteBuffer buffer, int bytes) {
        if (buffer.remaining() >= bytes) {
            return buffer;
        }
        ByteBuffer larger = ByteBuffer.allocate(2 * (buffer.position() + bytes));
        return larger.put(buffer.array(), 0, buffer.position());
    }

    private static void string(MessageDigest digest, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
        digest.update(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
