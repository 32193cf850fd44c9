-- The data version: one counter that moves in the same transaction as
-- every change that can move a dispatch (projects, reports, settings,
-- targets, organisations, statistics entries, class lists and the
-- projects' classes), so a server caches a dispatch under it and
-- every server on the database sees a change with the data itself — a
-- cached figure is never older than the committed data. Triggers bump it,
-- so no write path (the app, imports, a restore, SQL behind the app's
-- back) can forget to. A module whose table feeds the dispatch adds its
-- own triggers the same way.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 0);
{{if eq .Dialect "postgres"}}
-- PostgreSQL: deferred to commit and once per transaction (the local
-- setting), so a bulk import bumps once, and the row lock is taken last,
-- after every other lock of the transaction: two writers cannot deadlock
-- on it.
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF current_setting('qianxiang.data_bumped', true) IS DISTINCT FROM '1' THEN UPDATE data_version SET n = n + 1 WHERE id = 1; PERFORM set_config('qianxiang.data_bumped', '1', true); END IF; RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER projects_data_version AFTER INSERT OR UPDATE OR DELETE ON projects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER reports_data_version AFTER INSERT OR UPDATE OR DELETE ON reports DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER settings_data_version AFTER INSERT OR UPDATE OR DELETE ON settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER targets_data_version AFTER INSERT OR UPDATE OR DELETE ON targets DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER orgs_data_version AFTER INSERT OR UPDATE OR DELETE ON orgs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER stat_entries_data_version AFTER INSERT OR UPDATE OR DELETE ON stat_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER class_lists_data_version AFTER INSERT OR UPDATE OR DELETE ON class_lists DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER class_entries_data_version AFTER INSERT OR UPDATE OR DELETE ON class_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER project_classes_data_version AFTER INSERT OR UPDATE OR DELETE ON project_classes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
{{else}}
-- SQLite has one writer at a time: a row trigger per change is enough.
CREATE TRIGGER projects_data_version_i AFTER INSERT ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER projects_data_version_u AFTER UPDATE ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER projects_data_version_d AFTER DELETE ON projects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER reports_data_version_i AFTER INSERT ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER reports_data_version_u AFTER UPDATE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER reports_data_version_d AFTER DELETE ON reports BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER settings_data_version_i AFTER INSERT ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER settings_data_version_u AFTER UPDATE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER settings_data_version_d AFTER DELETE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER targets_data_version_i AFTER INSERT ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER targets_data_version_u AFTER UPDATE ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER targets_data_version_d AFTER DELETE ON targets BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_i AFTER INSERT ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_u AFTER UPDATE ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER orgs_data_version_d AFTER DELETE ON orgs BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_i AFTER INSERT ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_u AFTER UPDATE ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER stat_entries_data_version_d AFTER DELETE ON stat_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_i AFTER INSERT ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_u AFTER UPDATE ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER class_lists_data_version_d AFTER DELETE ON class_lists BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_i AFTER INSERT ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_u AFTER UPDATE ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER class_entries_data_version_d AFTER DELETE ON class_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_i AFTER INSERT ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_u AFTER UPDATE ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER project_classes_data_version_d AFTER DELETE ON project_classes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
{{end}}
