-- Statistics entry (项目入库): one entry per project with its workflow
-- (建设单位报送 → 主管部门审核 → 统计部门验收), the history of its steps,
-- the vouchers and on-site verification photos kept for it (bytes in
-- blobs, keyed by SHA-256), and the on-site verification records. All are
-- governed: every change is audited.
CREATE TABLE stat_entries (
    id {{.ID}},
    project_id BIGINT NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'none',
    return_reason TEXT NOT NULL DEFAULT '',
    returned_by TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL DEFAULT '',
    accepted_at TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stat_entries_status ON stat_entries(status);

CREATE TABLE stat_entry_steps (
    id {{.ID}},
    entry_id BIGINT NOT NULL REFERENCES stat_entries(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX stat_entry_steps_entry ON stat_entry_steps(entry_id, id);

CREATE TABLE stat_verifications (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    visited_on TEXT NOT NULL,
    people TEXT NOT NULL,
    findings TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX stat_verifications_project ON stat_verifications(project_id, visited_on);

-- kind is the voucher kind, '' for a verification photo (verification_id
-- then names its record; 0 for a voucher).
CREATE TABLE stat_files (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT '',
    verification_id BIGINT NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    uploaded_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (project_id, kind, verification_id, sha256)
);
CREATE INDEX stat_files_sha ON stat_files(sha256);
