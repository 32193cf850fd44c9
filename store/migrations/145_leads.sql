-- Investment-attraction leads (招大引强): one target, one leader and one
-- team each (一个项目、一个目标、一个领导、一个专班). Amounts in hundredths of
-- 万元, like projects. project_id links the registry project created at
-- 落地; it is unique, so a project comes from one lead at most and the
-- project finds its lead through it (the link read both ways).
CREATE TABLE leads (
    id {{.ID}},
    investor TEXT NOT NULL,
    origin_region TEXT NOT NULL,
    industry TEXT NOT NULL,
    intended BIGINT NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    county_id BIGINT NOT NULL REFERENCES orgs(id),
    target TEXT NOT NULL,
    leader_id BIGINT NOT NULL REFERENCES users(id),
    team TEXT NOT NULL DEFAULT '[]',
    stage TEXT NOT NULL DEFAULT 'talking',
    contract_amount BIGINT NOT NULL DEFAULT 0,
    contract_date TEXT NOT NULL DEFAULT '',
    project_id BIGINT REFERENCES projects(id),
    stage_since TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX leads_county ON leads(county_id, stage);
CREATE INDEX leads_leader ON leads(leader_id);
CREATE UNIQUE INDEX leads_project ON leads(project_id);

-- Every change of stage, with the reason of a move back: the lead's history.
CREATE TABLE lead_moves (
    id {{.ID}},
    lead_id BIGINT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
    from_stage TEXT NOT NULL DEFAULT '',
    to_stage TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    moved_by TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX lead_moves_lead ON lead_moves(lead_id, id);

-- News the campaign office writes for the public portal (宣传): plain text.
CREATE TABLE news (
    id {{.ID}},
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    news_date TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX news_public ON news(published, news_date);
