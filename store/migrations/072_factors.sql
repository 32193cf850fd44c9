-- Factor guarantee (要素保障) per project: approvals with 容缺 promises,
-- land needs, funding needs and bank matchmaking. Areas are hundredths of
-- a 亩 and amounts hundredths of 万元, both exact integers.
CREATE TABLE approvals (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    started_on TEXT NOT NULL DEFAULT '',
    approved_on TEXT NOT NULL DEFAULT '',
    doc TEXT NOT NULL DEFAULT '',
    promised_by TEXT NOT NULL DEFAULT '',
    problem_id BIGINT NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX approvals_project ON approvals(project_id);
-- The sweep for missed 容缺 promises reads only these rows.
CREATE INDEX approvals_promised ON approvals(state, problem_id, promised_by);

CREATE TABLE land_needs (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    area BIGINT NOT NULL,
    source TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX land_needs_project ON land_needs(project_id);

CREATE TABLE funding_needs (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    amount BIGINT NOT NULL,
    type TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX funding_needs_project ON funding_needs(project_id);

CREATE TABLE bank_matches (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    held_on TEXT NOT NULL DEFAULT '',
    bank TEXT NOT NULL,
    intended BIGINT NOT NULL DEFAULT 0,
    signed BIGINT NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX bank_matches_project ON bank_matches(project_id);
