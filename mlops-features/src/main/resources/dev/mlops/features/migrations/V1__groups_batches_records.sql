-- Feature store, version 1: group definitions, ingestion batches and their records.
-- Times are epoch MICROseconds (UTC): write times must order every batch, and event times keep
-- the microseconds an ingested timestamp has.

-- one row: the last batch number and write time given out; every ingestion updates it first,
-- which serialises writers (the row lock) so batch numbers and write times strictly increase
CREATE TABLE features_state (
    id INTEGER PRIMARY KEY,
    last_batch ${bigint} NOT NULL,
    last_write ${bigint} NOT NULL
);
INSERT INTO features_state (id, last_batch, last_write) VALUES (1, 0, 0);

-- each version of each group: the versioned JSON document (kind feature-group)
CREATE TABLE features_groups (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    defined_at ${bigint} NOT NULL,
    PRIMARY KEY (name, version)
);

-- one ingestion: one transaction, one write time
CREATE TABLE features_batches (
    batch ${bigint} PRIMARY KEY,
    group_name TEXT NOT NULL,
    group_version INTEGER NOT NULL,
    write_time ${bigint} NOT NULL,
    source TEXT NOT NULL,
    record_count ${bigint} NOT NULL
);
CREATE INDEX features_batches_group ON features_batches (group_name, batch);

-- the records, append-only (retention deletes superseded ones); record_values is a JSON array of
-- the values in the order of the batch's group version
CREATE TABLE features_records (
    batch ${bigint} NOT NULL REFERENCES features_batches (batch),
    seq INTEGER NOT NULL,
    group_name TEXT NOT NULL,
    entity TEXT NOT NULL,
    event_time ${bigint} NOT NULL,
    record_values TEXT NOT NULL,
    PRIMARY KEY (batch, seq)
);
CREATE INDEX features_records_entity ON features_records (group_name, entity, event_time);
