package store_test

import (
	"context"
	"fmt"
	"reflect"
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
		var pid int64
		// moved makes a change and checks that the version moved and that
		// the change log (migration 175) says what changed: kind 1 the
		// project's reports, 2 the project's row, 3 a small input.
		moved := func(what string, kind int, change func() error) {
			t.Helper()
			before := version()
			if err := change(); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if after := version(); after <= before {
				t.Errorf("%s: the data version stayed at %d", what, before)
			}
			ch, err := a.DB.DataChangesSince(ctx, before, 100)
			if err != nil {
				t.Fatal(err)
			}
			// A deleted project takes its classes and statistics entries
			// with it (ON DELETE CASCADE), which PostgreSQL logs too.
			want := store.DataChanges{Small: kind == 3 || (what == "a deleted project" && ch.Small)}
			switch kind {
			case 1:
				want.Reports = []int64{pid}
			case 2:
				want.Projects = []int64{pid}
			}
			if !reflect.DeepEqual(ch, want) {
				t.Errorf("%s: the change log says %+v, want %+v", what, ch, want)
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
		moved("a new project", 2, inTx(func(tx *store.Tx) error {
			p := qianxiang.Project{Year: 2023, Name: "离石区污水处理厂", Org: county.Ref(), LeadOrg: county.Ref(),
				Kind: qianxiang.KindNew, Stage: qianxiang.StagePreparing, AnnualPlan: 1000}
			err := tx.InsertProject(ctx, &p)
			pid = p.ID
			return err
		}))
		moved("a report", 1, inTx(func(tx *store.Tx) error {
			r := qianxiang.Report{ProjectID: pid, Year: 2023, Month: 1, Status: qianxiang.ReportSubmitted, Completed: 5}
			return tx.SaveReport(ctx, &r)
		}))
		moved("a project's plan", 2, raw(`UPDATE projects SET annual_plan = 2000 WHERE id = ?`, pid))
		moved("a report's amount", 1, raw(`UPDATE reports SET completed = 7 WHERE project_id = ?`, pid))
		moved("a setting", 3, inTx(func(tx *store.Tx) error { _, _, err := tx.PutSetting(ctx, "dispatch", `{}`); return err }))
		moved("a target", 3, raw(`INSERT INTO targets (year, org_id, projects, annual_plan, new_starts, updated_at) VALUES (2023, 0, 5, 100, 1, 'x')`))
		moved("an organisation", 3, raw(`UPDATE orgs SET name = name WHERE id = ?`, county.ID))
		moved("a statistics entry", 3, raw(`INSERT INTO stat_entries (project_id, status, created_at, updated_at) VALUES (?, 'draft', 'x', 'x')`, pid))
		moved("a class list", 3, raw(`INSERT INTO class_lists (code, name, updated_at) VALUES ('chain', '产业链', 'x')`))
		moved("a class entry", 3, raw(`INSERT INTO class_entries (list_id, name) SELECT id, '新能源' FROM class_lists WHERE code = 'chain'`))
		moved("a project's class", 3, raw(`INSERT INTO project_classes (project_id, entry_id) SELECT ?, id FROM class_entries`, pid))
		moved("a deleted report", 1, raw(`DELETE FROM reports WHERE project_id = ?`, pid))
		moved("a deleted project", 2, raw(`DELETE FROM projects WHERE id = ?`, pid))

		// An import-sized transaction: on PostgreSQL beyond 500 rows the
		// log says "everything" once instead of a row per project; on
		// SQLite each project is listed, and a reader's limit makes it
		// everything.
		base := version()
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		q := (`INSERT INTO projects (year, name, org_id, lead_org_id, kind, stage, total_investment, annual_plan, planned_start, started_on, owner, sector, created_at, updated_at)
			VALUES (2023, ?, ?, ?, 'new', 'construction', 300, 100, '2023-04', '', '测试单位', '产业项目', 'x', 'x')`)
		if pg {
			q = strings.NewReplacer("?, ?, ?", "$1, $2, $3").Replace(q)
		}
		for i := range 510 {
			if _, err := tx.Exec(q, fmt.Sprintf("导入项目%d", i), county.ID, county.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if ch, err := a.DB.DataChangesSince(ctx, base, 100); err != nil || !ch.All {
			t.Errorf("after an import: %+v, %v; want everything", ch, err)
		}

		before := version()
		tx, err = db.Begin()
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

// A bulk save of reports (an imported 调度表) logs "everything" once under
// a new version, on both databases, and leaves the log as it was for the
// next single save: on SQLite the marker that silences the row triggers
// (migration 230) must not outlive the bulk write, or later saves would
// go unseen by every server's cached dispatch.
func TestBulkReportSaveLogsEverythingOnce(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		const n = 620 // more than one 500-row statement
		ids := bulkProjects(t, a, n)
		base, err := a.DB.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		reps := make([]*qianxiang.Report, n)
		for i, id := range ids {
			reps[i] = &qianxiang.Report{ProjectID: id, Year: 2023, Month: 3, Status: qianxiang.ReportSubmitted, Completed: 5}
		}
		if err := a.DB.Tx(ctx, func(tx *store.Tx) error { _, err := tx.SaveReports(ctx, reps, nil); return err }); err != nil {
			t.Fatal(err)
		}
		after, err := a.DB.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if after <= base {
			t.Fatalf("the bulk save left the data version at %d", base)
		}
		if ch, err := a.DB.DataChangesSince(ctx, base, 10*n); err != nil || !ch.All {
			t.Errorf("after a bulk save the log says %+v, %v; want everything", ch, err)
		}
		// The next single save is logged as its own project's, as before.
		one := &qianxiang.Report{ProjectID: ids[0], Year: 2023, Month: 4, Status: qianxiang.ReportSubmitted, Completed: 6}
		if err := a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.SaveReport(ctx, one) }); err != nil {
			t.Fatal(err)
		}
		ch, err := a.DB.DataChangesSince(ctx, after, 10*n)
		if err != nil {
			t.Fatal(err)
		}
		if want := (store.DataChanges{Reports: []int64{ids[0]}}); !reflect.DeepEqual(ch, want) {
			t.Errorf("a save after the bulk one: the log says %+v, want %+v", ch, want)
		}
		// A bulk save that fails (a report changed meanwhile) leaves
		// nothing behind, the marker included.
		stale := make([]*qianxiang.Report, n)
		for i, r := range reps {
			c := *r
			c.Version = 99
			stale[i] = &c
		}
		befores := map[int64]string{}
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			snaps, err := tx.Snapshots(ctx, "reports", reportIDs(stale))
			for k, v := range snaps {
				befores[k] = v
			}
			if err != nil {
				return err
			}
			_, err = tx.SaveReports(ctx, stale, befores)
			return err
		})
		if err == nil {
			t.Fatal("a bulk save at stale versions was accepted")
		}
		v0, _ := a.DB.DataVersion(ctx)
		two := &qianxiang.Report{ProjectID: ids[1], Year: 2023, Month: 4, Status: qianxiang.ReportSubmitted, Completed: 6}
		if err := a.DB.Tx(ctx, func(tx *store.Tx) error { return tx.SaveReport(ctx, two) }); err != nil {
			t.Fatal(err)
		}
		if ch, err := a.DB.DataChangesSince(ctx, v0, 10*n); err != nil || !reflect.DeepEqual(ch, store.DataChanges{Reports: []int64{ids[1]}}) {
			t.Errorf("a save after a failed bulk one: the log says %+v, %v", ch, err)
		}
	})
}

func reportIDs(rs []*qianxiang.Report) []int64 {
	ids := make([]int64, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}

// bulkProjects adds n projects of 2023 to 离石区 in one transaction, for
// a bulk save of their reports (more than 500 rows: SaveReports's bulk
// path), and gives their ids.
func bulkProjects(t *testing.T, a *app.App, n int) []int64 {
	t.Helper()
	county := testenv.Lvliang(t, a)["141102"]
	var ids []int64
	err := a.DB.Tx(context.Background(), func(tx *store.Tx) error {
		for i := range n {
			p := qianxiang.Project{Year: 2023, Name: fmt.Sprintf("批量项目%d", i), Org: county.Ref(), LeadOrg: county.Ref(),
				Kind: qianxiang.KindNew, Stage: qianxiang.StagePreparing, AnnualPlan: 1000}
			if err := tx.InsertProject(context.Background(), &p); err != nil {
				return err
			}
			ids = append(ids, p.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}
