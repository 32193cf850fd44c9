-- A congress (届) meets in sessions (次会议): each meeting belongs to one,
-- by its number within the congress (the seed's closing plenary and the
-- presidium's third meeting are of the third session). Meetings set up
-- before sessions were recorded are of the first.
ALTER TABLE congress_meetings ADD COLUMN session INTEGER NOT NULL DEFAULT 1;
CREATE INDEX congress_meetings_session ON congress_meetings(congress_id, session);
