-- Classifications (产业链, 特色专业镇, any list the campaign office keeps):
-- lists and their entries are governed records; a project's entries are
-- rows of project_classes, changed with the project and audited as
-- events (a project removed takes its rows along).
CREATE TABLE class_lists (
    id {{.ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    headers TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

CREATE TABLE class_entries (
    id {{.ID}},
    list_id BIGINT NOT NULL REFERENCES class_lists(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (list_id, name)
);

CREATE TABLE project_classes (
    id {{.ID}},
    project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    entry_id BIGINT NOT NULL REFERENCES class_entries(id),
    UNIQUE (project_id, entry_id)
);
CREATE INDEX project_classes_entry ON project_classes(entry_id);
