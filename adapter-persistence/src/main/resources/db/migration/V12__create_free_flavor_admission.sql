-- One row per free flavor, locked by every write that may take one of its places (a creation, a start, a queue's
-- head let in) for the length of its transaction, on every server sharing the database. The admission counts the
-- places and writes while it holds the row, so two admissions never count the same free place. The row is created
-- by the first admission of its flavor.
CREATE TABLE free_flavor_admission (
    flavor text NOT NULL,
    CONSTRAINT free_flavor_admission_pk PRIMARY KEY (flavor)
);
