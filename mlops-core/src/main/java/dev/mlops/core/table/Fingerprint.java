package dev.mlops.core.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * A content hash of a {@link Table}, its schema and every cell: the data version that splits,
 * profiles, runs and registry versions record.
 *
 * <p>The hash is SHA-256 over this canonical encoding, in which every integer is big-endian and
 * every string is its length in UTF-8 bytes (a 4-byte integer) followed by those bytes:
 * <ol>
 *   <li>the string {@code "mlops-table-fingerprint/1"};</li>
 *   <li>the number of columns (4 bytes) and the number of rows (4 bytes);</li>
 *   <li>for each field in schema order: its name, then its type's name ({@code "NUMERIC"},
 *       {@code "CATEGORICAL"}, {@code "BOOLEAN"}, {@code "TIMESTAMP"} or {@code "TEXT"});</li>
 *   <li>for each column in schema order, for each row in row order: one byte, {@code 0} for a
 *       missing value or {@code 1} for a present one, and after a present one its value:
 *       <ul>
 *         <li>numeric: the 8 bytes of {@link Double#doubleToLongBits} (every NaN becomes the one
 *             canonical NaN; {@code -0.0} and {@code 0.0} differ, as in {@link Table#equals});</li>
 *         <li>categorical: the level as a string (so the dictionary's order does not matter);</li>
 *         <li>boolean: one byte, {@code 1} for true and {@code 0} for false;</li>
 *         <li>timestamp: the epoch second (8 bytes) and the nanosecond of the second (4 bytes);</li>
 *         <li>text: the string.</li>
 *       </ul>
 *   </li>
 * </ol>
 *
 * <p>So equal tables ({@link Table#equals}) have equal fingerprints, whether or not either is a
 * view, and a changed cell, column name, column type or row order changes the fingerprint. The
 * encoding is part of this library's compatibility promise: a new encoding gets a new version
 * string. {@code src/test/resources/fingerprint_oracle.py} implements it independently.
 *
 * @param sha256 the SHA-256 of the encoding as 64 lowercase hexadecimal digits
 */
public record Fingerprint(String sha256) {
    private static final String VERSION = "mlops-table-fingerprint/1";
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int NUMERIC_CELL_BYTES = 1 + Long.BYTES;
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Validates the digest's form.
     *
     * @param sha256 the SHA-256 of the encoding as 64 lowercase hexadecimal digits
     * @throws IllegalArgumentException if {@code sha256} is not 64 lowercase hexadecimal digits
     */
    public Fingerprint {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hexadecimal digits but was '" + sha256 + "'");
        }
    }

    /**
     * Computes a table's fingerprint in one pass over its cells, column by column.
     *
     * @param table the table
     * @return its fingerprint
     */
    public static Fingerprint of(Table table) {
        Objects.requireNonNull(table, "table");
        Encoder encoder = new Encoder();
        encoder.string(VERSION);
        encoder.putInt(table.columnCount());
        encoder.putInt(table.rowCount());
        for (Field field : table.schema().fields()) {
            encoder.string(field.name());
            encoder.string(field.type().name());
        }
        int rows = table.rowCount();
        for (Column column : table.columns()) {
            switch (column.type()) {
                case NUMERIC -> numeric((NumericColumn) column, rows, encoder);
                case CATEGORICAL -> categorical((CategoricalColumn) column, rows, encoder);
                case BOOLEAN -> bool((BooleanColumn) column, rows, encoder);
                case TIMESTAMP -> timestamp((TimestampColumn) column, rows, encoder);
                case TEXT -> text((TextColumn) column, rows, encoder);
            }
        }
        return new Fingerprint(encoder.finish());
    }

    /** @return the 64 hexadecimal digits */
    @Override
    public String toString() {
        return sha256;
    }

    /**
     * The numeric cells straight into the buffer's array: the hot path of a fingerprint, the same
     * bytes as {@link Encoder#marker} followed by {@link Encoder#putLong}.
     */
    private static void numeric(NumericColumn column, int rows, Encoder encoder) {
        boolean anyMissing = column.missingCount() > 0;
        byte[] bytes = encoder.buffer.array();
        int row = 0;
        while (row < rows) {
            encoder.room(NUMERIC_CELL_BYTES);
            int position = encoder.buffer.position();
            int end = Math.min(rows, row + (BUFFER_BYTES - position) / NUMERIC_CELL_BYTES);
            for (; row < end; row++) {
                if (anyMissing && column.isMissing(row)) {
                    bytes[position++] = 0;
                } else {
                    bytes[position] = 1;
                    BIG_ENDIAN_LONG.set(bytes, position + 1, Double.doubleToLongBits(column.get(row)));
                    position += NUMERIC_CELL_BYTES;
                }
            }
            encoder.buffer.position(position);
        }
    }

    private static void categorical(CategoricalColumn column, int rows, Encoder encoder) {
        List<String> levels = column.levels();
        byte[][] encoded = new byte[levels.size()][];
        for (int row = 0; row < rows; row++) {
            int code = column.code(row);
            if (encoder.marker(code == CategoricalColumn.MISSING_CODE)) {
                byte[] bytes = encoded[code];
                if (bytes == null) {
                    bytes = levels.get(code).getBytes(StandardCharsets.UTF_8);
                    encoded[code] = bytes;
                }
                encoder.bytes(bytes);
            }
        }
    }

    private static void bool(BooleanColumn column, int rows, Encoder encoder) {
        for (int row = 0; row < rows; row++) {
            if (encoder.marker(column.isMissing(row))) {
                encoder.putByte(column.get(row) ? 1 : 0);
            }
        }
    }

    private static void timestamp(TimestampColumn column, int rows, Encoder encoder) {
        for (int row = 0; row < rows; row++) {
            if (encoder.marker(column.isMissing(row))) {
                encoder.putLong(column.epochSecond(row));
                encoder.putInt(column.nano(row));
            }
        }
    }

    private static void text(TextColumn column, int rows, Encoder encoder) {
        for (int row = 0; row < rows; row++) {
            if (encoder.marker(column.isMissing(row))) {
                encoder.string(column.get(row));
            }
        }
    }

    /** Buffers the encoding and feeds it to the digest in large blocks. */
    private static final class Encoder {
        private final MessageDigest digest;
        final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

        Encoder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform must provide SHA-256", e);
            }
        }

        /** Writes the missing marker and tells whether a value follows. */
        boolean marker(boolean missing) {
            putByte(missing ? 0 : 1);
            return !missing;
        }

        void putByte(int value) {
            room(1);
            buffer.put((byte) value);
        }

        void putInt(int value) {
            room(Integer.BYTES);
            buffer.putInt(value);
        }

        void putLong(long value) {
            room(Long.BYTES);
            buffer.putLong(value);
        }

        void string(String value) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] utf8) {
            putInt(utf8.length);
            if (utf8.length > buffer.remaining()) {
                flush();
                digest.update(utf8);
            } else {
                buffer.put(utf8);
            }
        }

        void room(int bytes) {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() {
            digest.update(buffer.array(), 0, buffer.position());
            buffer.clear();
        }

        String finish() {
            flush();
            byte[] hash = digest.digest();
            char[] hex = new char[hash.length * 2];
            for (int i = 0; i < hash.length; i++) {
                hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[hash[i] & 0xf];
            }
            return new String(hex);
        }
    }
}
