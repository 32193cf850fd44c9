-- SQLite: the reports' change-log triggers (175) recorded with INSERT OR
-- REPLACE, but a statement's own conflict policy overrides its triggers':
-- the bulk import's upsert (INSERT … ON CONFLICT DO UPDATE, store.Tx.SaveReports)
-- runs its UPDATE half as ABORT, so the trigger's second write of the same
-- (kind, project) failed as a UNIQUE violation and every re-import of a
-- month was refused. An upsert inside the trigger keeps its own clause
-- whatever the outer statement says. PostgreSQL's trigger (175) is plpgsql
-- with its own ON CONFLICT and needs nothing.
{{if eq .Dialect "postgres"}}
SELECT 1;
{{else}}
DROP TRIGGER reports_data_version_i;
DROP TRIGGER reports_data_version_u;
DROP TRIGGER reports_data_version_d;
CREATE TRIGGER reports_data_version_i AFTER INSERT ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT INTO data_changes (kind, project_id, version) SELECT 1, NEW.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; END;
CREATE TRIGGER reports_data_version_u AFTER UPDATE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT INTO data_changes (kind, project_id, version) SELECT 1, OLD.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; INSERT INTO data_changes (kind, project_id, version) SELECT 1, NEW.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; END;
CREATE TRIGGER reports_data_version_d AFTER DELETE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT INTO data_changes (kind, project_id, version) SELECT 1, OLD.project_id, n FROM data_version WHERE id = 1 ON CONFLICT (kind, project_id) DO UPDATE SET version = excluded.version; END;
{{end}}
