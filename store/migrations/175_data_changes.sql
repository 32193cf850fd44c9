-- The change log behind the incremental dispatch (app/dispatch_inputs.go):
-- data_changes holds, per project, the data version of the last committed
-- change to its reports, and under project_id 0 the version of the last
-- change to anything else that feeds the dispatch (projects, settings,
-- targets, organisations, statistics entries, classes). A server that
-- holds a year's inputs at version v0 reads the rows with version > v0:
-- row 0 among them means "read everything again"; otherwise it re-reads
-- the reports of the projects listed and nothing else. One row per
-- project at most, so the log needs no pruning: it is as big as the plan.
--
-- The rows are written by the same triggers, in the same transaction, as
-- the version itself (migration 170), so a reader that sees version v
-- sees every change row of every version up to v.
CREATE TABLE data_changes (
    project_id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
CREATE INDEX data_changes_version ON data_changes (version);
-- A database migrated with data already in it: everything is new to a
-- server that has nothing cached, and one that has is told to start over.
INSERT INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1;
{{if eq .Dialect "postgres"}}
-- PostgreSQL: the bump stays deferred to commit and once per transaction;
-- the new version is kept in a transaction-local setting so every later
-- row of the transaction logs its change under it. A transaction that
-- changes the reports of more than 500 projects (an import) logs the
-- "everything" row instead of one row per project: a reader re-reads it
-- all anyway, and the import pays 500 upserts, not 50,000.
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE v BIGINT; k INT; BEGIN v := NULLIF(current_setting('qianxiang.data_version_now', true), '')::BIGINT; IF v IS NULL THEN UPDATE data_version SET n = n + 1 WHERE id = 1 RETURNING n INTO v; PERFORM set_config('qianxiang.data_version_now', v::text, true); END IF; IF TG_TABLE_NAME <> 'reports' THEN INSERT INTO data_changes (project_id, version) VALUES (0, v) ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END IF; k := COALESCE(NULLIF(current_setting('qianxiang.data_changes_n', true), '')::INT, 0) + 1; PERFORM set_config('qianxiang.data_changes_n', k::text, true); IF k > 500 THEN IF k = 501 THEN INSERT INTO data_changes (project_id, version) VALUES (0, v) ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version; END IF; RETURN NULL; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO data_changes (project_id, version) VALUES (OLD.project_id, v) ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version; END IF; IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id) THEN INSERT INTO data_changes (project_id, version) VALUES (NEW.project_id, v) ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version; END IF; RETURN NULL; END $$;
{{else}}
-- SQLite: migration 170's row triggers are replaced by ones that bump the
-- version and log the change in one trigger body, in that order (SQLite
-- gives no order between two triggers of one event).
DROP TRIGGER projects_data_version_i;
DROP TRIGGER projects_data_version_u;
DROP TRIGGER projects_data_version_d;
DROP TRIGGER settings_data_version_i;
DROP TRIGGER settings_data_version_u;
DROP TRIGGER settings_data_version_d;
DROP TRIGGER targets_data_version_i;
DROP TRIGGER targets_data_version_u;
DROP TRIGGER targets_data_version_d;
DROP TRIGGER orgs_data_version_i;
DROP TRIGGER orgs_data_version_u;
DROP TRIGGER orgs_data_version_d;
DROP TRIGGER stat_entries_data_version_i;
DROP TRIGGER stat_entries_data_version_u;
DROP TRIGGER stat_entries_data_version_d;
DROP TRIGGER class_lists_data_version_i;
DROP TRIGGER class_lists_data_version_u;
DROP TRIGGER class_lists_data_version_d;
DROP TRIGGER class_entries_data_version_i;
DROP TRIGGER class_entries_data_version_u;
DROP TRIGGER class_entries_data_version_d;
DROP TRIGGER project_classes_data_version_i;
DROP TRIGGER project_classes_data_version_u;
DROP TRIGGER project_classes_data_version_d;
DROP TRIGGER reports_data_version_i;
DROP TRIGGER reports_data_version_u;
DROP TRIGGER reports_data_version_d;
CREATE TRIGGER projects_data_version_i AFTER INSERT ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER projects_data_version_u AFTER UPDATE ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER projects_data_version_d AFTER DELETE ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER settings_data_version_i AFTER INSERT ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER settings_data_version_u AFTER UPDATE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER settings_data_version_d AFTER DELETE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER targets_data_version_i AFTER INSERT ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER targets_data_version_u AFTER UPDATE ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER targets_data_version_d AFTER DELETE ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_i AFTER INSERT ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_u AFTER UPDATE ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_d AFTER DELETE ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_i AFTER INSERT ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_u AFTER UPDATE ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_d AFTER DELETE ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_i AFTER INSERT ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_u AFTER UPDATE ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_d AFTER DELETE ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_i AFTER INSERT ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_u AFTER UPDATE ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_d AFTER DELETE ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_i AFTER INSERT ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_u AFTER UPDATE ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_d AFTER DELETE ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER reports_data_version_i AFTER INSERT ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT NEW.project_id, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER reports_data_version_u AFTER UPDATE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT OLD.project_id, n FROM data_version WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT NEW.project_id, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER reports_data_version_d AFTER DELETE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (project_id, version) SELECT OLD.project_id, n FROM data_version WHERE id = 1; END;
{{end}}
