-- Batch starts (集中开工): dated events in a county's (or the city's)
-- name grouping projects that start together. A project joins at most one
-- event. applied says the event set the project's start date (see
-- qianxiang.StartOnJoin); prior_stage is the stage it had before, put back
-- if it leaves the event still on the event's date.
CREATE TABLE batch_starts (
    id {{.ID}},
    year INTEGER NOT NULL,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    leader TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX batch_starts_year ON batch_starts(year, held_on);

CREATE TABLE batch_start_projects (
    id {{.ID}},
    batch_id BIGINT NOT NULL REFERENCES batch_starts(id),
    project_id BIGINT NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
    applied INTEGER NOT NULL DEFAULT 0,
    prior_stage TEXT NOT NULL DEFAULT ''
);
CREATE INDEX batch_start_projects_batch ON batch_start_projects(batch_id);
