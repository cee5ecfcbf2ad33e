-- DatabaseContract's sample schema, version 1: one table with a column of every placeholder type
CREATE TABLE contract_items (
    id ${bigint} PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    score ${double},
    payload ${blob}
);
