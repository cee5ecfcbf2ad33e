package dev.mlops.data.io;

import dev.mlops.core.component.Component;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * A file format that reads and writes {@link Table}s, such as {@link CsvFormat} and
 * {@link JsonLinesFormat}.
 *
 * <p>The contract, which {@code dev.mlops.testkit.TableFormatContract} checks for any
 * implementation: reading what {@link #write} wrote, with the table's schema, gives an equal
 * table (values, missing values, NaN and infinities, non-ASCII text); a malformed input fails
 * with a {@link dev.mlops.core.DataFormatException} naming the input, the physical line and,
 * for a bad value, the column; nothing depends on the default locale, time zone or charset.
 * Implementations are immutable and thread-safe.
 *
 * <p>A format is a {@link Component}: its type name and settings rebuild it through a
 * {@link dev.mlops.core.component.ComponentRegistry}, so
 * {@code ComponentRegistry.defaults().create(TableFormat.class, "csv(delimiter=\";\")")} is the
 * same format as {@code CsvFormat.builder().delimiter(';').build()}. A user's format registers
 * its own {@link dev.mlops.core.component.ComponentType} and reuses the readers' type inference
 * through {@link TableBuilder}.
 */
public interface TableFormat extends Component {

    /**
     * Reads a table from a stream, which is read to its end but not closed.
     *
     * @param in the input
     * @param source the input's name, used in error messages (a file name, "stdin")
     * @return the table
     * @throws dev.mlops.core.DataFormatException if the input is malformed or a value does not
     *     fit its column's type
     * @throws UncheckedIOException if the stream cannot be read
     */
    Table read(InputStream in, String source);

    /**
     * Reads a table from a file, uncompressed on the fly if its bytes are compressed
     * ({@link Compression#open(Path)}: gzip, zstd, bzip2 or xz, recognised by their magic number).
     *
     * @param file the file
     * @return the table
     * @throws dev.mlops.core.DataFormatException if the file is malformed or a value does not
     *     fit its column's type
     * @throws UncheckedIOException if the file cannot be read
     */
    default Table read(Path file) {
        try (InputStream in = Compression.open(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads only some columns of a file: those of the named columns the file has, in the file's
     * order (a name the file lacks is simply absent, so that a schema check can report it). A
     * format that stores columns apart, such as Parquet, reads nothing else from the file; this
     * default reads the whole file with {@link #read(Path)} and keeps the named columns.
     *
     * @param file the file
     * @param columns the names of the columns to read
     * @return the table of those columns
     * @throws dev.mlops.core.DataFormatException if the file is malformed or a value does not
     *     fit its column's type
     * @throws UncheckedIOException if the file cannot be read
     */
    default Table read(Path file, Collection<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        Table all = read(file);
        return all.select(all.schema().fields().stream().map(Field::name)
                .filter(wanted::contains).toArray(String[]::new));
    }

    /**
     * Reads a file in pieces of consecutive rows, so that a file larger than memory can be profiled
     * and checked one piece at a time. A format that streams, such as Parquet by row group,
     * overrides this; the default reads the whole file with {@link #read(Path)} as one piece.
     *
     * @param file the file
     * @return its pieces, to be closed after use
     * @throws dev.mlops.core.DataFormatException if the file is malformed (now or while a piece is read)
     * @throws UncheckedIOException if the file cannot be read
     */
    default TableChunks readChunks(Path file) {
        return TableChunks.of(read(file));
    }

    /**
     * Reads some columns of a file in pieces of consecutive rows: {@link #readChunks(Path)} with the
     * projection of {@link #read(Path, Collection)}. The default reads them with
     * {@link #read(Path, Collection)} as one piece.
     *
     * @param file the file
     * @param columns the names of the columns to read
     * @return the pieces of those columns, to be closed after use
     * @throws dev.mlops.core.DataFormatException if the file is malformed (now or while a piece is read)
     * @throws UncheckedIOException if the file cannot be read
     */
    default TableChunks readChunks(Path file, Collection<String> columns) {
        return TableChunks.of(read(file, columns));
    }

    /**
     * Reads a file as a batch to be checked against what is expected of it (a check suite's
     * schema): each column the expected schema names is read as its type, and a row with a cell
     * that does not fit ({@code abc} in a numeric column) is left out of the table and named by a
     * {@link CellProblem}, while every other row is read as usual. Columns the schema does not
     * name are read with inferred types, and columns it names that the input lacks are simply
     * absent, so that the suite's schema check can report both. Each row's line and bytes are
     * kept when the format knows them, so that reports name lines and a quarantine copies the
     * original text.
     *
     * <p>This default reads the file with {@link #read(Path)}, as the format was built (types
     * are not enforced while reading, so a bad cell shows as a type mismatch of the schema check),
     * and knows no origins; {@link CsvFormat} and {@link JsonLinesFormat} override it.
     *
     * @param file the file
     * @param expected the columns whose types are expected
     * @return the rows that parsed, their origins if known, and the cells that did not fit
     * @throws dev.mlops.core.DataFormatException if the file is malformed (a bad quote, a row of
     *     the wrong width, an undecodable byte), which no row-level finding can describe
     * @throws UncheckedIOException if the file cannot be read
     */
    default Batch readBatch(Path file, Schema expected) {
        Objects.requireNonNull(expected, "expected");
        return Batch.of(read(file));
    }

    /**
     * Writes a table to a stream, which is flushed but not closed.
     *
     * @param table the table
     * @param out the output
     * @throws UncheckedIOException if the stream cannot be written
     */
    void write(Table table, OutputStream out);

    /**
     * Writes a table to a file atomically: the file holds either its old content or the whole
     * new table, never a part of it. A file named as compressed ({@code rows.csv.gz},
     * {@code rows.jsonl.zst}; {@link Compression#forName(Path)}) is written compressed so.
     *
     * @param table the table
     * @param file the file, replaced if it exists; missing parent directories are created
     * @throws UncheckedIOException if the file cannot be written
     */
    default void write(Table table, Path file) {
        Compression.forName(file).write(file, out -> write(table, out));
    }
}
