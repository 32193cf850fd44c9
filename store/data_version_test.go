package store_test

import (
	"context"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// Every change that can move a dispatch moves the data version, on both
// databases, once committed; a rolled-back change does not; other writes
// (a session, the audit log alone) leave it be.
func TestDataVersionMovesWithTheDispatchInputs(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		orgs := testenv.Lvliang(t, a)
		version := func() int64 {
			t.Helper()
			v, err := a.DB.DataVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		moved := func(what string, change func() error) {
			t.Helper()
			before := version()
			if err := change(); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if after := version(); after <= before {
				t.Errorf("%s: the data version stayed at %d", what, before)
			}
		}
		db := testenv.Raw(t, a)
		pg := a.DB.Dialect() == store.Postgres
		bind := func(q string) string {
			if pg {
				return strings.ReplaceAll(q, "?", "$1")
			}
			return q
		}
		// raw changes the data behind the application's back, in its own
		// transaction; the triggers see it all the same.
		raw := func(q string, args ...any) func() error {
			return func() error { _, err := db.Exec(bind(q), args...); return err }
		}
		inTx := func(f func(tx *store.Tx) error) func() error {
			return func() error { return a.DB.Tx(ctx, f) }
		}
		county := orgs["141102"]
		var pid int64
		moved("a new project", inTx(func(tx *store.Tx) error {
			p := qianxiang.Project{Year: 2023, Name: "离石区污水处理厂", Org: county.Ref(), LeadOrg: county.Ref(),
				Kind: qianxiang.KindNew, Stage: qianxiang.StagePreparing, AnnualPlan: 1000}
			err := tx.InsertProject(ctx, &p)
			pid = p.ID
			return err
		}))
		moved("a report", inTx(func(tx *store.Tx) error {
			r := qianxiang.Report{ProjectID: pid, Year: 2023, Month: 1, Status: qianxiang.ReportSubmitted, Completed: 5}
			return tx.SaveReport(ctx, &r)
		}))
		moved("a project's plan", raw(`UPDATE projects SET annual_plan = 2000 WHERE id = ?`, pid))
		moved("a report's amount", raw(`UPDATE reports SET completed = 7 WHERE project_id = ?`, pid))
		moved("a setting", inTx(func(tx *store.Tx) error { _, _, err := tx.PutSetting(ctx, "dispatch", `{}`); return err }))
		moved("a target", raw(`INSERT INTO targets (year, org_id, projects, annual_plan, new_starts, updated_at) VALUES (2023, 0, 5, 100, 1, 'x')`))
		moved("an organisation", raw(`UPDATE orgs SET name = name WHERE id = ?`, county.ID))
		moved("a statistics entry", raw(`INSERT INTO stat_entries (project_id, status, created_at, updated_at) VALUES (?, 'draft', 'x', 'x')`, pid))
		moved("a class list", raw(`INSERT INTO class_lists (code, name, updated_at) VALUES ('chain', '产业链', 'x')`))
		moved("a class entry", raw(`INSERT INTO class_entries (list_id, name) SELECT id, '新能源' FROM class_lists WHERE code = 'chain'`))
		moved("a project's class", raw(`INSERT INTO project_classes (project_id, entry_id) SELECT ?, id FROM class_entries`, pid))
		moved("a deleted report", raw(`DELETE FROM reports WHERE project_id = ?`, pid))
		moved("a deleted project", raw(`DELETE FROM projects WHERE id = ?`, pid))

		before := version()
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(bind(`UPDATE orgs SET name = 'x' WHERE id = ?`), county.ID); err != nil {
			t.Fatal(err)
		}
		tx.Rollback()
		if v := version(); v != before {
			t.Errorf("a rolled-back change moved the version %d → %d", before, v)
		}
		if _, err := db.Exec(`DELETE FROM login_failures`); err != nil {
			t.Fatal(err)
		}
		if v := version(); v != before {
			t.Errorf("a write outside the dispatch inputs moved the version %d → %d", before, v)
		}
	})
}
