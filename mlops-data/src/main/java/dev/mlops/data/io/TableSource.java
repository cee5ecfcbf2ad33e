package dev.mlops.data.io;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.MlopsException;
import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * A table that can be read in pieces of consecutive rows as often as needed, all its columns or
 * only some: what profiling and checking a table larger than memory takes
 * ({@code DatasetProfile.of(TableSource, ...)}, {@code CheckSuite.run(TableSource, CheckContext)}).
 * They read the pieces once for the statistics and the row checks, keeping one piece in memory,
 * and, when the table came in more than one piece, each column once more for its
 * {@link #fingerprint(int) fingerprint}, whose encoding hashes one whole column after another.
 * <pre>{@code
 * TableSource source = TableSource.of(format, Path.of("events.parquet"));
 * DatasetProfile profile = DatasetProfile.of(source, ProfileOptions.defaults());
 * CheckReport report = suite.run(source, CheckContext.defaults());   // reads only the suite's columns
 * }</pre>
 *
 * <p>Every opening yields the same rows in the same order. Implementations are thread-safe; the
 * {@link TableChunks} they open are not.
 */
public interface TableSource {

    /** @return the input's name in messages, such as its file */
    String name();

    /**
     * Returns the whole table's schema, every column in order, which every piece of
     * {@link #open()} has.
     *
     * @return the schema
     * @throws DataFormatException if the input is malformed
     * @throws java.io.UncheckedIOException if the input cannot be read
     */
    Schema schema();

    /**
     * Opens some columns in pieces: those of the named columns the table has, in the table's
     * order (a name it lacks is simply absent, as in {@link TableFormat#read(Path, Collection)}).
     *
     * @param columns the names of the columns to read
     * @return their pieces, to be closed after use
     * @throws DataFormatException if the input is malformed (now or while a piece is read)
     * @throws java.io.UncheckedIOException if the input cannot be read
     */
    TableChunks open(Collection<String> columns);

    /**
     * Opens every column in pieces.
     *
     * @return the pieces, to be closed after use
     * @throws DataFormatException as {@link #open(Collection)}
     * @throws java.io.UncheckedIOException if the input cannot be read
     */
    default TableChunks open() {
        return open(schema().names());
    }

    /**
     * Tells whether the pieces are read from the input each time they are opened, so that the
     * table need not fit in memory; false when the whole table is held in memory.
     *
     * @return true if the source streams its pieces
     */
    boolean streams();

    /**
     * Computes the fingerprint of the whole table, {@link Fingerprint#of(Table)} of its pieces
     * stacked, one column at a time: each column is opened alone and its pieces fed to a
     * {@link Fingerprint.Builder}, so that one piece of one column is in memory at once. A format
     * that stores columns apart (Parquet) reads each column once more; a source held in memory
     * reads nothing again.
     *
     * @param rowCount the table's number of rows, as a pass over its pieces counted them
     * @return the fingerprint
     * @throws MlopsException if a column does not have {@code rowCount} rows, which means that the
     *     input changed between two readings; the message names the input and the column
     * @throws DataFormatException if the input is malformed
     * @throws java.io.UncheckedIOException if the input cannot be read
     */
    default Fingerprint fingerprint(int rowCount) {
        Schema schema = schema();
        Fingerprint.Builder builder = Fingerprint.builder(schema, rowCount);
        try {
            for (String name : schema.names()) {
                try (TableChunks pieces = open(List.of(name))) {
                    pieces.forEachRemaining(piece -> builder.add(piece.column(0)));
                }
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MlopsException(name() + ": the input changed while it was read: " + e.getMessage(), e);
        }
    }

    /**
     * A file in a format. A format that streams (one that overrides
     * {@link TableFormat#readChunks(Path, Collection)}, as Parquet does by row group) reads the
     * file anew at each opening, only the columns asked for, its schema from
     * {@link TableFormat#readChunks(Path)} without reading a piece; any other format reads a file
     * whole (CSV, JSON Lines), so the file is read once, at the first call that needs it, and its
     * table kept as long as the source is, each opening one piece of it.
     *
     * @param format the file's format
     * @param file the file
     * @return the source
     */
    static TableSource of(TableFormat format, Path file) {
        return new FileSource(format, file);
    }

    /**
     * Pieces held in memory, such as batches a database cursor returned: each opening yields them
     * in order, the columns asked for selected.
     *
     * @param name the table's name in messages
     * @param schema the table's schema, which every piece has
     * @param pieces the pieces in row order; none for a table without rows
     * @return the source, which does not {@linkplain #streams() stream}
     * @throws IllegalArgumentException if a piece's schema differs from the schema; the message
     *     names the piece by its 0-based index
     */
    static TableSource of(String name, Schema schema, List<Table> pieces) {
        return new PiecesSource(name, schema, pieces);
    }
}
