package dev.mlops.features;

import dev.mlops.core.table.BooleanColumn;
import dev.mlops.core.table.CategoricalColumn;
import dev.mlops.core.table.Column;
import dev.mlops.core.table.ColumnBuilder;
import dev.mlops.core.table.ColumnType;
import dev.mlops.core.table.NumericColumn;
import dev.mlops.core.table.Table;
import dev.mlops.core.table.TimestampColumn;
import dev.mlops.store.EpochMicros;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One feature group's records in memory, columnar, for the store's reads: online, as-of, export
 * and (through {@link PointInTimeJoin}) point-in-time joins.
 *
 * <p><b>Layout.</b> Records are kept in append order as columns (the entity key as codes of a
 * dictionary in order of first appearance, the event and write times, one column per feature),
 * with one all-missing record at position 0 that every read pointing at "no record" selects. A
 * sorted index orders the records by (entity, event time, write time, sequence), the sequence
 * being the append order (so the later record of one batch wins a tie); it holds the event and
 * write times in that order as epoch microseconds, and the start of each entity's run. A lookup
 * is a binary search within the entity's run; the latest record of an entity is the last of its
 * run, found through the dictionary's hash map. Times are compared to the microsecond, the
 * precision the store keeps; values read back are those ingested.
 *
 * <p><b>Threads.</b> {@link #append} and {@link #appendAll} are serialized and publish a new
 * immutable {@link Snapshot}; readers take the current snapshot and never lock. Appending copies
 * the sorted index and merges the new records into it (linear in the history's size plus the
 * batch's sort); to load many batches, pass them to {@link #appendAll} or {@link #of} at once.
 */
final class GroupHistory {
    /** The name of the write-time column of {@link #export}. */
    static final String WRITE_TIME = "write_time";
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    private final String group;
    private final String entityKey;
    private final String eventTime;
    /** Entity key to code; only grows, so readers may consult it without a lock. */
    private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
    private final Object appendLock = new Object();
    private final CategoricalColumn.Builder entities;
    private final TimestampColumn.Builder events;
    private final TimestampColumn.Builder writes;
    private final Map<String, ColumnBuilder> features = new LinkedHashMap<>();
    private final Map<String, ColumnType> featureTypes = new LinkedHashMap<>();
    private long lastBatch = -1;
    private volatile Snapshot snapshot;

    /**
     * An empty history.
     *
     * @param group the group, for its name, entity key and event-time column (which no version changes)
     */
    GroupHistory(FeatureGroup group) {
        Objects.requireNonNull(group, "group");
        this.group = group.name();
        this.entityKey = group.entityKey();
        this.eventTime = group.eventTime();
        this.entities = CategoricalColumn.builder(entityKey);
        this.events = TimestampColumn.builder(eventTime);
        this.writes = TimestampColumn.builder(WRITE_TIME);
        entities.addMissing();
        events.addMissing();
        writes.addMissing();
        this.snapshot = new Snapshot(this.group, 0, new long[0], new long[0], new int[0], new int[1],
                entities.build(), events.build(), writes.build(), Map.of(), Instant.EPOCH);
    }

    /**
     * A history holding the given batches.
     *
     * @param group the group
     * @param batches its committed batches, in increasing number
     * @return the history
     * @throws IllegalArgumentException as {@link #appendAll}
     */
    static GroupHistory of(FeatureGroup group, List<RecordBatch> batches) {
        GroupHistory history = new GroupHistory(group);
        history.appendAll(batches);
        return history;
    }

    /**
     * Adds a committed batch and publishes the new snapshot.
     *
     * @param batch the batch, numbered above every batch appended before
     * @throws IllegalArgumentException as {@link #appendAll}
     */
    void append(RecordBatch batch) {
        appendAll(List.of(batch));
    }

    /**
     * Adds committed batches and publishes one new snapshot. Nothing is added when a batch is refused.
     *
     * @param batches the batches, numbered in increasing order above every batch appended before
     * @throws IllegalArgumentException if a batch is numbered out of order, lacks the entity key
     *     or event-time column or has them of the wrong type, has a row missing either, or has a
     *     feature of another type than before
     */
    void appendAll(List<RecordBatch> batches) {
        Objects.requireNonNull(batches, "batches");
        synchronized (appendLock) {
            int added = validate(batches);
            if (batches.isEmpty()) {
                return;
            }
            int oldSize = entities.size();
            int[] newCodes = new int[added];
            long[] newEvents = new long[added];
            long[] newWrites = new long[added];
            Instant lastWrite = snapshot.lastWrite;
            int at = 0;
            for (RecordBatch batch : batches) {
                appendColumns(batch, oldSize + at);
                Table records = batch.records();
                CategoricalColumn keys = records.categoricalColumn(entityKey);
                TimestampColumn times = records.timestampColumn(eventTime);
                long write = micros(batch.writeTime());
                for (int row = 0; row < records.rowCount(); row++) {
                    String key = keys.get(row);
                    int code = entities.addLevel(key);
                    codes.putIfAbsent(key, code);
                    events.add(times.get(row));
                    writes.add(batch.writeTime());
                    newCodes[at] = code;
                    newEvents[at] = micros(times.epochSecond(row), times.nano(row));
                    newWrites[at] = write;
                    at++;
                }
                if (batch.writeTime().isAfter(lastWrite)) {
                    lastWrite = batch.writeTime();
                }
                lastBatch = batch.number();
            }
            Map<String, Column> built = new LinkedHashMap<>();
            features.forEach((name, builder) -> built.put(name, builder.build()));
            snapshot = snapshot.merge(oldSize, newCodes, newEvents, newWrites, entities.build(), events.build(),
                    writes.build(), built, lastWrite);
        }
    }

    /** Checks every batch before any is added; returns their total row count. */
    private int validate(List<RecordBatch> batches) {
        long previous = lastBatch;
        long rows = 0;
        Map<String, ColumnType> types = new LinkedHashMap<>(featureTypes);
        for (RecordBatch batch : batches) {
            Objects.requireNonNull(batch, "batch");
            if (batch.number() <= previous) {
                throw new IllegalArgumentException("batch " + batch.number() + " of group '" + group
                        + "' comes after batch " + previous + ": batches are appended once, in increasing number");
            }
            previous = batch.number();
            micros(batch.writeTime());
            Table records = batch.records();
            checkKeyColumns(batch, records);
            for (Column column : records.columns()) {
                if (column.name().equals(entityKey) || column.name().equals(eventTime)) {
                    continue;
                }
                ColumnType before = types.putIfAbsent(column.name(), column.type());
                if (before != null && before != column.type()) {
                    throw new IllegalArgumentException("feature '" + column.name() + "' of group '" + group
                            + "' is " + column.type() + " in batch " + batch.number() + " but was " + before
                            + " before");
                }
                if (column.type() == ColumnType.TEXT) {
                    throw new IllegalArgumentException("feature '" + column.name() + "' of group '" + group
                            + "' is TEXT in batch " + batch.number() + ", which is not a feature type");
                }
            }
            rows += records.rowCount();
        }
        try {
            Math.toIntExact(entities.size() + rows);
            return (int) rows;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("group '" + group + "' would hold " + (entities.size() + rows)
                    + " records, more than a history holds in memory", e);
        }
    }

    private void checkKeyColumns(RecordBatch batch, Table records) {
        checkColumn(batch, records, entityKey, ColumnType.CATEGORICAL, "entity key");
        checkColumn(batch, records, eventTime, ColumnType.TIMESTAMP, "event time");
        CategoricalColumn keys = records.categoricalColumn(entityKey);
        TimestampColumn times = records.timestampColumn(eventTime);
        for (int row = 0; row < records.rowCount(); row++) {
            if (keys.isMissing(row) || times.isMissing(row)) {
                throw new IllegalArgumentException("row " + row + " of batch " + batch.number() + " of group '"
                        + group + "' has no " + (keys.isMissing(row) ? "entity key '" + entityKey + "'"
                                : "event time '" + eventTime + "'"));
            }
            micros(times.epochSecond(row), times.nano(row));
        }
    }

    private void checkColumn(RecordBatch batch, Table records, String name, ColumnType type, String what) {
        if (records.schema().find(name).isEmpty()) {
            throw new IllegalArgumentException("batch " + batch.number() + " of group '" + group + "' has no "
                    + what + " column '" + name + "'; its columns are " + records.schema().names());
        }
        ColumnType actual = records.column(name).type();
        if (actual != type) {
            throw new IllegalArgumentException("the " + what + " column '" + name + "' of batch " + batch.number()
                    + " of group '" + group + "' is " + actual + " but must be " + type);
        }
    }

    /** Appends a batch's feature values; features it lacks get missing values, new ones start missing. */
    private void appendColumns(RecordBatch batch, int size) {
        Table records = batch.records();
        for (Column column : records.columns()) {
            if (!column.name().equals(entityKey) && !column.name().equals(eventTime)
                    && !features.containsKey(column.name())) {
                ColumnBuilder builder = ColumnBuilder.of(column.name(), column.type());
                builder.ensureCapacity(size + records.rowCount());
                for (int i = 0; i < size; i++) {
                    builder.addMissing();
                }
                features.put(column.name(), builder);
                featureTypes.put(column.name(), column.type());
            }
        }
        features.forEach((name, builder) -> {
            if (records.schema().find(name).isPresent()) {
                appendValues(builder, records.column(name));
            } else {
                for (int row = 0; row < records.rowCount(); row++) {
                    builder.addMissing();
                }
            }
        });
    }

    private static void appendValues(ColumnBuilder builder, Column column) {
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                builder.addMissing();
            } else if (column instanceof NumericColumn values) {
                ((NumericColumn.Builder) builder).add(values.get(row));
            } else if (column instanceof CategoricalColumn values) {
                ((CategoricalColumn.Builder) builder).add(values.get(row));
            } else if (column instanceof BooleanColumn values) {
                ((BooleanColumn.Builder) builder).add(values.get(row));
            } else {
                ((TimestampColumn.Builder) builder).add(((TimestampColumn) column).get(row));
            }
        }
    }

    /** @return the current snapshot, which later appends do not change */
    Snapshot snapshot() {
        return snapshot;
    }

    /** @return the latest write time of the batches held; the epoch when none */
    Instant lastWrite() {
        return snapshot.lastWrite;
    }

    /** @return the number of records held */
    long size() {
        return snapshot.order.length;
    }

    /**
     * Reads the latest record of each entity: the one with the latest event time, a tie going to
     * the latest write, then to the later record of the batch.
     *
     * @param group the group's latest definition (names, TTL)
     * @param features the features to read, resolved
     * @param entityKeys the entity keys, in the order wanted
     * @param now the time the TTL is measured to
     * @return one row per key: the entity key, the event time of its latest record (missing for
     *     an unknown entity), then the features (missing for an unknown entity or when older than the TTL)
     */
    Table online(FeatureGroup group, List<Feature> features, List<String> entityKeys, Instant now) {
        Snapshot current = snapshot;
        int count = entityKeys.size();
        int[] records = new int[count];
        int[] values = new int[count];
        long nowMicros = saturatedMicros(now);
        long ttl = ttlMicros(group);
        for (int j = 0; j < count; j++) {
            int code = current.code(entityKeys.get(j));
            if (code >= 0) {
                int index = current.runStart[code + 1] - 1;
                records[j] = current.order[index];
                values[j] = expired(current.events[index], nowMicros, ttl) ? 0 : records[j];
            }
        }
        return table(current, group, features,
                CategoricalColumn.of(group.entityKey(), entityKeys.toArray(String[]::new)), records, false, values);
    }

    /**
     * Reads every entity's record as of an event time, as known at a write time.
     *
     * @param group the group's latest definition
     * @param features the features to read, resolved
     * @param eventTime the event-time bound, inclusive; the TTL is measured to it
     * @param knownAt the write-time bound, inclusive
     * @return one row per entity with a record within both bounds, in entity-key order: the
     *     entity key, the event time of the record, then the features (missing when older than the TTL)
     */
    Table asOf(FeatureGroup group, List<Feature> features, Instant eventTime, Instant knownAt) {
        Snapshot current = snapshot;
        long event = saturatedMicros(eventTime);
        long write = saturatedMicros(knownAt);
        long ttl = ttlMicros(group);
        int[] byKey = current.codesByKey();
        int[] records = new int[byKey.length];
        int[] values = new int[byKey.length];
        int found = 0;
        for (int code : byKey) {
            int index = current.latest(code, event, write);
            if (index >= 0) {
                records[found] = current.order[index];
                values[found] = expired(current.events[index], event, ttl) ? 0 : records[found];
                found++;
            }
        }
        records = Arrays.copyOf(records, found);
        values = Arrays.copyOf(values, found);
        return table(current, group, features, current.entityColumn.select(records).rename(group.entityKey()),
                records, false, values);
    }

    /**
     * Reads the raw history: every record with an event time in {@code [from, until)}, superseded
     * ones included.
     *
     * @param group the group's latest definition
     * @param features the features to read, resolved
     * @param from the inclusive start of the event-time window
     * @param until its exclusive end
     * @return the entity key, the event time, {@value #WRITE_TIME}, then the features, ordered
     *     by event time, then write time, then the order of ingestion
     */
    Table export(FeatureGroup group, List<Feature> features, Instant from, Instant until) {
        Snapshot current = snapshot;
        long start = saturatedMicros(from);
        long end = saturatedMicros(until);
        int total = current.order.length;
        int[] indexes = new int[total];
        int found = 0;
        for (int index = 0; index < total; index++) {
            long event = current.events[index];
            if (event >= start && event < end) {
                indexes[found++] = index;
            }
        }
        IndexSort.sort(indexes, 0, found, current.events, current.writes, current.order);
        int[] records = new int[found];
        for (int i = 0; i < found; i++) {
            records[i] = current.order[indexes[i]];
        }
        return table(current, group, features, current.entityColumn.select(records).rename(group.entityKey()),
                records, true, records);
    }

    /**
     * Builds a read's table.
     *
     * @param current the snapshot read
     * @param group the group's definition, for the column names
     * @param features the features
     * @param entity the entity key column
     * @param records the record position of each row, 0 for none
     * @param withWrite whether to add the {@value #WRITE_TIME} column
     * @param values the record position of each row's values, 0 for missing ones
     * @return the entity key, the event time, the write time if asked, then the features
     */
    private static Table table(Snapshot current, FeatureGroup group, List<Feature> features, Column entity,
            int[] records, boolean withWrite, int[] values) {
        List<Column> columns = new ArrayList<>();
        columns.add(entity);
        columns.add(current.eventColumn.select(records).rename(group.eventTime()));
        if (withWrite) {
            columns.add(current.writeColumn.select(records));
        }
        for (Feature feature : features) {
            columns.add(current.feature(feature, values, feature.name()));
        }
        return Table.of(columns);
    }

    /**
     * @param group a definition
     * @return its TTL in microseconds, {@link Long#MAX_VALUE} when it has none
     */
    static long ttlMicros(FeatureGroup group) {
        return group.ttl().map(GroupHistory::saturatedMicros).orElse(Long.MAX_VALUE);
    }

    /**
     * @param event a record's event time, in microseconds
     * @param readAt the time read as of, in microseconds
     * @param ttl the TTL in microseconds
     * @return true when the record is more than the TTL older than the time read as of
     */
    static boolean expired(long event, long readAt, long ttl) {
        long limit = readAt - ttl;
        // a TTL is not negative, so the limit is above the time read as of only when it wrapped around
        return limit <= readAt && event < limit;
    }

    /**
     * @param instant a record's time
     * @return its epoch microseconds, the nanoseconds below truncated
     * @throws IllegalArgumentException if it is beyond the range of microseconds a long holds
     */
    static long micros(Instant instant) {
        return micros(instant.getEpochSecond(), instant.getNano());
    }

    private static long micros(long seconds, int nanos) {
        try {
            return EpochMicros.of(seconds, nanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("time " + Instant.ofEpochSecond(seconds, nanos)
                    + " is beyond the range the feature store keeps, epoch microseconds in a long", e);
        }
    }

    /**
     * @param instant a bound of a read
     * @return its epoch microseconds, saturated at the ends of a long
     */
    static long saturatedMicros(Instant instant) {
        try {
            return micros(instant);
        } catch (IllegalArgumentException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedMicros(Duration duration) {
        try {
            return Math.addExact(Math.multiplyExact(duration.getSeconds(), MICROS_PER_SECOND),
                    duration.getNano() / NANOS_PER_MICRO);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * An immutable state of a history: what a read sees from start to end, whatever is appended meanwhile.
     */
    final class Snapshot {
        private final String groupName;
        private final int entityCount;
        /** Event times in index order (by entity, event, write, sequence), epoch micros. */
        private final long[] events;
        /** Write times in index order, epoch micros. */
        private final long[] writes;
        /** The record position of each index entry. */
        private final int[] order;
        /** Where each entity's run starts in the index, by code; one more entry for the end. */
        private final int[] runStart;
        private final CategoricalColumn entityColumn;
        private final TimestampColumn eventColumn;
        private final TimestampColumn writeColumn;
        private final Map<String, Column> featureColumns;
        private final Instant lastWrite;
        private volatile int @Nullable [] codesByKey;

        Snapshot(String groupName, int entityCount, long[] events, long[] writes, int[] order, int[] runStart,
                CategoricalColumn entityColumn, TimestampColumn eventColumn, TimestampColumn writeColumn,
                Map<String, Column> featureColumns, Instant lastWrite) {
            this.groupName = groupName;
            this.entityCount = entityCount;
            this.events = events;
            this.writes = writes;
            this.order = order;
            this.runStart = runStart;
            this.entityColumn = entityColumn;
            this.eventColumn = eventColumn;
            this.writeColumn = writeColumn;
            this.featureColumns = Map.copyOf(featureColumns);
            this.lastWrite = lastWrite;
        }

        /** @return the number of entities held; codes run from 0 to one below it */
        int entityCount() {
            return entityCount;
        }

        /** @return the latest write time held, the epoch when none */
        Instant lastWrite() {
            return lastWrite;
        }

        /**
         * @param key an entity key
         * @return its code, or -1 when this snapshot holds no record of it
         */
        int code(String key) {
            Integer code = codes.get(key);
            return code == null || code >= entityCount ? -1 : code;
        }

        /**
         * Finds the record of an entity read as of an event time and a write time.
         *
         * @param code the entity's code
         * @param eventBound the event-time bound, inclusive, in micros
         * @param writeBound the write-time bound, inclusive, in micros
         * @return the index entry of the record with the latest event time, then write time, then
         *     sequence, within both bounds; -1 when none
         */
        int latest(int code, long eventBound, long writeBound) {
            int low = runStart[code];
            int high = runStart[code + 1];
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (events[middle] <= eventBound) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            for (int index = low - 1; index >= runStart[code]; index--) {
                if (writes[index] <= writeBound) {
                    return index;
                }
            }
            return -1;
        }

        /**
         * @param index an index entry
         * @return the record position it points at
         */
        int position(int index) {
            return order[index];
        }

        /**
         * @param index an index entry
         * @return its record's event time, in micros
         */
        long eventMicros(int index) {
            return events[index];
        }

        /** @return the write times by record position, named {@value #WRITE_TIME}; position 0 is missing */
        TimestampColumn writeColumn() {
            return writeColumn;
        }

        /**
         * Selects a feature's values.
         *
         * @param feature the feature
         * @param positions record positions, 0 for a missing value
         * @param name the column's name
         * @return the column, sensitive when the feature is
         * @throws FeatureStoreException if the history holds the feature with another type
         */
        Column feature(Feature feature, int[] positions, String name) {
            Column stored = featureColumns.get(feature.name());
            if (stored == null) {
                ColumnBuilder missing = ColumnBuilder.of(name, feature.type()).ensureCapacity(positions.length);
                for (int i = 0; i < positions.length; i++) {
                    missing.addMissing();
                }
                return missing.build().withSensitive(feature.sensitive());
            }
            if (stored.type() != feature.type()) {
                throw new FeatureStoreException("feature '" + feature.name() + "' of group '" + groupName
                        + "' is defined as " + feature.type() + " but its records hold " + stored.type());
            }
            return stored.select(positions).rename(name).withSensitive(feature.sensitive());
        }

        /** @return the entity codes in the order of their keys */
        int[] codesByKey() {
            int[] sorted = codesByKey;
            if (sorted == null) {
                List<String> keys = entityColumn.levels();
                Integer[] boxed = new Integer[entityCount];
                for (int code = 0; code < entityCount; code++) {
                    boxed[code] = code;
                }
                Arrays.sort(boxed, Comparator.comparing(keys::get));
                sorted = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
                codesByKey = sorted;
            }
            return sorted;
        }

        /** Merges records appended at positions from {@code oldSize} into a new snapshot. */
        Snapshot merge(int oldSize, int[] newCodes, long[] newEvents, long[] newWrites, CategoricalColumn entityColumn,
                TimestampColumn eventColumn, TimestampColumn writeColumn, Map<String, Column> featureColumns,
                Instant lastWrite) {
            int added = newCodes.length;
            int entities = entityColumn.levels().size();
            int[] starts = IndexSort.bucketStarts(newCodes, entities);
            int[] byEntity = IndexSort.byBucket(newCodes, starts);
            int total = order.length + added;
            long[] mergedEvents = new long[total];
            long[] mergedWrites = new long[total];
            int[] mergedOrder = new int[total];
            int[] mergedStarts = new int[entities + 1];
            int out = 0;
            for (int code = 0; code < entities; code++) {
                mergedStarts[code] = out;
                IndexSort.sort(byEntity, starts[code], starts[code + 1], newEvents, newWrites, null);
                int old = 0;
                int oldEnd = 0;
                if (code < entityCount) {
                    old = runStart[code];
                    oldEnd = runStart[code + 1];
                }
                for (int fresh = starts[code]; fresh < starts[code + 1]; fresh++) {
                    int i = byEntity[fresh];
                    // an older record with the same event and write time came first: it goes first
                    while (old < oldEnd && (events[old] < newEvents[i]
                            || events[old] == newEvents[i] && writes[old] <= newWrites[i])) {
                        mergedEvents[out] = events[old];
                        mergedWrites[out] = writes[old];
                        mergedOrder[out++] = order[old++];
                    }
                    mergedEvents[out] = newEvents[i];
                    mergedWrites[out] = newWrites[i];
                    mergedOrder[out++] = oldSize + i;
                }
                System.arraycopy(events, old, mergedEvents, out, oldEnd - old);
                System.arraycopy(writes, old, mergedWrites, out, oldEnd - old);
                System.arraycopy(order, old, mergedOrder, out, oldEnd - old);
                out += oldEnd - old;
            }
            mergedStarts[entities] = out;
            return new Snapshot(groupName, entities, mergedEvents, mergedWrites, mergedOrder, mergedStarts,
                    entityColumn, eventColumn, writeColumn, featureColumns, lastWrite);
        }
    }
}
