-- Projects are public unless the campaign office marks them confidential
-- (domain.md, "Public data"); confidential ones never leave the platform.
ALTER TABLE projects ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0;
