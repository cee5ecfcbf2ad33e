package dev.mlops.data.io;

import dev.mlops.core.table.Table;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A format that streams, as Parquet does by row group: CSV, read in pieces of a given number of
 * rows. It records the columns of each reading, so that a test sees what was read.
 */
public final class PiecesFormat implements TableFormat {
    private final int rows;
    private final List<List<String>> readings = Collections.synchronizedList(new ArrayList<>());

    /** @param rows the rows of each piece but the last */
    public PiecesFormat(int rows) {
        this.rows = rows;
    }

    /** @return the columns of each reading, in order: every column for a whole read */
    public List<List<String>> readings() {
        return List.copyOf(readings);
    }

    @Override
    public String type() {
        return "pieces";
    }

    /** @param rows the rows of each piece but the last */
    public record Settings(int rows) {
    }

    @Override
    public Settings settings() {
        return new Settings(rows);
    }

    @Override
    public Table read(InputStream in, String source) {
        Table table = CsvFormat.defaults().read(in, source);
        readings.add(table.schema().names());
        return table;
    }

    @Override
    public TableChunks readChunks(Path file, Collection<String> columns) {
        Table table = read(file, columns);
        readings.set(readings.size() - 1, table.schema().names());
        Iterator<Table> pieces = Pieces.every(table, rows).iterator();
        return new TableChunks() {
            @Override
            public dev.mlops.core.table.Schema schema() {
                return table.schema();
            }

            @Override
            public boolean hasNext() {
                return pieces.hasNext();
            }

            @Override
            public Table next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pieces.next();
            }

            @Override
            public void close() {
                // nothing is held open
            }
        };
    }

    @Override
    public void write(Table table, OutputStream out) {
        CsvFormat.defaults().write(table, out);
    }
}
