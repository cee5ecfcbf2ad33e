CREATE TABLE sample_items (
    id ${bigint} PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    score ${double},
    payload ${blob}
);
