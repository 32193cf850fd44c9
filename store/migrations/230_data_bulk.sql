-- SQLite: a bulk write of reports (a city's or a province's 调度表, tens of
-- thousands of rows in one transaction) paid the change log's two writes
-- per row — the version bumped and a data_changes row upserted — only for
-- every reader to read the year whole afterwards anyway. PostgreSQL's
-- trigger (175) already logs "everything" (kind 0) past 500 rows. Here a
-- bulk writer puts the one row of data_bulk in place inside its own
-- transaction (so nobody else ever sees it), the reports' row triggers
-- skip while it is there, and the writer removes it and logs kind 0 under
-- one new version before it returns (store.Tx.SaveReports).
CREATE TABLE data_bulk (
    id SMALLINT PRIMARY KEY CHECK (id = 1)
);
{{if eq .Dialect "postgres"}}
SELECT 1;
{{else}}
DROP TRIGGER reports_data_version_i;
DROP TRIGGER reports_data_version_u;
DROP TRIGGER reports_data_version_d;
CREATE TRIGGER reports_data_version_i AFTER INSERT ON reports WHEN NOT EXISTS (SELECT 1 FROM data_bulk) BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT INTO data_changes (kind, project_id, version) SELECT 1, NEW.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; END;
CREATE TRIGGER reports_data_version_u AFTER UPDATE ON reports WHEN NOT EXISTS (SELECT 1 FROM data_bulk) BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT INTO data_changes (kind, project_id, version) SELECT 1, OLD.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; INSERT INTO data_changes (kind, project_id, version) SELECT 1, NEW.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; END;
CREATE TRIGGER reports_data_version_d AFTER DELETE ON reports WHEN NOT EXISTS (SELECT 1 FROM data_bulk) BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT INTO data_changes (kind, project_id, version) SELECT 1, OLD.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; END;
{{end}}
