package dev.mlops.data.io;

import dev.mlops.core.table.ColumnType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One pass over an input that feeds every cell to the column accumulators it creates. */
@FunctionalInterface
interface ReadPass {

    /**
     * Reads the input once.
     *
     * @param in the input, positioned at its start; the pass does not close it
     * @param source the input's name, for errors
     * @param types the type of each column by name, or null to infer every column's type
     * @return one accumulator per column, in the order the input names them
     */
    List<ColumnAccumulator> run(InputStream in, String source, @Nullable Map<String, ColumnType> types) throws IOException;
}
