-- Workbooks uploaded on the import page, kept between the preview (a dry
-- run) and the confirmation so the file is not sent twice. They live in the
-- database, not on one server's disk, so that any instance behind a shared
-- PostgreSQL can take the confirmation. Each belongs to the user who sent
-- it and expires; nothing here is audited or backed up (like sessions).
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    filename TEXT NOT NULL,
    year INTEGER NOT NULL,
    update_existing INTEGER NOT NULL DEFAULT 0,
    size BIGINT NOT NULL,
    data {{.Blob}} NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX uploads_expires ON uploads(expires_at);
