package dev.mlops.data.io;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file in a {@link TableFormat} as a {@link TableSource}: see {@link TableSource#of(TableFormat, Path)}.
 * Thread-safe: the schema, and the table of a format that reads files whole, are read once under the
 * instance's lock.
 */
final class FileSource implements TableSource {
    private final TableFormat format;
    private final Path file;
    private final boolean streams;
    private @Nullable Schema schema;
    /** The file read whole, for a format that does not stream. */
    private @Nullable TableSource whole;

    FileSource(TableFormat format, Path file) {
        this.format = Objects.requireNonNull(format, "format");
        this.file = Objects.requireNonNull(file, "file");
        this.streams = streams(format);
    }

    /** @return true if the format overrides {@link TableFormat#readChunks(Path, Collection)}, whose default reads the file whole */
    static boolean streams(TableFormat format) {
        try {
            return format.getClass().getMethod("readChunks", Path.class, Collection.class).getDeclaringClass()
                    != TableFormat.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("every TableFormat has readChunks(Path, Collection)", e);
        }
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public synchronized Schema schema() {
        if (schema == null) {
            if (streams) {
                try (TableChunks pieces = format.readChunks(file)) {
                    schema = pieces.schema();
                }
            } else {
                schema = whole().schema();
            }
        }
        return schema;
    }

    @Override
    public TableChunks open(Collection<String> columns) {
        Objects.requireNonNull(columns, "columns");
        if (streams) {
            return format.readChunks(file, columns);
        }
        return whole().open(columns);
    }

    private synchronized TableSource whole() {
        if (whole == null) {
            Table table = format.read(file);
            whole = new PiecesSource(name(), table.schema(), List.of(table));
        }
        return whole;
    }

    @Override
    public boolean streams() {
        return streams;
    }

    @Override
    public String toString() {
        return "TableSource[" + file + " as " + format.type() + (streams ? ", streamed" : ", read whole") + "]";
    }
}
