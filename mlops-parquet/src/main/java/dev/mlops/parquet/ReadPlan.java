package dev.mlops.parquet;

import dev.mlops.core.DataFormatException;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.Field;
import dev.mlops.core.table.Schema;
import dev.mlops.data.io.LocalTimes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.jspecify.annotations.Nullable;

/**
 * Which columns of a Parquet file to read and as which types, decided once from the footer so
 * that every row group of a file reads alike: the columns asked for (all, or a projection) in
 * the file's order; each read as the type a check expects if the values can be (a batch read
 * against a schema), else as mlops' stored schema says ({@link StoredSchema}), else as inference
 * gives ({@link FileColumn#inferred}). Whether a column of 64-bit integers or long decimals holds
 * an integer beyond ±2^53 is read from the row groups' statistics, or, where a row group has
 * none, from the column's values in a first pass over that column alone. Every column chunk's
 * codec is checked here. Immutable.
 *
 * @param columns the file's columns to read, in the file's order
 * @param schema the table's schema: the columns' names, types and sensitivity
 * @param requested the Parquet schema of those columns, which Parquet reads alone
 * @param zone the zone of local date-times, or null
 * @param localTimes what to do with a local date-time in a gap or overlap of the zone
 */
record ReadPlan(List<FileColumn> columns, Schema schema, MessageType requested, @Nullable ZoneId zone,
        LocalTimes localTimes) {

    /**
     * Decides what to read.
     *
     * @param file the open file
     * @param projection the names of the columns to read, or null for all
     * @param expected the types a check expects, or null
     * @param zone the zone of local date-times, or null
     * @param localTimes what to do with a local date-time in a gap or overlap of the zone
     * @return the plan
     * @throws DataFormatException naming the file and the column if a column read is nested,
     *     repeated, of a type mlops does not read, compressed with a codec it does not read, or
     *     named twice; or if the stored schema is malformed
     */
    static ReadPlan of(OpenFile file, @Nullable Collection<String> projection, @Nullable Schema expected,
            @Nullable ZoneId zone, LocalTimes localTimes) {
        MessageType fileSchema = file.schema();
        Map<String, Field> stored = StoredSchema.read(file.keyValueMetadata(), file.source());
        Set<String> wanted = projection == null ? null : Set.copyOf(projection);
        List<FileColumn> columns = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fileSchema.getFieldCount(); i++) {
            String name = fileSchema.getType(i).getName();
            if (wanted != null && !wanted.contains(name)) {
                continue;
            }
            FileColumn column = FileColumn.of(file.source(), fileSchema, i);
            if (!seen.add(name)) {
                throw new DataFormatException(file.source(), name, column.position(),
                        "the file names two columns so; a table's column names are unique", null);
            }
            checkCodecs(file, column);
            ColumnType type = type(column, expected, stored, zone != null, file);
            boolean sensitive = sensitive(expected, name) || stored.containsKey(name) && stored.get(name).sensitive();
            columns.add(column);
            fields.add(new Field(name, type, sensitive));
            types.add(fileSchema.getType(i));
        }
        return new ReadPlan(List.copyOf(columns), Schema.of(fields), new MessageType(fileSchema.getName(), types), zone,
                localTimes);
    }

    private static boolean sensitive(@Nullable Schema expected, String name) {
        return expected != null && expected.contains(name) && expected.field(name).sensitive();
    }

    /** The expected type if the values can be read so, else the stored one if they can, else the inferred one. */
    private static ColumnType type(FileColumn column, @Nullable Schema expected, Map<String, Field> stored,
            boolean zoned, OpenFile file) {
        Set<ColumnType> readable = column.readableAs(zoned);
        if (expected != null && expected.contains(column.name())
                && readable.contains(expected.field(column.name()).type())) {
            return expected.field(column.name()).type();
        }
        Field storedField = stored.get(column.name());
        if (storedField != null && readable.contains(storedField.type())) {
            return storedField.type();
        }
        boolean exceeds = column.mayExceedDoublePrecision() && exceedsDoublePrecision(column, file);
        return column.inferred(zoned, exceeds);
    }

    private static void checkCodecs(OpenFile file, FileColumn column) {
        List<BlockMetaData> rowGroups = file.rowGroups();
        for (int g = 0; g < rowGroups.size(); g++) {
            ColumnChunkMetaData chunk = chunk(rowGroups.get(g), column);
            if (!AirliftCodecs.SUPPORTED.contains(chunk.getCodec())) {
                throw new DataFormatException(file.source(), column.name(), column.position(), "row group " + (g + 1)
                        + " is compressed with " + chunk.getCodec() + ", which mlops does not read (it reads "
                        + AirliftCodecs.SUPPORTED + ")", null);
            }
        }
    }

    /** @return the row group's chunk of the column, which every row group has (Parquet's format says so) */
    private static ColumnChunkMetaData chunk(BlockMetaData rowGroup, FileColumn column) {
        for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
            if (chunk.getPath().equals(ColumnPath.get(column.descriptor().getPath()))) {
                return chunk;
            }
        }
        throw new IllegalStateException("a row group has no chunk of column '" + column.name() + "'");
    }

    /**
     * Tells whether a column holds an integer beyond ±2^53: from the statistics of every row
     * group when they are there (signed 64-bit integers only), else from the values.
     */
    private static boolean exceedsDoublePrecision(FileColumn column, OpenFile file) {
        Boolean fromStatistics = column.family() == FileColumn.Family.SIGNED_INTEGER
                ? exceedsByStatistics(column, file.rowGroups()) : null;
        if (fromStatistics != null) {
            return fromStatistics;
        }
        boolean exceeds = false;
        try (OpenFile values = file.reopen()) {
            values.request(new MessageType(values.schema().getName(), values.schema().getType(column.position() - 1)));
            for (OpenFile.RowGroup group = values.next(); group != null && !exceeds; group = values.next()) {
                exceeds = exceeds(column, group, values);
            }
        }
        return exceeds;
    }

    /** @return whether a row group's values of the column hold an integer beyond ±2^53 */
    private static boolean exceeds(FileColumn column, OpenFile.RowGroup group, OpenFile file) {
        int present = column.descriptor().getMaxDefinitionLevel();
        int row = 0;
        try {
            // creating the reader reads the first page
            ColumnReader reader = file.columns(group).getColumnReader(column.descriptor());
            for (; row < group.rows(); row++) {
                if (reader.getCurrentDefinitionLevel() == present && ColumnDecoder.exceedsDoublePrecision(column, reader)) {
                    return true;
                }
                reader.consume();
            }
            return false;
        } catch (RuntimeException e) {
            throw new DataFormatException(file.source(), column.name(), column.position(), "row "
                    + (group.firstRow() + row) + " (0-based) in " + file.rowGroupName(group.index(),
                    group.firstRow(), group.rows()) + " cannot be decoded (" + OpenFile.cause(e) + ")", e);
        }
    }

    /**
     * @return whether a row group's minimum or maximum of a column of signed 64-bit integers lies
     *     beyond ±2^53, or null if a row group's statistics do not say (no minimum and maximum,
     *     and not a null count that covers every row)
     */
    private static @Nullable Boolean exceedsByStatistics(FileColumn column, List<BlockMetaData> rowGroups) {
        boolean exceeds = false;
        for (BlockMetaData rowGroup : rowGroups) {
            Statistics<?> statistics = chunk(rowGroup, column).getStatistics();
            if (statistics.hasNonNullValue()) {
                long min = (Long) statistics.genericGetMin();
                long max = (Long) statistics.genericGetMax();
                exceeds |= min < -FileColumn.LARGEST_EXACT_INTEGER || max > FileColumn.LARGEST_EXACT_INTEGER;
            } else if (!statistics.isNumNullsSet() || statistics.getNumNulls() != rowGroup.getRowCount()) {
                return null;
            }
        }
        return exceeds;
    }
}
