-- Motions reviewed: the session's deadline for motions, the review
-- committee's checks and recommendation, its report voted by the
-- presidium, and the hand-over of converted motions to the suggestions.
ALTER TABLE congresses ADD COLUMN motion_deadline TEXT NOT NULL DEFAULT '';
ALTER TABLE congress_motions ADD COLUMN delegation TEXT NOT NULL DEFAULT '';
ALTER TABLE congress_motions ADD COLUMN submitted_on TEXT NOT NULL DEFAULT '';
ALTER TABLE congress_motions ADD COLUMN signers_ok INTEGER NOT NULL DEFAULT 0;
ALTER TABLE congress_motions ADD COLUMN content_ok INTEGER NOT NULL DEFAULT 0;
ALTER TABLE congress_motions ADD COLUMN timing_ok INTEGER NOT NULL DEFAULT 0;
ALTER TABLE congress_motions ADD COLUMN recommend TEXT NOT NULL DEFAULT '';
ALTER TABLE congress_motions ADD COLUMN report_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE congress_motions ADD COLUMN suggestion_ref TEXT NOT NULL DEFAULT '';
-- desk: signed on paper at the congress office's desk; self: on the
-- deputy's own device.
ALTER TABLE congress_motion_signers ADD COLUMN via TEXT NOT NULL DEFAULT 'self';

-- The review committee's report on a batch of reviewed motions, and the
-- presidium vote that adopts it.
CREATE TABLE congress_motion_reports (
    id {{.ID}},
    congress_id BIGINT NOT NULL REFERENCES congresses(id),
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    vote_id BIGINT NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
