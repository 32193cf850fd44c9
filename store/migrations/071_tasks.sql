-- The key-task ledger (重点任务台账): numbered lists of the city's
-- decisions, each task with a lead organisation, co-organisations and
-- monthly milestones (kept as JSON on the task, so one audited row holds
-- the whole decomposition), and each organisation's monthly progress.
CREATE TABLE task_lists (
    id {{.ID}},
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, title)
);

CREATE TABLE tasks (
    id {{.ID}},
    list_id BIGINT NOT NULL REFERENCES task_lists(id) ON DELETE CASCADE,
    no INTEGER NOT NULL,
    title TEXT NOT NULL,
    lead_org_id BIGINT NOT NULL REFERENCES orgs(id),
    co_orgs TEXT NOT NULL DEFAULT '[]',
    milestones TEXT NOT NULL DEFAULT '[]',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (list_id, no)
);

CREATE TABLE task_progress (
    id {{.ID}},
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    text TEXT NOT NULL,
    milestone_done INTEGER NOT NULL DEFAULT 0,
    reported_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (task_id, org_id, year, month)
);
