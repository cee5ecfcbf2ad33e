-- Tracking, version 1: experiments, runs and what each run logged. Times are epoch milliseconds (UTC).
CREATE TABLE train_experiments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at ${bigint} NOT NULL
);

CREATE TABLE train_runs (
    id TEXT PRIMARY KEY,
    experiment_id TEXT NOT NULL REFERENCES train_experiments (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    start_time ${bigint} NOT NULL,
    end_time ${bigint},
    seed ${bigint},
    code_version TEXT,
    user_name TEXT NOT NULL,
    owner_host TEXT NOT NULL,
    owner_pid ${bigint} NOT NULL,
    owner_started ${bigint} NOT NULL
);
CREATE INDEX train_runs_experiment ON train_runs (experiment_id, start_time);
CREATE INDEX train_runs_status ON train_runs (status);

-- a run's parameters, written once
CREATE TABLE train_params (
    run_id TEXT NOT NULL REFERENCES train_runs (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX train_params_key_value ON train_params (key, value);

-- every logged metric point; SQLite keeps NaN as NULL, so is_nan says which NULL was a NaN
CREATE TABLE train_metrics (
    run_id TEXT NOT NULL REFERENCES train_runs (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    step ${bigint} NOT NULL,
    logged_at ${bigint} NOT NULL,
    value ${double},
    is_nan INTEGER NOT NULL
);
CREATE INDEX train_metrics_run_key ON train_metrics (run_id, key, step);

-- the latest point of each metric of a run (highest step, then latest time), kept for queries and sorting
CREATE TABLE train_latest_metrics (
    run_id TEXT NOT NULL REFERENCES train_runs (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    step ${bigint} NOT NULL,
    logged_at ${bigint} NOT NULL,
    value ${double},
    is_nan INTEGER NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX train_latest_metrics_key_value ON train_latest_metrics (key, value);

CREATE TABLE train_tags (
    run_id TEXT NOT NULL REFERENCES train_runs (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE INDEX train_tags_key_value ON train_tags (key, value);

-- lineage inputs (dev.mlops.core.lineage.LineageInput), in the order the run added them
CREATE TABLE train_inputs (
    run_id TEXT NOT NULL REFERENCES train_runs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    version TEXT,
    fingerprint TEXT,
    window_start ${bigint},
    window_end ${bigint},
    PRIMARY KEY (run_id, position)
);

-- artifacts by path within the run, each a content hash in the artifact store
CREATE TABLE train_artifacts (
    run_id TEXT NOT NULL REFERENCES train_runs (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size ${bigint} NOT NULL,
    PRIMARY KEY (run_id, path)
);
CREATE INDEX train_artifacts_sha256 ON train_artifacts (sha256);
