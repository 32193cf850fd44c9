package store_test

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The packs report_months keeps (migration 240) are what the reports say,
// on both databases, once the migration has packed the reports already
// there, and after every way the reports change: rows written
// behind the application in batches and one by one, amounts out of
// bounds, statuses in and out of the counted ones, start dates, months
// outside 1–12, a report moved to another project or year, deletions,
// a project deleted with its reports, the bulk save of an import (its
// SQLite triggers quiet) and a re-save of it, many projects changed in one
// statement, and a transaction rolled back.
func TestReportMonthsEqualTheReports(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		const n = 90
		testenv.SeedPlan(t, a, n, 6)
		raw := testenv.Raw(t, a)
		pg := a.DB.Dialect() == store.Postgres
		exec := func(q string, args ...any) {
			t.Helper()
			if pg {
				q = testenv.Dollars(q)
			}
			if _, err := raw.Exec(q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		read := func(year int, ids []int64) []store.ReportMonth {
			var out []store.ReportMonth
			if err := a.DB.ReportMonths(ctx, year, ids, func(r store.ReportMonth) { out = append(out, r) }); err != nil {
				t.Fatal(err)
			}
			slices.SortFunc(out, func(x, y store.ReportMonth) int {
				return cmp.Or(cmp.Compare(x.ProjectID, y.ProjectID), cmp.Compare(x.Month, y.Month))
			})
			return out
		}
		same := func(step string) {
			t.Helper()
			for _, year := range []int{2023, 2024} {
				var ids []int64
				rows, err := raw.Query(`SELECT DISTINCT project_id FROM reports WHERE year = ` + fmt.Sprint(year))
				if err != nil {
					t.Fatal(err)
				}
				for rows.Next() {
					var id int64
					rows.Scan(&id)
					ids = append(ids, id)
				}
				rows.Close()
				packed, live := read(year, nil), read(year, append([]int64{}, ids...))
				if !reflect.DeepEqual(packed, live) {
					t.Fatalf("%s: year %d: the packs give %d reports, the reports %d:\npacks   %v\nreports %v", step, year, len(packed), len(live), packed, live)
				}
			}
		}
		same("seeded behind the application")
		if got := read(2023, nil); len(got) != n*6 {
			t.Fatalf("seeded: %d packed reports, want %d", len(got), n*6)
		}
		// A city that upgrades: migration 240 applied to a database that
		// already holds its reports packs them all.
		drops := []string{`DROP TRIGGER reports_months_i`, `DROP TRIGGER reports_months_u`, `DROP TRIGGER reports_months_k`,
			`DROP TRIGGER reports_months_d`, `DROP TABLE report_months`}
		if pg {
			drops = []string{`DROP TRIGGER reports_months_i ON reports`, `DROP TRIGGER reports_months_u ON reports`,
				`DROP TRIGGER reports_months_d ON reports`, `DROP TRIGGER reports_months_t ON reports`, `DROP TABLE report_months`,
				`DROP TABLE report_months_dirty`, `DROP FUNCTION report_months_note()`, `DROP FUNCTION report_months_truncate()`,
				`DROP FUNCTION report_months_repack()`}
		}
		for _, q := range append(drops, `DELETE FROM schema_migrations WHERE name = '240_report_months'`) {
			exec(q)
		}
		if err := a.DB.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		same("packed by the migration")

		exec(`UPDATE reports SET completed = ? WHERE project_id = 3 AND month = 2`, int64(qianxiang.MaxAmount)+1)
		exec(`UPDATE reports SET completed = -7 WHERE project_id = 4 AND month = 1`)
		same("amounts out of bounds")
		exec(`UPDATE reports SET status = 'draft' WHERE project_id = 5`)
		exec(`UPDATE reports SET status = 'returned' WHERE project_id = 6 AND month = 3`)
		same("reports no longer counted")
		exec(`UPDATE reports SET status = 'approved' WHERE project_id = 5 AND month = 4`)
		same("a report counted again")
		exec(`UPDATE reports SET started_on = '2023-03-09' WHERE project_id = 7 AND month >= 3`)
		exec(`UPDATE reports SET started_on = '2023-02-01' WHERE project_id = 8 AND month = 2`)
		exec(`UPDATE reports SET started_on = '2023-05-20' WHERE project_id = 8 AND month = 5`)
		same("start dates, two different ones on one project")
		exec(`INSERT INTO reports (project_id, year, month, completed, status, started_on, created_at, updated_at) VALUES (9, 2023, 0, 5, 'submitted', '', 'x', 'x')`)
		exec(`INSERT INTO reports (project_id, year, month, completed, status, started_on, created_at, updated_at) VALUES (9, 2023, 13, 5, 'submitted', '', 'x', 'x')`)
		same("months outside 1–12")
		exec(`DELETE FROM reports WHERE project_id = 11 AND month = 6`)
		exec(`UPDATE reports SET project_id = 11 WHERE project_id = 10 AND month = 6`)
		same("a report moved to another project")
		exec(`DELETE FROM reports WHERE project_id = 10 AND month = 1`)
		exec(`UPDATE reports SET project_id = 10, month = 1 WHERE project_id = 11 AND month = 6`)
		same("a report moved to another project and back")
		exec(`UPDATE reports SET year = 2024 WHERE project_id = 12`)
		same("a project's reports moved to another year")
		exec(`DELETE FROM reports WHERE project_id = 13`)
		exec(`DELETE FROM projects WHERE id = 14`)
		same("reports deleted, and a project with its reports")
		exec(`UPDATE reports SET completed = completed + 1 WHERE month = 6`)
		exec(`UPDATE reports SET completed = completed + 1 WHERE project_id BETWEEN 20 AND 29`)
		same("many projects in one statement, and some")

		// Saves of one project's months at once, from two connections:
		// each repack must see the other's committed report.
		var wg sync.WaitGroup
		for w := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				q := `UPDATE reports SET completed = completed + 1 WHERE project_id = 30 AND month = ?`
				if pg {
					q = testenv.Dollars(q)
				}
				for range 40 {
					if _, err := raw.Exec(q, 1+w); err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		same("saves of one project's months at once")

		tx, err := raw.Begin()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`DELETE FROM reports WHERE project_id < 40`); err != nil {
			t.Fatal(err)
		}
		tx.Rollback()
		same("a transaction rolled back")

		// The bulk save of an import: more than one 500-row statement, so
		// SQLite's triggers are quiet and the save repacks; then again,
		// every row an update.
		ids := bulkProjects(t, a, 620)
		reps := make([]*qianxiang.Report, 0, len(ids)+n)
		for i, id := range ids {
			st := qianxiang.ReportSubmitted
			if i%7 == 0 {
				st = qianxiang.ReportDraft
			}
			reps = append(reps, &qianxiang.Report{ProjectID: id, Year: 2023, Month: 3, Status: st, Completed: qianxiang.Money(500 + i)})
		}
		if err := a.DB.Tx(ctx, func(tx *store.Tx) error { _, err := tx.SaveReports(ctx, reps, nil); return err }); err != nil {
			t.Fatal(err)
		}
		same("a bulk save")
		err = a.DB.Tx(ctx, func(tx *store.Tx) error {
			befores, err := tx.ReportSnapshots(ctx, 2023, 3)
			if err != nil {
				return err
			}
			for _, r := range reps {
				r.Completed += 3
				r.Status = qianxiang.ReportSubmitted
			}
			_, err = tx.SaveReports(ctx, reps, befores)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		same("a bulk save again, every row an update")
	})
}
