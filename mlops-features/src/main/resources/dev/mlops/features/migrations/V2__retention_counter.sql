-- Feature store, version 2: how many retention runs have deleted records; a store that finds it
-- changed reloads the groups it holds in memory, since deleted records are not new batches
ALTER TABLE features_state ADD COLUMN retentions ${bigint} NOT NULL DEFAULT 0;
