package dev.mlops.data.io;

import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/** Pieces held in memory as a {@link TableSource}: see {@link TableSource#of(String, Schema, List)}. Immutable. */
final class PiecesSource implements TableSource {
    private final String name;
    private final Schema schema;
    private final List<Table> pieces;

    PiecesSource(String name, Schema schema, List<Table> pieces) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.pieces = List.copyOf(pieces);
        for (int i = 0; i < this.pieces.size(); i++) {
            if (!this.pieces.get(i).schema().equals(schema)) {
                throw new IllegalArgumentException(name + ": piece " + i + " has the schema "
                        + this.pieces.get(i).schema() + " but the table has " + schema);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public TableChunks open(Collection<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        String[] kept = schema.names().stream().filter(wanted::contains).toArray(String[]::new);
        Schema projected = Schema.of(schema.fields().stream().filter(field -> wanted.contains(field.name())).toList());
        Iterator<Table> next = pieces.iterator();
        return new TableChunks() {
            private boolean closed;

            @Override
            public Schema schema() {
                return projected;
            }

            @Override
            public boolean hasNext() {
                return !closed && next.hasNext();
            }

            @Override
            public Table next() {
                if (!hasNext()) {
                    throw new NoSuchElementException(name + ": every piece was read");
                }
                return next.next().select(kept);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public boolean streams() {
        return false;
    }

    @Override
    public String toString() {
        return "TableSource[" + name + ", " + pieces.size() + " pieces in memory]";
    }
}
