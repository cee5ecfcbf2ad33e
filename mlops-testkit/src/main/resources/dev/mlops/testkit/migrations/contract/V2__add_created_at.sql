-- version 2: a column and an index added to a table that already holds rows
ALTER TABLE contract_items ADD COLUMN created_at ${bigint};
CREATE INDEX contract_items_created_at ON contract_items (created_at);
