package dev.mlops.data.io;

import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs the passes that turn an input into a {@link Table}: one pass with a given schema; with
 * inference one pass, and a second only when a column met a cell that contradicted the type it
 * had inferred (the second pass reads every column with the types the first pass settled on,
 * so the result equals inference over the whole input).
 */
final class TableAssembler {
    private TableAssembler() {
    }

    /** Opens the input afresh for each pass. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Reads a stream; when types are inferred the stream is first read into memory, so that a
     * second pass can read it again.
     */
    static Table read(InputStream in, String source, @Nullable Schema schema, ReadPass pass) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        if (schema != null) {
            InputStream unclosed = new FilterInputStream(in) {
                @Override
                public void close() {
                    // the caller owns the stream
                }
            };
            return read(() -> unclosed, source, schema, pass);
        }
        byte[] content;
        try {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return read(() -> new ByteArrayInputStream(content), source, null, pass);
    }

    /** Reads a file, opening it again for a second pass. */
    static Table read(Path file, @Nullable Schema schema, ReadPass pass) {
        Objects.requireNonNull(file, "file");
        return read(() -> Files.newInputStream(file), file.toString(), schema, pass);
    }

    private static Table read(Opener opener, String source, @Nullable Schema schema, ReadPass pass) {
        try {
            return assemble(types -> {
                try (InputStream in = opener.open()) {
                    return pass.run(in, source, types);
                }
            }, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Runs one pass of a reader over an input whose opening the caller has settled. */
    @FunctionalInterface
    private interface Pass {
        List<ColumnAccumulator> run(@Nullable Map<String, ColumnType> types) throws IOException;
    }

    private static Table assemble(Pass pass, @Nullable Schema schema) throws IOException {
        if (schema != null) {
            Map<String, ColumnType> types = new LinkedHashMap<>();
            for (Field field : schema.fields()) {
                types.put(field.name(), field.type());
            }
            Map<String, Column> byName = new HashMap<>();
            for (ColumnAccumulator accumulator : pass.run(types)) {
                byName.put(accumulator.name(), accumulator.build());
            }
            List<Column> ordered = new ArrayList<>(schema.size());
            for (Field field : schema.fields()) {
                ordered.add(byName.get(field.name()));
            }
            return Table.of(ordered);
        }
        List<ColumnAccumulator> first = pass.run(null);
        boolean contradicted = first.stream().anyMatch(ColumnAccumulator::contradicted);
        if (!contradicted) {
            return build(first);
        }
        Map<String, ColumnType> settled = new LinkedHashMap<>();
        for (ColumnAccumulator accumulator : first) {
            settled.put(accumulator.name(), accumulator.type());
        }
        return build(pass.run(settled));
    }

    private static Table build(List<ColumnAccumulator> accumulators) {
        List<Column> columns = new ArrayList<>(accumulators.size());
        for (ColumnAccumulator accumulator : accumulators) {
            columns.add(accumulator.build());
        }
        return Table.of(columns);
    }
}
