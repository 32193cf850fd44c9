-- Resolutions followed up. A vote may be a resolution: once it passes it
-- becomes a resolution with the bodies that carry it out (一府一委两院)
-- and their report-back dates.
ALTER TABLE congress_votes ADD COLUMN kind TEXT NOT NULL DEFAULT '';

CREATE TABLE congress_resolutions (
    id {{.ID}},
    congress_id BIGINT NOT NULL REFERENCES congresses(id),
    vote_id BIGINT NOT NULL UNIQUE REFERENCES congress_votes(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL DEFAULT 0,
    passed_on TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One report-back owed by one body on one date.
CREATE TABLE congress_followups (
    id {{.ID}},
    resolution_id BIGINT NOT NULL REFERENCES congress_resolutions(id),
    body TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL,
    report TEXT NOT NULL DEFAULT '',
    reported_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (resolution_id, body, due)
);
