-- The end-of-session write became one batch of statements (see store/sqlite/save.rs). The
-- device upsert now keeps the row's params_digest before the save here, NULL when the save
-- created the row, so the statements after it can tell a new device (write its tags) and a
-- changed value index (rewrite it) without reading first.
ALTER TABLE devices ADD COLUMN prev_digest INTEGER;
