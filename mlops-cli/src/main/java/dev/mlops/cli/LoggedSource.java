package dev.mlops.cli;

import dev.mlops.core.table.Fingerprint;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.TableChunks;
import dev.mlops.data.io.TableFormat;
import dev.mlops.data.io.TableSource;
import java.nio.file.Path;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input file as a {@link TableSource} ({@link TableSource#of(TableFormat, Path)}) that logs at
 * debug level ({@code --verbose}) each reading: the columns it reads, each piece's rows, and the
 * rows, pieces and milliseconds of the pass (reading and what was done with the pieces); and the pass that reads each column once more for the
 * fingerprint, in one line. Thread-safe as the source it wraps; each opening's pieces
 * are read by one thread.
 */
final class LoggedSource implements TableSource {
    private final TableSource source;
    private final String spec;

    private LoggedSource(TableSource source, String spec) {
        this.source = source;
        this.spec = spec;
    }

    /**
     * @param format the file's format
     * @param file the file
     * @return the file as a source whose readings are logged
     */
    static LoggedSource of(TableFormat format, Path file) {
        return new LoggedSource(TableSource.of(format, file), format.spec().toString());
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public Schema schema() {
        return source.schema();
    }

    @Override
    public boolean streams() {
        return source.streams();
    }

    /** Hashes the columns one at a time as the wrapped source does, logging the pass once rather than each piece. */
    @Override
    public Fingerprint fingerprint(int rowCount) {
        Logger log = LoggerFactory.getLogger(LoggedSource.class);
        long start = System.nanoTime();
        Fingerprint fingerprint = source.fingerprint(rowCount);
        log.debug("fingerprint of {}: read its {} columns one at a time in {} ms", source.name(), schema().size(),
                (System.nanoTime() - start) / 1_000_000);
        return fingerprint;
    }

    @Override
    public TableChunks open(Collection<String> columns) {
        // looked up here, not in a static field: --verbose sets the log level before the first logger exists
        Logger log = LoggerFactory.getLogger(LoggedSource.class);
        long start = System.nanoTime();
        TableChunks pieces = source.open(columns);
        log.debug("reading {} as {} ({}): {} of its columns", source.name(), spec,
                source.streams() ? "in pieces" : "whole", pieces.schema().size());
        return new TableChunks() {
            private int count;
            private long rows;

            @Override
            public Schema schema() {
                return pieces.schema();
            }

            @Override
            public boolean hasNext() {
                return pieces.hasNext();
            }

            @Override
            public Table next() {
                Table piece = pieces.next();
                count++;
                rows += piece.rowCount();
                log.debug("piece {} of {}: {} rows ({} so far)", count, source.name(), piece.rowCount(), rows);
                return piece;
            }

            @Override
            public void close() {
                pieces.close();
                log.debug("passed over {} rows of {} columns in {} pieces of {} in {} ms (reading and work)", rows,
                        pieces.schema().size(), count, source.name(), (System.nanoTime() - start) / 1_000_000);
            }
        };
    }
}
