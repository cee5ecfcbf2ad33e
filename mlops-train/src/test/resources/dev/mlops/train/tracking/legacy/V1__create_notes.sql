-- A test owner's schema, version 1 (TrackingFaultsTest: a store written by an older release).
CREATE TABLE legacy_notes (
    id ${bigint} PRIMARY KEY,
    body TEXT NOT NULL
);
