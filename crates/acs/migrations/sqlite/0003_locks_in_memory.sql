-- One ACS process owns an SQLite file (it holds a lock file beside it), so session locks moved
-- into that process's memory, and the end-of-session write reads the previous digest itself
-- (see store/sqlite/save.rs) instead of keeping it in a column.
DROP TABLE session_locks;
ALTER TABLE devices DROP COLUMN prev_digest;
