-- The monthly assessment (奖惩): the campaign office's weights for a year,
-- in whole points adding up to 100 (checked by the domain), and the size
-- of the 红榜 and 黑榜. Monthly scores are not stored: they are computed
-- from the reports, problems and projects, which are stored and audited.
CREATE TABLE assessment_weights (
    id {{.ID}},
    year INTEGER NOT NULL UNIQUE,
    completion INTEGER NOT NULL,
    start_rate INTEGER NOT NULL,
    target_rate INTEGER NOT NULL,
    entry_rate INTEGER NOT NULL,
    problems_on_time INTEGER NOT NULL,
    reports_on_time INTEGER NOT NULL,
    board_size INTEGER NOT NULL DEFAULT 3,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
