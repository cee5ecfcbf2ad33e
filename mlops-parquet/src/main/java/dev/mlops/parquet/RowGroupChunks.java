package dev.mlops.parquet;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.Schema;
import dev.mlops.core.table.Table;
import dev.mlops.data.io.TableChunks;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.parquet.column.ColumnReadStore;
import org.jspecify.annotations.Nullable;

/**
 * A Parquet file's row groups as {@link TableChunks}: each {@link #next()} reads one row group's
 * pages of the planned columns and decodes them into a table, so that only the current row
 * group is held in memory. Also assembles a whole file into one table ({@link #readAll}). A large
 * row group's columns are decoded in parallel. Not thread-safe; closing releases the file.
 */
final class RowGroupChunks implements TableChunks {
    /** The values of a row group from which its columns are decoded in parallel. */
    private static final long PARALLEL_VALUES = 1L << 17;

    private final OpenFile file;
    private final ReadPlan plan;

    /**
     * @param file the open file, whose requested columns the plan's are
     * @param plan what to read
     */
    RowGroupChunks(OpenFile file, ReadPlan plan) {
        this.file = file;
        this.plan = plan;
        file.request(plan.requested());
    }

    @Override
    public Schema schema() {
        return plan.schema();
    }

    @Override
    public boolean hasNext() {
        return file.hasNext();
    }

    @Override
    public Table next() {
        // the row group's pages are read here, not by hasNext(): a caller still holding the previous piece when it
        // asks (DatasetProfile does) would otherwise hold two row groups at once
        OpenFile.RowGroup group = file.next();
        if (group == null) {
            throw new NoSuchElementException("every row group of " + file.source() + " was read");
        }
        List<ColumnDecoder> decoders = decoders(group.rows());
        decode(group, decoders);
        return table(decoders);
    }

    /**
     * Reads every remaining row group into one table.
     *
     * @return the table
     * @throws DataFormatException if the file has more rows than a table holds, or a row group
     *     cannot be read
     */
    Table readAll() {
        List<ColumnDecoder> decoders = decoders(file.rowCount());
        for (OpenFile.RowGroup group = file.next(); group != null; group = file.next()) {
            decode(group, decoders);
        }
        return table(decoders);
    }

    private List<ColumnDecoder> decoders(int rows) {
        List<ColumnDecoder> decoders = new ArrayList<>(plan.columns().size());
        for (int i = 0; i < plan.columns().size(); i++) {
            decoders.add(ColumnDecoder.of(plan.columns().get(i), plan.schema().field(i).type(), plan.zone(),
                    plan.localTimes(), rows));
        }
        return decoders;
    }

    /**
     * Decodes a row group's columns into the decoders: in parallel on the common fork-join pool
     * when the row group is large, since its pages are in memory and each column decodes apart;
     * an error is that of the first failing column in the file's order, as a sequential read gives.
     */
    private void decode(OpenFile.RowGroup group, List<ColumnDecoder> decoders) {
        ColumnReadStore readers = file.columns(group);
        DataFormatException[] failures = new DataFormatException[decoders.size()];
        IntStream indexes = IntStream.range(0, decoders.size());
        if ((long) group.rows() * decoders.size() >= PARALLEL_VALUES) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> failures[i] = decode(group, i, readers, decoders.get(i)));
        for (DataFormatException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** @return the error that decoding one column met, or null */
    private @Nullable DataFormatException decode(OpenFile.RowGroup group, int index, ColumnReadStore readers,
            ColumnDecoder decoder) {
        FileColumn column = plan.columns().get(index);
        try {
            decoder.decode(column, readers, group.pages(), group.rows());
            return null;
        } catch (ColumnDecoder.RowException e) {
            return new DataFormatException(file.source(), column.name(), column.position(), "row "
                    + (group.firstRow() + e.row()) + " (0-based) in " + where(group) + ": "
                    + OpenFile.cause(e.getCause()), e.getCause());
        }
    }

    private String where(OpenFile.RowGroup group) {
        return file.rowGroupName(group.index(), group.firstRow(), group.rows());
    }

    private Table table(List<ColumnDecoder> decoders) {
        if (decoders.isEmpty()) {
            return Table.empty(plan.schema());
        }
        List<Column> columns = new ArrayList<>(decoders.size());
        for (int i = 0; i < decoders.size(); i++) {
            columns.add(decoders.get(i).build().withSensitive(plan.schema().field(i).sensitive()));
        }
        return Table.of(columns);
    }

    @Override
    public void close() {
        file.close();
    }
}
