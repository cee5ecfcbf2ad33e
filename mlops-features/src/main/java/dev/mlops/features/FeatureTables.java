package dev.mlops.features;

import dev.mlops.core.table.RowBuilder;
import dev.mlops.core.table.Table;
import dev.mlops.store.EpochMicros;
import dev.mlops.store.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The feature store's SQL over its tables ({@code features_state}, {@code features_groups},
 * {@code features_batches}, {@code features_records}; see the migrations), each call inside a
 * transaction its caller runs. Times are epoch microseconds.
 */
final class FeatureTables {
    private static final String SOURCE = "feature store database";

    private FeatureTables() {
        throw new AssertionError("no instances");
    }

    /**
     * @param sql the transaction
     * @param group a group's name
     * @return every stored version, oldest first
     * @throws SQLException if the query fails
     */
    static List<FeatureGroup> versions(Sql sql, String group) throws SQLException {
        return sql.query("SELECT definition FROM features_groups WHERE name = ? ORDER BY version",
                row -> FeatureGroupDocuments.fromText(row.getString(1), SOURCE + " group " + group), group);
    }

    /**
     * @param sql the transaction
     * @param group a group's name
     * @return its latest version, if defined
     * @throws SQLException if the query fails
     */
    static Optional<FeatureGroup> latest(Sql sql, String group) throws SQLException {
        return sql.first("SELECT definition FROM features_groups WHERE name = ? ORDER BY version DESC",
                row -> FeatureGroupDocuments.fromText(row.getString(1), SOURCE + " group " + group), group);
    }

    /**
     * @param sql the transaction
     * @return the latest version of every group, by name
     * @throws SQLException if the query fails
     */
    static List<FeatureGroup> latestOfEach(Sql sql) throws SQLException {
        return sql.query("SELECT g.definition FROM features_groups g WHERE g.version = "
                + "(SELECT MAX(h.version) FROM features_groups h WHERE h.name = g.name) ORDER BY g.name",
                row -> FeatureGroupDocuments.fromText(row.getString(1), SOURCE));
    }

    /**
     * @param sql the transaction
     * @return every group's name, sorted
     * @throws SQLException if the query fails
     */
    static List<String> names(Sql sql) throws SQLException {
        return sql.query("SELECT DISTINCT name FROM features_groups ORDER BY name", row -> row.getString(1));
    }

    /**
     * @param sql the transaction
     * @param group a defined group (its version from 1)
     * @param definedAt when, in epoch microseconds
     * @throws SQLException if the insert fails (a concurrent definition of the same version)
     */
    static void insertDefinition(Sql sql, FeatureGroup group, long definedAt) throws SQLException {
        sql.update("INSERT INTO features_groups (name, version, definition, defined_at) VALUES (?, ?, ?, ?)",
                group.name(), group.version(), FeatureGroupDocuments.toText(group), definedAt);
    }

    /**
     * Gives out the next batch number and write time: the clock's time, or the last write time
     * plus one microsecond when the clock has not moved past it. Updating the one state row first
     * serialises concurrent writers on both back ends.
     *
     * @param sql the write transaction
     * @param now the clock's time in epoch microseconds
     * @return the batch number and the write time
     * @throws SQLException if the update fails
     */
    static long[] nextBatch(Sql sql, long now) throws SQLException {
        sql.update("UPDATE features_state SET last_batch = last_batch + 1, last_write = CASE WHEN last_write < ? "
                + "THEN ? ELSE last_write + 1 END WHERE id = 1", now, now);
        return sql.first("SELECT last_batch, last_write FROM features_state WHERE id = 1",
                row -> new long[] {row.getLong(1), row.getLong(2)}).orElseThrow();
    }

