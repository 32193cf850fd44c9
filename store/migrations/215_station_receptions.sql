-- Reception days (接待日) as scheduled entries with their record: one a
-- station and month, on the station's day moved to a working day; held on,
-- deputies on duty (cards, comma-separated), people received. A problem
-- registered at a reception points to it.
CREATE TABLE station_receptions (
    id {{.ID}},
    station_id BIGINT NOT NULL REFERENCES stations(id),
    month TEXT NOT NULL,
    scheduled_on TEXT NOT NULL,
    held_on TEXT NOT NULL DEFAULT '',
    people INTEGER NOT NULL DEFAULT 0,
    on_duty TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (station_id, month)
);

ALTER TABLE station_problems ADD COLUMN reception_id BIGINT REFERENCES station_receptions(id);
CREATE INDEX station_problems_reception ON station_problems(reception_id);
