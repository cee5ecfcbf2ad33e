-- a second owner's schema, kept apart from the first's by its own history table
CREATE TABLE contract_other_notes (
    id ${bigint} PRIMARY KEY,
    body TEXT NOT NULL
);