    /**
     * @param sql the transaction
     * @return the store's state: the last batch number given out (0 before the first), the last
     *     write time in epoch microseconds, and how many retention runs have deleted records
     * @throws SQLException if the query fails
     */
    static long[] state(Sql sql) throws SQLException {
        return sql.first("SELECT last_batch, last_write, retentions FROM features_state WHERE id = 1",
                row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}).orElseThrow();
    }

    /**
     * @param sql the transaction
     * @param group a group's name
     * @param before a batch number
     * @return the group's last batch before that one, 0 if none
     * @throws SQLException if the query fails
     */
    static long lastBatchBefore(Sql sql, String group, long before) throws SQLException {
        return sql.queryLong("SELECT MAX(batch) FROM features_batches WHERE group_name = ? AND batch < ?", group,
                before);
    }

    /**
     * Writes one batch and its records.
     *
     * @param sql the write transaction
     * @param batch the batch's number and write time, from {@link #nextBatch}
     * @param group the group version the records were checked against
     * @param source what was ingested
     * @param records the records
     * @throws SQLException if an insert fails
     */
    static void insertBatch(Sql sql, long[] batch, FeatureGroup group, String source, List<PendingRecord> records)
            throws SQLException {
        sql.update("INSERT INTO features_batches (batch, group_name, group_version, write_time, source, record_count) "
                + "VALUES (?, ?, ?, ?, ?, ?)", batch[0], group.name(), group.version(), batch[1], source,
                (long) records.size());
        List<Object[]> rows = new ArrayList<>(records.size());
        int seq = 0;
        for (PendingRecord record : records) {
            rows.add(new Object[] {batch[0], seq++, group.name(), record.entity(), record.eventMicros(),
                RecordValues.encode(record.values())});
        }
        sql.batch("INSERT INTO features_records (batch, seq, group_name, entity, event_time, record_values) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * @param sql the transaction
     * @param group the group's latest version, whose record schema the batches are read with
     *     (features added since a batch was written read as missing)
     * @param after a batch number
     * @param upTo the last batch number to read, such as the store's last when the transaction
     *     began: batches committed since then are left for the next read, which keeps the history
     *     complete up to that number
     * @return the group's batches after {@code after} and up to {@code upTo}, in order, with their
     *     records still stored
     * @throws SQLException if the query fails
     */
    static List<RecordBatch> batchesAfter(Sql sql, FeatureGroup group, long after, long upTo) throws SQLException {
        List<Object[]> rows = sql.query("SELECT b.batch, b.write_time, r.entity, r.event_time, r.record_values "
                + "FROM features_batches b JOIN features_records r ON r.batch = b.batch "
                + "WHERE b.group_name = ? AND b.batch > ? AND b.batch <= ? ORDER BY b.batch, r.seq",
                row -> new Object[] {row.getLong(1), row.getLong(2), new PendingRecord(row.getString(3),
                    row.getLong(4), RecordValues.decode(row.getString(5), group.features(),
                    SOURCE + " batch " + row.getLong(1)))}, group.name(), after, upTo);
        List<RecordBatch> batches = new ArrayList<>();
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            records.add((PendingRecord) row[2]);
            if (i == rows.size() - 1 || !rows.get(i + 1)[0].equals(row[0])) {
                batches.add(batch(group, (Long) row[0], (Long) row[1], records));
                records = new ArrayList<>();
            }
        }
        return batches;
    }

    /**
     * @param group the group version whose record schema the table has
     * @param number the batch's number
     * @param writeMicros its write time in epoch microseconds
     * @param records its records, their values in the order of the version's features
     * @return the batch as memory keeps it
     */
    static RecordBatch batch(FeatureGroup group, long number, long writeMicros, List<PendingRecord> records) {
        RowBuilder table = Table.rowBuilder(group.recordSchema());
        Object[] row = new Object[group.features().size() + 2];
        for (PendingRecord record : records) {
            row[0] = record.entity();
            row[1] = EpochMicros.instant(record.eventMicros());
            System.arraycopy(record.values(), 0, row, 2, record.values().length);
            table.addRow(row);
        }
        return new RecordBatch(number, EpochMicros.instant(writeMicros), table.build());
    }

    /**
     * Deletes a group's records that no read at or after a cutoff can return: per entity, those
     * with an event time before the cutoff of which a later record (a later event time, or the
     * same one written later) also lies at or before the cutoff. The newest record at or before
     * the cutoff stays, so as-of reads and joins at or after the cutoff (with the latest
     * knowledge) return what they returned before. Counts the deletion in {@code features_state}
     * when it removed records, so that other stores reload the group.
     *
     * @param sql the write transaction
     * @param group a group's name
     * @param cutoff the event time before which superseded records go, in epoch microseconds
     * @return how many were deleted
     * @throws SQLException if the delete fails
     */
    static long deleteSuperseded(Sql sql, String group, long cutoff) throws SQLException {
        long deleted = sql.update("DELETE FROM features_records WHERE group_name = ? AND event_time < ? AND EXISTS ("
                + "SELECT 1 FROM features_records later WHERE later.group_name = features_records.group_name "
                + "AND later.entity = features_records.entity AND later.event_time <= ? "
                + "AND (later.event_time > features_records.event_time "
                + "OR (later.event_time = features_records.event_time AND (later.batch > features_records.batch "
                + "OR (later.batch = features_records.batch AND later.seq > features_records.seq)))))", group, cutoff,
                cutoff);
        if (deleted > 0) {
            sql.update("UPDATE features_state SET retentions = retentions + 1 WHERE id = 1");
        }
        return deleted;
    }
}
