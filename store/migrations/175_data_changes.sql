-- The change log behind the incremental dispatch (app/dispatch_inputs.go).
-- data_changes holds, per (kind, project), the data version of its last
-- committed change:
--   kind 1, project p: a report of p was written or removed;
--   kind 2, project p: the project row p was (inserted, changed, deleted);
--   kind 3, project 0: a small input changed (organisations, settings,
--     targets, statistics entries, class lists and the projects' classes);
--   kind 0, project 0: anything, too much to list (an import).
-- A server that holds a year's inputs at version v0 reads the rows with
-- version > v0 and re-reads only what they name; kind 0 (or too many rows)
-- and it reads the year whole. One row per project and kind at most, so
-- the log needs no pruning: it is as big as the plan.
--
-- The rows are written by the data-version triggers, in the same
-- transaction and under the same version (migration 170), so a reader that
-- sees version v sees every change row up to v.
CREATE TABLE data_changes (
    kind SMALLINT NOT NULL,
    project_id BIGINT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (kind, project_id)
);
CREATE INDEX data_changes_version ON data_changes (version);
-- A database migrated with data in it: a server that has something cached
-- from before reads everything again.
INSERT INTO data_changes (kind, project_id, version) SELECT 0, 0, n FROM data_version WHERE id = 1;
{{if eq .Dialect "postgres"}}
-- PostgreSQL: the bump stays deferred to commit and once per transaction;
-- the new version is kept in a transaction-local setting so every later
-- row of the transaction logs its change under it. A transaction that
-- changes more than 500 report or project rows (an import) logs kind 0
-- instead of one row per project: a reader reads the year whole anyway,
-- and the import pays 500 upserts, not 50,000.
-- (The body is on one line: the migration runner splits at a semicolon
-- that ends a line.)
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE v BIGINT; k INT; kd SMALLINT; BEGIN v := NULLIF(current_setting('qianxiang.data_version_now', true), '')::BIGINT; IF v IS NULL THEN UPDATE data_version SET n = n + 1 WHERE id = 1 RETURNING n INTO v; PERFORM set_config('qianxiang.data_version_now', v::text, true); END IF; IF TG_TABLE_NAME NOT IN ('reports', 'projects') THEN INSERT INTO data_changes (kind, project_id, version) VALUES (3, 0, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END IF; k := COALESCE(NULLIF(current_setting('qianxiang.data_changes_n', true), '')::INT, 0) + 1; PERFORM set_config('qianxiang.data_changes_n', k::text, true); IF k > 500 THEN IF k = 501 THEN INSERT INTO data_changes (kind, project_id, version) VALUES (0, 0, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; RETURN NULL; END IF; IF TG_TABLE_NAME = 'reports' THEN IF TG_OP <> 'INSERT' THEN INSERT INTO data_changes (kind, project_id, version) VALUES (1, OLD.project_id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id) THEN INSERT INTO data_changes (kind, project_id, version) VALUES (1, NEW.project_id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; ELSE IF TG_OP <> 'INSERT' THEN INSERT INTO data_changes (kind, project_id, version) VALUES (2, OLD.id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.id IS DISTINCT FROM OLD.id) THEN INSERT INTO data_changes (kind, project_id, version) VALUES (2, NEW.id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; END IF; RETURN NULL; END $$;
{{else}}
-- SQLite: migration 170's row triggers are replaced by ones that bump the
-- version and log the change in one trigger body, in that order (SQLite
-- gives no order between two triggers of one event).
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
DROP TRIGGER projects_data_version_i;
DROP TRIGGER projects_data_version_u;
DROP TRIGGER projects_data_version_d;
DROP TRIGGER reports_data_version_i;
DROP TRIGGER reports_data_version_u;
DROP TRIGGER reports_data_version_d;
CREATE TRIGGER settings_data_version_i AFTER INSERT ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER settings_data_version_u AFTER UPDATE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER settings_data_version_d AFTER DELETE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER targets_data_version_i AFTER INSERT ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER targets_data_version_u AFTER UPDATE ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER targets_data_version_d AFTER DELETE ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_i AFTER INSERT ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_u AFTER UPDATE ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_d AFTER DELETE ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_i AFTER INSERT ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_u AFTER UPDATE ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_d AFTER DELETE ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_i AFTER INSERT ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_u AFTER UPDATE ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_d AFTER DELETE ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_i AFTER INSERT ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_u AFTER UPDATE ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_d AFTER DELETE ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_i AFTER INSERT ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_u AFTER UPDATE ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_d AFTER DELETE ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 3, 0, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER projects_data_version_i AFTER INSERT ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 2, NEW.id, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER projects_data_version_u AFTER UPDATE ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 2, OLD.id, n FROM data_version WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 2, NEW.id, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER projects_data_version_d AFTER DELETE ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 2, OLD.id, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER reports_data_version_i AFTER INSERT ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 1, NEW.project_id, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER reports_data_version_u AFTER UPDATE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 1, OLD.project_id, n FROM data_version WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 1, NEW.project_id, n FROM data_version WHERE id = 1; END;
CREATE TRIGGER reports_data_version_d AFTER DELETE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; INSERT OR REPLACE INTO data_changes (kind, project_id, version) SELECT 1, OLD.project_id, n FROM data_version WHERE id = 1; END;
{{end}}
