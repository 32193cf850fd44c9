-- Motions (议案) and their signatures: one row per deputy and motion, so a
-- deputy signs once.
CREATE TABLE congress_motions (
    id {{.ID}},
    congress_id BIGINT NOT NULL REFERENCES congresses(id),
    title TEXT NOT NULL,
    reason TEXT NOT NULL,
    basis TEXT NOT NULL,
    solution TEXT NOT NULL,
    proposer TEXT NOT NULL,
    status TEXT NOT NULL,
    review TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE congress_motion_signers (
    motion_id BIGINT NOT NULL REFERENCES congress_motions(id),
    deputy_id BIGINT NOT NULL REFERENCES congress_deputies(id),
    seq INTEGER NOT NULL,
    PRIMARY KEY (motion_id, deputy_id)
);
