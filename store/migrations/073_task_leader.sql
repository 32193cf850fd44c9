-- The city leader responsible for a key task (责任领导 / 分管市领导), as the
-- ledger writes the name; NULL when the ledger names none. The desk
-- matches it to a leader user by display name or username, as it does a
-- project's 包联市领导.
ALTER TABLE tasks ADD COLUMN leader TEXT;
