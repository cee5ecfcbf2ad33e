-- Model registry, version 1: models, versions and what each version holds. Times are epoch milliseconds (UTC).
CREATE TABLE registry_models (
    name TEXT PRIMARY KEY,
    created_at ${bigint} NOT NULL,
    latest_version INTEGER NOT NULL,
    -- the version in production, or NULL; guarded by optimistic checks in every promotion
    production_version INTEGER
);

CREATE TABLE registry_versions (
    model TEXT NOT NULL REFERENCES registry_models (name),
    version INTEGER NOT NULL,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size ${bigint} NOT NULL,
    stage TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at ${bigint} NOT NULL,
    description TEXT NOT NULL,
    build_id TEXT,
    commit_id TEXT,
    data_fingerprint TEXT,
    run_id TEXT,
    split_name TEXT,
    split_fingerprint TEXT,
    gate_report TEXT,
    PRIMARY KEY (model, version)
);
CREATE INDEX registry_versions_sha256 ON registry_versions (sha256);

-- the components and settings that made a version
CREATE TABLE registry_provenance (
    model TEXT NOT NULL,
    version INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model, version, key),
    FOREIGN KEY (model, version) REFERENCES registry_versions (model, version)
);

CREATE TABLE registry_metrics (
    model TEXT NOT NULL,
    version INTEGER NOT NULL,
    key TEXT NOT NULL,
    value ${double} NOT NULL,
    PRIMARY KEY (model, version, key),
    FOREIGN KEY (model, version) REFERENCES registry_versions (model, version)
);

-- lineage inputs (dev.mlops.core.lineage.LineageInput), in the order given
CREATE TABLE registry_inputs (
    model TEXT NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    input_version TEXT,
    fingerprint TEXT,
    window_start ${bigint},
    window_end ${bigint},
    PRIMARY KEY (model, version, position),
    FOREIGN KEY (model, version) REFERENCES registry_versions (model, version)
);

CREATE TABLE registry_approvals (
    model TEXT NOT NULL,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    principal TEXT NOT NULL,
    approved_at ${bigint} NOT NULL,
    comment TEXT NOT NULL,
    by_author INTEGER NOT NULL,
    PRIMARY KEY (model, version, position),
    FOREIGN KEY (model, version) REFERENCES registry_versions (model, version)
);

-- every stage move, numbered per model; from_stage is NULL for the registration
CREATE TABLE registry_transitions (
    model TEXT NOT NULL REFERENCES registry_models (name),
    position INTEGER NOT NULL,
    version INTEGER NOT NULL,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    principal TEXT NOT NULL,
    moved_at ${bigint} NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (model, position),
    FOREIGN KEY (model, version) REFERENCES registry_versions (model, version)
);
