-- Supervision orders (督办单). Numbers 督办〔year〕N号 come from
-- order_numbers, one row per year bumped inside the issuing transaction,
-- so two offices issuing at once never get the same number.
CREATE TABLE order_numbers (
    id {{.ID}},
    year INTEGER NOT NULL UNIQUE,
    last INTEGER NOT NULL
);

CREATE TABLE orders (
    id {{.ID}},
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    -- What the order is about; plain ids (no cascade), so removing a
    -- project never rewrites an issued document behind the audit trail.
    project_id BIGINT,
    problem_id BIGINT,
    task_id BIGINT,
    text TEXT NOT NULL,
    reply_by TEXT NOT NULL,
    status TEXT NOT NULL,
    reply TEXT NOT NULL DEFAULT '',
    replied_by TEXT NOT NULL DEFAULT '',
    replied_on TEXT NOT NULL DEFAULT '',
    first_replied_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    issued_by TEXT NOT NULL,
    issuer_role TEXT NOT NULL,
    issuer_org_id BIGINT NOT NULL REFERENCES orgs(id),
    closed_on TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, seq)
);
CREATE INDEX orders_org ON orders(org_id, status);
CREATE INDEX orders_project ON orders(project_id);
