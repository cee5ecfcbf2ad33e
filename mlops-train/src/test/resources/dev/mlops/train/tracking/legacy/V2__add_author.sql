-- Version 2 adds a column with a default, so rows written by version 1 stay readable.
ALTER TABLE legacy_notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';
