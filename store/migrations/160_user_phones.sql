-- Users' mobile phones (issue 15.14): personal data, kept apart from the
-- users table so that no query that lists users for others can carry them;
-- only the administrators' user list reads this table.
CREATE TABLE user_phones (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    phone TEXT NOT NULL
);
