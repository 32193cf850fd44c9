-- Every project's counted reports of a year, packed in one row as
-- dispatch_inputs.ReportMonths packs them (store/report_months.go): a
-- server that starts cold reads one short row per project instead of
-- grouping the year's report rows. Kept by the database in the
-- transaction that changes the reports, whoever writes them; not in a
-- backup (a restore's inserts pack again).
CREATE TABLE report_months (
    year INTEGER NOT NULL,
    project_id BIGINT NOT NULL,
    packed TEXT NOT NULL,
    first_start TEXT NOT NULL,
    last_start TEXT NOT NULL,
    PRIMARY KEY (year, project_id)
) {{.WithoutRowID}}{{if eq .Dialect "postgres"}} WITH (fillfactor = 50){{end}};
INSERT INTO report_months (year, project_id, packed, first_start, last_start)
SELECT year, project_id, {{.Pack}} FROM reports WHERE month BETWEEN 1 AND 12 AND {{.Counted}} GROUP BY year, project_id;
{{if eq .Dialect "postgres"}}
-- PostgreSQL: a statement's counted rows name their (year, project) in
-- report_months_dirty (unlogged: its rows live only inside the
-- transaction that wrote them, removed again at its commit); the
-- data-version bump, deferred to commit (migration 175), repacks the
-- named projects once, so an import of 50,000 rows repacks each project
-- once, not once per statement.
CREATE UNLOGGED TABLE report_months_dirty (
    year INTEGER NOT NULL,
    project_id BIGINT NOT NULL
);
CREATE FUNCTION report_months_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP <> 'DELETE' THEN INSERT INTO report_months_dirty (year, project_id) SELECT DISTINCT year, project_id FROM report_months_new WHERE month BETWEEN 1 AND 12 AND {{.Counted}}; END IF; IF TG_OP <> 'INSERT' THEN INSERT INTO report_months_dirty (year, project_id) SELECT DISTINCT year, project_id FROM report_months_old WHERE month BETWEEN 1 AND 12 AND {{.Counted}}; END IF; RETURN NULL; END $$;
CREATE TRIGGER reports_months_i AFTER INSERT ON reports REFERENCING NEW TABLE AS report_months_new FOR EACH STATEMENT EXECUTE FUNCTION report_months_note();
CREATE TRIGGER reports_months_u AFTER UPDATE ON reports REFERENCING OLD TABLE AS report_months_old NEW TABLE AS report_months_new FOR EACH STATEMENT EXECUTE FUNCTION report_months_note();
CREATE TRIGGER reports_months_d AFTER DELETE ON reports REFERENCING OLD TABLE AS report_months_old FOR EACH STATEMENT EXECUTE FUNCTION report_months_note();
CREATE FUNCTION report_months_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM report_months; RETURN NULL; END $$;
CREATE TRIGGER reports_months_t AFTER TRUNCATE ON reports FOR EACH STATEMENT EXECUTE FUNCTION report_months_truncate();
-- The repack: each noted project's pack made from its reports found by
-- the unique (project_id, year, month) index (a LATERAL look-up per
-- project, whatever the planner guesses of the dirty table), and upserted
-- by the primary key. The look-up is fenced (OFFSET 0) to the project,
-- the year kept out of the index (year + 0), and sequential scans are off
-- inside the function, so no other plan is left: with statistics from
-- before the reports came (a city's first import, before autovacuum
-- analyses) the planner walked reports_latest (year, status, month)
-- through the whole year, or the whole table, once per project. Only the
-- dirty table, which has no index, is still scanned. (JIT is off too: the
-- penalty on that scan priced the plan high enough to compile it, 140 ms
-- a commit.) A project left with no counted report keeps an empty pack,
-- which reads as none: so the repack never deletes, and never scans a
-- whole table.
CREATE FUNCTION report_months_repack() RETURNS void LANGUAGE plpgsql SET enable_seqscan = off SET jit = off AS $$ BEGIN INSERT INTO report_months (year, project_id, packed, first_start, last_start) SELECT k.year, k.project_id, COALESCE(x.packed, ''), x.first_start, x.last_start FROM (SELECT DISTINCT year, project_id FROM report_months_dirty) k CROSS JOIN LATERAL (SELECT {{.Pack}} FROM (SELECT completed, started_on, month, status FROM reports WHERE reports.project_id = k.project_id AND reports.year + 0 = k.year OFFSET 0) reports WHERE month BETWEEN 1 AND 12 AND {{.Counted}}) x (packed, first_start, last_start) ON CONFLICT (year, project_id) DO UPDATE SET packed = EXCLUDED.packed, first_start = EXCLUDED.first_start, last_start = EXCLUDED.last_start; DELETE FROM report_months_dirty; END $$;
-- The bump of migration 175, then the repack of what the transaction
-- noted: after the version's row lock, which orders every writer's
-- commit, so two saves of one project's months cannot each pack without
-- the other's report (the later one's repack waits for the earlier
-- commit and, a statement later, sees it).
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE v BIGINT; k INT; kd SMALLINT; BEGIN v := NULLIF(current_setting('qianxiang.data_version_now', true), '')::BIGINT; IF v IS NULL THEN UPDATE data_version SET n = n + 1 WHERE id = 1 RETURNING n INTO v; PERFORM set_config('qianxiang.data_version_now', v::text, true); PERFORM report_months_repack(); END IF; IF TG_TABLE_NAME NOT IN ('reports', 'projects') THEN INSERT INTO data_changes (kind, project_id, version) VALUES (3, 0, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; RETURN NULL; END IF; k := COALESCE(NULLIF(current_setting('qianxiang.data_changes_n', true), '')::INT, 0) + 1; PERFORM set_config('qianxiang.data_changes_n', k::text, true); IF k > 500 THEN IF k = 501 THEN INSERT INTO data_changes (kind, project_id, version) VALUES (0, 0, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; RETURN NULL; END IF; IF TG_TABLE_NAME = 'reports' THEN IF TG_OP <> 'INSERT' THEN INSERT INTO data_changes (kind, project_id, version) VALUES (1, OLD.project_id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id) THEN INSERT INTO data_changes (kind, project_id, version) VALUES (1, NEW.project_id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; ELSE IF TG_OP <> 'INSERT' THEN INSERT INTO data_changes (kind, project_id, version) VALUES (2, OLD.id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.id IS DISTINCT FROM OLD.id) THEN INSERT INTO data_changes (kind, project_id, version) VALUES (2, NEW.id, v) ON CONFLICT (kind, project_id) DO UPDATE SET version = EXCLUDED.version; END IF; END IF; RETURN NULL; END $$;
{{else}}
-- SQLite: one writer, row triggers. A change to a counted report (of
-- months 1–12) repacks its project's year, its reports found by (year,
-- project) in reports_dispatch (+status keeps the status test off
-- reports_latest whatever the statistics say); while a bulk save's data_bulk
-- marker is in place (migration 230) they skip, and the bulk save repacks
-- what it wrote (store.Tx.repackReportMonths). A save's UPDATE sets
-- neither project nor year, so it compiles only the one-key trigger (u);
-- a report moved to another project or year repacks both (k).
CREATE TRIGGER reports_months_i AFTER INSERT ON reports WHEN NEW.month BETWEEN 1 AND 12 AND NEW.status IN {{.CountedIn}} AND NOT EXISTS (SELECT 1 FROM data_bulk) BEGIN DELETE FROM report_months WHERE year = NEW.year AND project_id = NEW.project_id; INSERT INTO report_months (year, project_id, packed, first_start, last_start) SELECT year, project_id, {{.Pack}} FROM reports WHERE year = NEW.year AND project_id = NEW.project_id AND month BETWEEN 1 AND 12 AND +{{.Counted}} GROUP BY year, project_id; END;
CREATE TRIGGER reports_months_u AFTER UPDATE OF month, status, completed, started_on ON reports WHEN ((OLD.month BETWEEN 1 AND 12 AND OLD.status IN {{.CountedIn}}) OR (NEW.month BETWEEN 1 AND 12 AND NEW.status IN {{.CountedIn}})) AND NOT EXISTS (SELECT 1 FROM data_bulk) BEGIN DELETE FROM report_months WHERE year = NEW.year AND project_id = NEW.project_id; INSERT INTO report_months (year, project_id, packed, first_start, last_start) SELECT year, project_id, {{.Pack}} FROM reports WHERE year = NEW.year AND project_id = NEW.project_id AND month BETWEEN 1 AND 12 AND +{{.Counted}} GROUP BY year, project_id; END;
CREATE TRIGGER reports_months_k AFTER UPDATE OF project_id, year ON reports WHEN NOT EXISTS (SELECT 1 FROM data_bulk) BEGIN DELETE FROM report_months WHERE year = OLD.year AND project_id = OLD.project_id; INSERT INTO report_months (year, project_id, packed, first_start, last_start) SELECT year, project_id, {{.Pack}} FROM reports WHERE year = OLD.year AND project_id = OLD.project_id AND month BETWEEN 1 AND 12 AND +{{.Counted}} GROUP BY year, project_id; DELETE FROM report_months WHERE year = NEW.year AND project_id = NEW.project_id; INSERT INTO report_months (year, project_id, packed, first_start, last_start) SELECT year, project_id, {{.Pack}} FROM reports WHERE year = NEW.year AND project_id = NEW.project_id AND month BETWEEN 1 AND 12 AND +{{.Counted}} GROUP BY year, project_id; END;
CREATE TRIGGER reports_months_d AFTER DELETE ON reports WHEN OLD.month BETWEEN 1 AND 12 AND OLD.status IN {{.CountedIn}} AND NOT EXISTS (SELECT 1 FROM data_bulk) BEGIN DELETE FROM report_months WHERE year = OLD.year AND project_id = OLD.project_id; INSERT INTO report_months (year, project_id, packed, first_start, last_start) SELECT year, project_id, {{.Pack}} FROM reports WHERE year = OLD.year AND project_id = OLD.project_id AND month BETWEEN 1 AND 12 AND +{{.Counted}} GROUP BY year, project_id; END;
{{end}}
