package dev.mlops.data.io;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A table read in pieces: consecutive rows of one input, in order, each piece a {@link Table} of
 * the same {@link #schema()}, so that an input larger than memory can be profiled or checked one
 * piece at a time (a Parquet file streams its row groups). Reading the pieces one after another
 * and stacking them gives the table {@link TableFormat#read(java.nio.file.Path)} reads.
 *
 * <p>Obtained from {@link TableFormat#readChunks}; use it in try-with-resources, since it may hold
 * the file open. A malformed piece fails in {@link #next()} as {@link TableFormat#read} would fail,
 * with a {@link dev.mlops.core.DataFormatException} naming the input and the place. Not
 * thread-safe: one consumer reads it.
 */
public interface TableChunks extends Iterator<Table>, Closeable {

    /** @return the schema of every piece: the input's columns, or those a projection kept, in the input's order */
    Schema schema();

    /** Releases the input; never throws a checked exception. */
    @Override
    void close();

    /**
     * A whole table as a single piece: what a format that cannot stream gives.
     *
     * @param table the table
     * @return chunks that yield the table once
     */
    static TableChunks of(Table table) {
        Objects.requireNonNull(table, "table");
        return new TableChunks() {
            private boolean taken;

            @Override
            public Schema schema() {
                return table.schema();
            }

            @Override
            public boolean hasNext() {
                return !taken;
            }

            @Override
            public Table next() {
                if (taken) {
                    throw new NoSuchElementException("the table was read");
                }
                taken = true;
                return table;
            }

            @Override
            public void close() {
                taken = true;
            }
        };
    }
}
