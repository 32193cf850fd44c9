-- The bodies of a congress session beside the presidium: its executive
-- chairs (执行主席, drawn from the presidium) and the motions review
-- committee (议案审查委员会). One row per deputy and body; role is the
-- member's place in the body (chair, vice_chair, member).
CREATE TABLE congress_body_members (
    id {{.ID}},
    congress_id BIGINT NOT NULL REFERENCES congresses(id),
    body TEXT NOT NULL,
    deputy_id BIGINT NOT NULL REFERENCES congress_deputies(id),
    role TEXT NOT NULL DEFAULT 'member',
    seq INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (congress_id, body, deputy_id)
);
