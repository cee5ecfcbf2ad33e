package dev.mlops.features;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.data.io.Batch;
import dev.mlops.data.io.CellProblem;
import dev.mlops.data.io.Compression;
import dev.mlops.data.io.CsvFormat;
import dev.mlops.data.io.JsonLinesFormat;
import dev.mlops.data.io.RowOrigins;
import dev.mlops.data.io.TableFormat;
import dev.mlops.store.EpochMicros;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks what is ingested against a group's latest version and turns it into
 * {@link PendingRecord}s: a schema problem (an unknown column, the entity key or event-time
 * column absent or of the wrong type) refuses the whole call; a bad record (a missing entity
 * key or a numeric one {@link EntityKeys} refuses (non-integral, or beyond ±2<sup>53</sup>), a
 * missing event time, a value of the wrong type, a cell that does not parse) is refused alone with its line or position and the rest are kept. A NaN is a value, as
 * everywhere in mlops-data; only a missing value is missing.
 */
final class Ingestion {
    /** The source named by rejections of a table. */
    static final String TABLE = "table";
    /** The source named by rejections of records built in code. */
    static final String RECORDS = "records";

    /**
     * The records to write and those refused.
     *
     * @param records the checked records, in input order
     * @param rejected the refused ones, in input order
     */
    record Prepared(List<PendingRecord> records, List<RejectedRecord> rejected) {
        Prepared {
            records = List.copyOf(records);
            rejected = List.copyOf(rejected);
        }
    }

    private Ingestion() {
        throw new AssertionError("no instances");
    }

    /**
     * @param group the group's latest version
     * @param table the records, one per row
     * @return the records; a rejection names its row from 1
     * @throws FeatureStoreException if a column is unknown, or the key or event time is absent or mistyped
     */
    static Prepared fromTable(FeatureGroup group, Table table) {
        return fromTable(group, table, TABLE, null, List.of());
    }

