-- Targets (分解下达): the campaign's own target for a year (org_id 0) and
-- each county's or department's assigned target. org_id 0 stands for the
-- campaign, so it carries no foreign key; app/ checks every other org_id
-- against the organisations. Amounts in hundredths of 万元, like projects.
CREATE TABLE targets (
    id {{.ID}},
    year INTEGER NOT NULL,
    org_id BIGINT NOT NULL DEFAULT 0,
    projects INTEGER NOT NULL DEFAULT 0,
    annual_plan BIGINT NOT NULL DEFAULT 0,
    new_starts INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    UNIQUE (year, org_id)
);
