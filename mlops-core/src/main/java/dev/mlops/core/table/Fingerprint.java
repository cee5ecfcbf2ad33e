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
        Builder builder = builder(table.schema(), table.rowCount());
        table.columns().forEach(builder::add);
        return builder.build();
    }

    /**
     * Starts the fingerprint of a table that is not held whole: the same digest as
     * {@link #of(Table)} of the table, fed one column after another, each column's cells in
     * pieces of consecutive rows. The encoding hashes the row count before any cell and every
     * cell of a column before the next column's, so the row count comes first and a table read
     * in pieces of rows is fed one column at a time (a columnar format reads one column in
     * pieces, keeping one piece in memory):
     * <pre>{@code
     * Fingerprint.Builder builder = Fingerprint.builder(schema, rows);
     * for (String name : schema.names()) {
     *     try (TableChunks pieces = format.readChunks(file, List.of(name))) {
     *         pieces.forEachRemaining(piece -> builder.add(piece.column(0)));
     *     }
     * }
     * Fingerprint fingerprint = builder.build();   // equals Fingerprint.of(format.read(file))
     * }</pre>
     *
     * @param schema the table's schema: its fields' names, types and order
     * @param rowCount the table's number of rows
     * @return the builder
     * @throws IllegalArgumentException if {@code rowCount} is negative
     */
    public static Builder builder(Schema schema, int rowCount) {
        return new Builder(schema, rowCount);
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

    /**
     * Feeds a table's cells to its fingerprint column by column, each column in pieces of
     * consecutive rows (see {@link Fingerprint#builder}). Each piece continues the column being fed
     * until that column has the table's row count of cells; the next piece then starts the next
     * column of the schema. Not thread-safe; one fingerprint per builder.
     */
    public static final class Builder {
        private final Schema schema;
        private final int rowCount;
        private final Encoder encoder = new Encoder();
        private int field;
        private int cells;
        private boolean built;

        private Builder(Schema schema, int rowCount) {
            Objects.requireNonNull(schema, "schema");
            if (rowCount < 0) {
                throw new IllegalArgumentException("rowCount must not be negative but was " + rowCount);
            }
            this.schema = schema;
            this.rowCount = rowCount;
            encoder.string(VERSION);
            encoder.putInt(schema.size());
            encoder.putInt(rowCount);
            for (Field f : schema.fields()) {
                encoder.string(f.name());
                encoder.string(f.type().name());
            }
        }

        /**
         * Feeds the next cells of the column being fed, or, once it has every row, the first cells
         * of the next column.
         *
         * @param piece consecutive cells of that column: its name and type are the field's
         * @return this builder
         * @throws IllegalArgumentException if the piece's name or type is not the field's, or it has
         *     more cells than the column lacks; nothing of it is fed then
         * @throws IllegalStateException if the fingerprint was built
         */
        public Builder add(Column piece) {
            Objects.requireNonNull(piece, "piece");
            if (built) {
                throw new IllegalStateException("the fingerprint was built; start another builder");
            }
            // a column with every row is done: the piece starts the next (with no rows, a later) column
            while (cells == rowCount && field < schema.size() && !piece.name().equals(schema.field(field).name())) {
                field++;
                cells = 0;
            }
            if (field >= schema.size()) {
                throw new IllegalArgumentException("column '" + piece.name() + "' comes after every column of the schema "
                        + schema.names() + " has its " + rowCount + " rows");
            }
            Field expected = schema.field(field);
            if (!piece.name().equals(expected.name()) || piece.type() != expected.type()) {
                throw new IllegalArgumentException("expected cells of column '" + expected.name() + "' (" + (field + 1)
                        + ", " + expected.type() + "), which has " + cells + " of its " + rowCount + " rows, but got '"
                        + piece.name() + "' (" + piece.type() + ")");
            }
            int rows = piece.size();
            if (rows > rowCount - cells) {
                throw new IllegalArgumentException("column '" + expected.name() + "' (" + (field + 1) + ") has " + cells
                        + " of its " + rowCount + " rows; a piece of " + rows + " more is too many");
            }
            switch (piece.type()) {
                case NUMERIC -> numeric((NumericColumn) piece, rows, encoder);
                case CATEGORICAL -> categorical((CategoricalColumn) piece, rows, encoder);
                case BOOLEAN -> bool((BooleanColumn) piece, rows, encoder);
                case TIMESTAMP -> timestamp((TimestampColumn) piece, rows, encoder);
                case TEXT -> text((TextColumn) piece, rows, encoder);
            }
            cells += rows;
            return this;
        }

        /**
         * @return the fingerprint of the table whose cells were fed
         * @throws IllegalStateException if a column lacks cells (naming it and how many it has), or
         *     the fingerprint was built
         */
        public Fingerprint build() {
            if (built) {
                throw new IllegalStateException("the fingerprint was built; start another builder");
            }
            if (rowCount > 0 && (field < schema.size() - 1 || (field == schema.size() - 1 && cells < rowCount))) {
                throw new IllegalStateException("column '" + schema.field(field).name() + "' (" + (field + 1) + " of "
                        + schema.size() + ") has " + cells + " of its " + rowCount + " rows"
                        + (field < schema.size() - 1 ? " and the columns after it none" : ""));
            }
            built = true;
            return new Fingerprint(encoder.finish());
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