    /**
     * Reads a CSV or JSON Lines file against the group's record schema with mlops-data's batch
     * readers, so that a cell that does not parse refuses its row alone, with its physical line.
     *
     * @param group the group's latest version
     * @param file a {@code .csv}, {@code .jsonl} or {@code .ndjson} file, perhaps compressed
     *     ({@code rows.csv.gz}; {@link Compression})
     * @return the records; a rejection names its physical line
     * @throws FeatureStoreException if the file is absent, of another format, or has a schema problem
     * @throws dev.mlops.core.DataFormatException if the file is malformed beyond one row
     */
    static Prepared fromFile(FeatureGroup group, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FeatureStoreException("cannot ingest " + file + " into feature group '" + group.name()
                    + "': no such file");
        }
        // data.csv.gz is CSV: the formats uncompress what they read
        String name = Compression.withoutExtension(file.getFileName().toString()).toLowerCase(Locale.ROOT);
        TableFormat format;
        if (name.endsWith(".csv")) {
            format = CsvFormat.defaults();
        } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            format = JsonLinesFormat.defaults();
        } else {
            throw new FeatureStoreException("cannot ingest " + file + " into feature group '" + group.name()
                    + "': its name must end in .csv, .jsonl or .ndjson (and perhaps .gz, .zst, .bz2 or .xz) to tell"
                    + " its format");
        }
        Batch batch = format.readBatch(file, group.recordSchema());
        Map<Long, List<CellProblem>> byLine = new TreeMap<>();
        for (CellProblem problem : batch.problems()) {
            byLine.computeIfAbsent(problem.line(), line -> new ArrayList<>()).add(problem);
        }
        List<RejectedRecord> unparsed = new ArrayList<>();
        byLine.forEach((line, problems) -> {
            List<String> reasons = new ArrayList<>();
            for (CellProblem problem : problems) {
                reasons.add("column '" + problem.column() + "' (" + problem.position() + ") " + problem.problem()
                        + " but was '" + problem.text() + "'");
            }
            unparsed.add(new RejectedRecord(file.toString(), line, String.join("; ", reasons)));
        });
        return fromTable(group, batch.table(), file.toString(), batch.origins().orElse(null), unparsed);
    }

    /**
     * @param group the group's latest version
     * @param records the records
     * @return the records; a rejection names its position from 1
     * @throws FeatureStoreException if a record names a feature the group does not have
     */
    static Prepared fromRecords(FeatureGroup group, List<FeatureRecord> records) {
        List<Feature> features = group.features();
        for (FeatureRecord record : records) {
            for (String name : record.values().keySet()) {
                if (group.feature(name).isEmpty()) {
                    throw unknownColumn(group, name);
                }
            }
        }
        List<PendingRecord> kept = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        long position = 0;
        for (FeatureRecord record : records) {
            position++;
            Object[] values = new Object[features.size()];
            String problem = null;
            try {
                for (int i = 0; i < features.size() && problem == null; i++) {
                    Feature feature = features.get(i);
                    Object value = record.values().get(feature.name());
                    problem = typeProblem(feature, value);
                    values[i] = value instanceof Number number ? (Object) number.doubleValue()
                            : truncate(feature, value);
                }
                if (problem == null) {
                    kept.add(new PendingRecord(record.entity(), eventMicros(group, record.eventTime()), values));
                }
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                rejected.add(new RejectedRecord(RECORDS, position, problem));
            }
        }
        return new Prepared(kept, rejected);
    }

    private static @Nullable String typeProblem(Feature feature, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        Class<?> expected = switch (feature.type()) {
            case NUMERIC -> Number.class;
            case BOOLEAN -> Boolean.class;
            case TIMESTAMP -> Instant.class;
            default -> String.class;
        };
        if (expected.isInstance(value)) {
            return null;
        }
        return "feature '" + feature.name() + "' is " + feature.type() + " and needs a " + expected.getSimpleName()
                + " but was the " + value.getClass().getSimpleName() + " '" + value + "'";
    }

    private static Prepared fromTable(FeatureGroup group, Table table, String source, @Nullable RowOrigins origins,
            List<RejectedRecord> unparsed) {
        for (Column column : table.columns()) {
            String name = column.name();
            if (!name.equals(group.entityKey()) && !name.equals(group.eventTime()) && group.feature(name).isEmpty()) {
                throw unknownColumn(group, name);
            }
        }
        Column key = required(group, table, group.entityKey(), "entity key");
        if (key.type() == ColumnType.BOOLEAN || key.type() == ColumnType.TIMESTAMP) {
            throw new FeatureStoreException("feature group '" + group.name() + "': the entity key column '"
                    + key.name() + "' is " + key.type() + "; expected CATEGORICAL, TEXT or integral NUMERIC keys");
        }
        Column time = required(group, table, group.eventTime(), "event-time");
        if (!(time instanceof TimestampColumn eventTimes)) {
            throw new FeatureStoreException("feature group '" + group.name() + "': the event-time column '"
                    + time.name() + "' is " + time.type() + "; expected TIMESTAMP");
        }
        List<Feature> features = group.features();
        Column[] columns = new Column[features.size()];
        for (int i = 0; i < columns.length; i++) {
            Feature feature = features.get(i);
            if (table.schema().contains(feature.name())) {
                Column column = table.column(feature.name());
                boolean fits = column.type() == feature.type()
                        || column.type() == ColumnType.TEXT && feature.type() == ColumnType.CATEGORICAL;
                if (!fits) {
                    throw new FeatureStoreException("feature group '" + group.name() + "': column '" + column.name()
                            + "' is " + column.type() + " but feature '" + feature.name() + "' is " + feature.type());
                }
                columns[i] = column;
            }
        }
        List<PendingRecord> kept = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>(unparsed);
        for (int row = 0; row < table.rowCount(); row++) {
            long line = origins == null ? row + 1 : origins.line(row);
            String entity;
            try {
                entity = entity(key, row);
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(source, line, "the entity key '" + key.name() + "' " + e.getMessage()));
                continue;
            }
            if (eventTimes.isMissing(row)) {
                rejected.add(new RejectedRecord(source, line, "the event time '" + time.name() + "' is missing"));
            } else {
                Object[] values = new Object[columns.length];
                try {
                    for (int i = 0; i < columns.length; i++) {
                        values[i] = columns[i] == null ? null : truncate(features.get(i), value(columns[i], row));
                    }
                    kept.add(new PendingRecord(entity, eventMicros(group, eventTimes.get(row)), values));
                } catch (IllegalArgumentException e) {
                    rejected.add(new RejectedRecord(source, line, e.getMessage()));
                }
            }
        }
        rejected.sort(Comparator.comparingLong(RejectedRecord::line));
        return new Prepared(kept, rejected);
    }

    /**
     * @return the event time's epoch microseconds
     * @throws IllegalArgumentException naming the event-time column, if the store cannot keep it
     */
    private static long eventMicros(FeatureGroup group, Instant time) {
        try {
            return GroupHistory.micros(time);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the event time '" + group.eventTime() + "' " + e.getMessage(), e);
        }
    }

    /**
     * @return the value, an instant cut to whole microseconds as the store keeps it
     * @throws IllegalArgumentException naming the feature, if it is an instant the store cannot keep
     */
    private static @Nullable Object truncate(Feature feature, @Nullable Object value) {
        if (!(value instanceof Instant time)) {
            return value;
        }
        try {
            return EpochMicros.instant(GroupHistory.micros(time));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature '" + feature.name() + "' " + e.getMessage(), e);
        }
    }

    /**
     * @return the row's entity key, read once
     * @throws IllegalArgumentException saying why the key is refused ("is missing", "is blank", or
     *     "is refused: " and {@link EntityKeys}' reason for a number)
     */
    private static String entity(Column key, int row) {
        if (key.isMissing(row)) {
            throw new IllegalArgumentException("is missing");
        }
        if (key instanceof NumericColumn) {
            try {
                return EntityKeys.of(key, row);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is refused: " + e.getMessage(), e);
            }
        }
        String text = EntityKeys.of(key, row);
        if (text.isBlank()) {
            throw new IllegalArgumentException("is blank");
        }
        return text;
    }

    private static @Nullable Object value(Column column, int row) {
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof NumericColumn numbers) {
            return numbers.get(row);
        }
        if (column instanceof BooleanColumn flags) {
            return flags.get(row);
        }
        if (column instanceof TimestampColumn times) {
            return times.get(row);
        }
        return column.format(row);
    }

    private static Column required(FeatureGroup group, Table table, String name, String what) {
        if (!table.schema().contains(name)) {
            throw new FeatureStoreException("feature group '" + group.name() + "': the records have no " + what
                    + " column '" + name + "'; they have " + table.schema().names());
        }
        return table.column(name);
    }

    private static FeatureStoreException unknownColumn(FeatureGroup group, String name) {
        List<String> known = new ArrayList<>();
        group.features().forEach(feature -> known.add(feature.name()));
        return new FeatureStoreException("feature group '" + group.name() + "' (version " + group.version()
                + ") has no column '" + name + "': a record has the entity key '" + group.entityKey()
                + "', the event time '" + group.eventTime() + "' and the features " + known);
    }
}
