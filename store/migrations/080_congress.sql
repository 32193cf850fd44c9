-- The people's congress (module 6): congresses, deputies, meetings,
-- attendance and votes.
CREATE TABLE congresses (
    id {{.ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    quorum_num INTEGER NOT NULL DEFAULT 2,
    quorum_den INTEGER NOT NULL DEFAULT 3,
    majority_num INTEGER NOT NULL DEFAULT 1,
    majority_den INTEGER NOT NULL DEFAULT 2,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE congress_deputies (
    id {{.ID}},
    congress_id BIGINT NOT NULL REFERENCES congresses(id),
    seq INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    delegation TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT '',
    ethnicity TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    seat TEXT NOT NULL DEFAULT '',
    card TEXT NOT NULL,
    presidium INTEGER NOT NULL DEFAULT 0,
    user_id BIGINT REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (congress_id, card)
);
CREATE INDEX congress_deputies_user ON congress_deputies(user_id);

CREATE TABLE congress_meetings (
    id {{.ID}},
    congress_id BIGINT NOT NULL REFERENCES congresses(id),
    body TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    agenda TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One row per deputy and meeting: present (checked in) or on leave.
CREATE TABLE congress_attendance (
    id {{.ID}},
    meeting_id BIGINT NOT NULL REFERENCES congress_meetings(id),
    deputy_id BIGINT NOT NULL REFERENCES congress_deputies(id),
    status TEXT NOT NULL,
    via TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (meeting_id, deputy_id)
);

CREATE TABLE congress_votes (
    id {{.ID}},
    meeting_id BIGINT NOT NULL REFERENCES congress_meetings(id),
    title TEXT NOT NULL,
    anonymity TEXT NOT NULL,
    status TEXT NOT NULL,
    round INTEGER NOT NULL DEFAULT 1,
    members INTEGER NOT NULL DEFAULT 0,
    present INTEGER NOT NULL DEFAULT 0,
    threshold INTEGER NOT NULL DEFAULT 0,
    for_count INTEGER NOT NULL DEFAULT 0,
    against_count INTEGER NOT NULL DEFAULT 0,
    abstain_count INTEGER NOT NULL DEFAULT 0,
    not_voted INTEGER NOT NULL DEFAULT 0,
    passed INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT NOT NULL DEFAULT '',
    closed_at TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX congress_votes_meeting ON congress_votes(meeting_id);

-- Who voted: one row per deputy and vote, which the primary key makes the
-- database's rule (one deputy, one vote). There is no id and no time, and
-- on SQLite no rowid, so rows carry no order of arrival. choice is filled
-- only for a named vote; for an aggregate vote how a deputy voted is never
-- stored anywhere.
CREATE TABLE congress_ballots (
    vote_id BIGINT NOT NULL REFERENCES congress_votes(id),
    deputy_id BIGINT NOT NULL REFERENCES congress_deputies(id),
    choice TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (vote_id, deputy_id)
) {{.WithoutRowID}};

-- The running count of an open vote: one row updated in place by every
-- ballot, in the ballot's transaction, deleted when the vote closes (the
-- result moves to congress_votes). Its lock orders ballots against the
-- close. Never backed up.
CREATE TABLE congress_tallies (
    vote_id BIGINT PRIMARY KEY REFERENCES congress_votes(id),
    for_count INTEGER NOT NULL DEFAULT 0,
    against_count INTEGER NOT NULL DEFAULT 0,
    abstain_count INTEGER NOT NULL DEFAULT 0
) {{.WithoutRowID}};
