-- Deputies' suggestions and members' proposals (module 7) and the
-- working-day calendar their deadlines are counted on. One row per year of
-- the calendar; days as comma-separated YYYY-MM-DD lists.
CREATE TABLE work_calendars (
    id {{.ID}},
    year INTEGER NOT NULL UNIQUE,
    holidays TEXT NOT NULL DEFAULT '',
    workdays TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

CREATE TABLE suggestions (
    id {{.ID}},
    kind TEXT NOT NULL,
    number INTEGER NOT NULL,
    congress_id BIGINT REFERENCES congresses(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    from_motion_id BIGINT REFERENCES congress_motions(id),
    classified INTEGER NOT NULL DEFAULT 0,
    project_id BIGINT REFERENCES projects(id),
    status TEXT NOT NULL,
    lead_org_id BIGINT REFERENCES orgs(id),
    co_orgs TEXT NOT NULL DEFAULT '',
    assigned_on TEXT NOT NULL DEFAULT '',
    return_by TEXT NOT NULL DEFAULT '',
    co_view_due TEXT NOT NULL DEFAULT '',
    answer_due TEXT NOT NULL DEFAULT '',
    extension TEXT NOT NULL DEFAULT '',
    round INTEGER NOT NULL DEFAULT 0,
    rating TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    merged_into BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, number)
);
CREATE UNIQUE INDEX suggestions_motion ON suggestions(from_motion_id);
CREATE INDEX suggestions_lead ON suggestions(lead_org_id, status);
CREATE INDEX suggestions_project ON suggestions(project_id);

-- The co-units as rows, so "assigned to my organisation" is a join.
CREATE TABLE suggestion_co_orgs (
    id {{.ID}},
    suggestion_id BIGINT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    UNIQUE (suggestion_id, org_id)
);
CREATE INDEX suggestion_co_orgs_org ON suggestion_co_orgs(org_id);

-- Signers with their rating of the current round's answer.
CREATE TABLE suggestion_signers (
    id {{.ID}},
    suggestion_id BIGINT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
    deputy_id BIGINT NOT NULL REFERENCES congress_deputies(id),
    seq INTEGER NOT NULL,
    rating TEXT NOT NULL DEFAULT '',
    rated_on TEXT NOT NULL DEFAULT '',
    UNIQUE (suggestion_id, deputy_id)
);
CREATE INDEX suggestion_signers_deputy ON suggestion_signers(deputy_id);

-- Every answer of every round (办理复文), and every round's ratings, kept.
CREATE TABLE suggestion_answers (
    id {{.ID}},
    suggestion_id BIGINT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    class TEXT NOT NULL,
    text TEXT NOT NULL,
    answered_on TEXT NOT NULL,
    due TEXT NOT NULL,
    on_time INTEGER NOT NULL,
    by_user TEXT NOT NULL,
    UNIQUE (suggestion_id, round)
);

CREATE TABLE suggestion_ratings (
    id {{.ID}},
    suggestion_id BIGINT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    deputy_id BIGINT NOT NULL REFERENCES congress_deputies(id),
    rating TEXT NOT NULL,
    rated_on TEXT NOT NULL,
    UNIQUE (suggestion_id, round, deputy_id)
);

CREATE TABLE suggestion_views (
    id {{.ID}},
    suggestion_id BIGINT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    text TEXT NOT NULL,
    given_on TEXT NOT NULL,
    late INTEGER NOT NULL DEFAULT 0
);
