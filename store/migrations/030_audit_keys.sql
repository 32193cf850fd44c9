-- A keyed audit chain (issue 7): each entry names the key its HMAC was
-- made with (empty for the plain SHA-256 entries written before); tokens
-- and sessions carry an HMAC over what they grant, so a row planted with
-- SQL grants nothing. The keys live in a file outside the database.
ALTER TABLE audit_log ADD COLUMN kid TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN mac TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN mac TEXT NOT NULL DEFAULT '';
