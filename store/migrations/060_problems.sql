-- Problems (问题清单) get their workflow: co-organisations, a note for the
-- reason of the latest reassignment or extension, who raised it, when it
-- went up to the leader and when it was solved. Leaders' instructions
-- (批示) are governed records; notifications, webhook deliveries and job
-- leases are working state, not audited (like sessions).
ALTER TABLE problems ADD COLUMN co_orgs TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN raised_by TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN escalated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN escalated_to BIGINT NOT NULL DEFAULT 0;
ALTER TABLE problems ADD COLUMN resolved_at TEXT NOT NULL DEFAULT '';
CREATE INDEX problems_owner ON problems(owner_org_id, status);
CREATE INDEX problems_pending ON problems(status, due);

-- Co-organisations as rows, so "assigned to my organisation" is a join;
-- problems.co_orgs keeps their codes for the audit trail.
CREATE TABLE problem_co_orgs (
    id {{.ID}},
    problem_id BIGINT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    UNIQUE (problem_id, org_id)
);
CREATE INDEX problem_co_orgs_org ON problem_co_orgs(org_id);

CREATE TABLE problem_instructions (
    id {{.ID}},
    problem_id BIGINT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    leader_id BIGINT NOT NULL REFERENCES users(id),
    text TEXT NOT NULL,
    acked_at TEXT NOT NULL DEFAULT '',
    acked_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX problem_instructions_problem ON problem_instructions(problem_id);

-- dedupe makes a scheduled reminder land once however many servers sweep.
CREATE TABLE notifications (
    id {{.ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id BIGINT NOT NULL DEFAULT 0,
    subject TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    dedupe TEXT,
    created_at TEXT NOT NULL,
    read_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX notifications_dedupe ON notifications(dedupe);
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);

CREATE TABLE webhook_deliveries (
    id {{.ID}},
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    dedupe TEXT,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at TEXT NOT NULL,
    claimed_by TEXT NOT NULL DEFAULT '',
    claimed_until TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    done_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX webhook_deliveries_dedupe ON webhook_deliveries(dedupe);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_at);

CREATE TABLE webhook_attempts (
    id {{.ID}},
    delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    url TEXT NOT NULL,
    status_code INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT '',
    millis INTEGER NOT NULL DEFAULT 0,
    server TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id);

CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TEXT NOT NULL
);

-- The outbound webhook, set by the campaign office. Governed: the audit
-- trail keeps the secret's hash, never the secret.
CREATE TABLE webhook_config (
    id {{.ID}},
    url TEXT NOT NULL DEFAULT '',
    secret TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
