-- Deputies' liaison stations (代表联络站): their deputies and visiting
-- leaders, the leaders' monthly visits, and the public's problems received
-- there, followed to their return visit and archive.
CREATE TABLE stations (
    id {{.ID}},
    name TEXT NOT NULL UNIQUE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    address TEXT NOT NULL DEFAULT '',
    reception_day INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE station_deputies (
    id {{.ID}},
    station_id BIGINT NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
    deputy_id BIGINT NOT NULL REFERENCES congress_deputies(id),
    UNIQUE (station_id, deputy_id)
);
CREATE INDEX station_deputies_deputy ON station_deputies(deputy_id);

CREATE TABLE station_leaders (
    id {{.ID}},
    station_id BIGINT NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    UNIQUE (station_id, user_id)
);

CREATE TABLE station_visits (
    id {{.ID}},
    station_id BIGINT NOT NULL REFERENCES stations(id),
    leader_id BIGINT NOT NULL REFERENCES users(id),
    month TEXT NOT NULL,
    scheduled_on TEXT NOT NULL DEFAULT '',
    visited_on TEXT NOT NULL DEFAULT '',
    people INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX station_visits_station ON station_visits(station_id, month);

CREATE TABLE station_problems (
    id {{.ID}},
    station_id BIGINT NOT NULL REFERENCES stations(id),
    visitor TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    deputy_id BIGINT REFERENCES congress_deputies(id),
    registered_on TEXT NOT NULL,
    org_id BIGINT REFERENCES orgs(id),
    status TEXT NOT NULL,
    chases INTEGER NOT NULL DEFAULT 0,
    last_chased TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT '',
    answered_on TEXT NOT NULL DEFAULT '',
    return_visit TEXT NOT NULL DEFAULT '',
    solved INTEGER NOT NULL DEFAULT 0,
    project_id BIGINT REFERENCES projects(id),
    campaign_problem_id BIGINT REFERENCES problems(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX station_problems_station ON station_problems(station_id, status);
CREATE INDEX station_problems_org ON station_problems(org_id, status);
