-- The reserve pool (谋划储备) and promotion to private capital (推介).
-- The office's maturity checklist; empty until it configures one (the
-- domain's default checklist applies until then).
CREATE TABLE pipeline_items (
    id {{.ID}},
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    weight INTEGER NOT NULL,
    mandatory INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

-- A project's state of each checklist item, keyed by the item's key so a
-- reconfigured checklist keeps the marks of the items it still has.
CREATE TABLE pipeline_checks (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    done_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    UNIQUE (project_id, item_key)
);

-- The consulting agency packaging a reserve project and the office's
-- manual funding-channel marks (JSON: {"special_bonds":"fit"}).
CREATE TABLE pipeline_reserves (
    id {{.ID}},
    project_id BIGINT NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
    agency TEXT NOT NULL DEFAULT '',
    channels TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

-- A project published for private capital. office_phone is a landline;
-- the domain refuses mobile numbers.
CREATE TABLE promotions (
    id {{.ID}},
    project_id BIGINT NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
    published INTEGER NOT NULL DEFAULT 0,
    investment BIGINT NOT NULL DEFAULT 0,
    return_model TEXT NOT NULL DEFAULT '',
    cooperation TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    office_phone TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    published_at TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX promotions_published ON promotions(published, project_id);

-- Investors' expressions of interest: personal data, never public.
-- client_key is the throttling key of the public form's sender (a hash,
-- not the address).
CREATE TABLE promotion_interests (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    company TEXT NOT NULL,
    person TEXT NOT NULL,
    phone TEXT NOT NULL,
    intent TEXT NOT NULL,
    source TEXT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    client_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX promotion_interests_project ON promotion_interests(project_id, id);
CREATE INDEX promotion_interests_client ON promotion_interests(client_key, created_at);
