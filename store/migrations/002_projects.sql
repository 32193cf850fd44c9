-- The annual plan's projects and their monthly reports.
CREATE TABLE projects (
    id {{.ID}},
    year INTEGER NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    lead_org_id BIGINT NOT NULL REFERENCES orgs(id),
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    sector TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL DEFAULT '',
    total_investment BIGINT NOT NULL DEFAULT 0,
    annual_plan BIGINT NOT NULL DEFAULT 0,
    planned_start TEXT NOT NULL DEFAULT '',
    planned_end TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL DEFAULT '',
    leader TEXT NOT NULL DEFAULT '',
    team TEXT NOT NULL DEFAULT '[]',
    target TEXT NOT NULL DEFAULT '{}',
    in_stats INTEGER NOT NULL DEFAULT 0,
    contact TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX projects_year_code ON projects(year, code) WHERE code <> '';
-- The registry's totals line (count and sums of a filtered year) is read
-- from these indexes alone, without visiting the table.
CREATE INDEX projects_year_org ON projects(year, org_id, lead_org_id, kind, stage, total_investment, annual_plan);
CREATE INDEX projects_year_lead ON projects(year, lead_org_id, org_id, kind, total_investment, annual_plan);
-- Search by name, code or owner scans this narrow index, not the wide rows.
CREATE INDEX projects_year_name ON projects(year, name, code, owner, total_investment, annual_plan);

CREATE TABLE reports (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    completed BIGINT NOT NULL DEFAULT 0,
    progress TEXT NOT NULL DEFAULT '',
    started_on TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    return_reason TEXT NOT NULL DEFAULT '',
    late INTEGER NOT NULL DEFAULT 0,
    reopened INTEGER NOT NULL DEFAULT 0,
    submitted_at TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (project_id, year, month)
);
-- Covers the dispatch query (a year's months 1..N summed per project)
-- without touching the table, in project order so GROUP BY streams.
CREATE INDEX reports_dispatch ON reports(year, project_id, month, status, completed, started_on);
-- The latest reported month of a year (the dispatch's default) in a seek.
CREATE INDEX reports_latest ON reports(year, status, month);

CREATE TABLE photos (
    id {{.ID}},
    report_id BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (report_id, sha256)
);
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    data {{.Blob}} NOT NULL
);

CREATE TABLE problems (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    category TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    owner_org_id BIGINT REFERENCES orgs(id),
    due TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    resolution TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX problems_project ON problems(project_id);
