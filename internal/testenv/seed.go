package testenv

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/store"
)

// SeedPlan writes n projects of 2023 across the lvliang counties and
// `months` months of submitted reports, in batched INSERTs behind the
// application (benchmarks measure reading, not writing), then ANALYZE.
// The organisations are created first.
func SeedPlan(tb testing.TB, a *app.App, n, months int) {
	tb.Helper()
	orgs := Lvliang(tb, a)
	var counties []qianxiang.Org
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty {
			counties = append(counties, o)
		}
	}
	raw := Raw(tb, a)
	pg := a.DB.Dialect() == store.Postgres
	rng := rand.New(rand.NewPCG(1, 2))
	const batch = 400
	kinds := []string{"new", "continuing", "preparatory"}
	var rows []string
	var args []any
	flush := func(table, cols string) {
		if len(rows) == 0 {
			return
		}
		q := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", table, cols, strings.Join(rows, ","))
		if pg {
			q = Dollars(q)
		}
		if _, err := raw.Exec(q, args...); err != nil {
			tb.Fatal(err)
		}
		rows, args = rows[:0], args[:0]
	}
	const projectCols = "id, year, name, org_id, lead_org_id, kind, stage, total_investment, annual_plan, planned_start, started_on, owner, sector, created_at, updated_at"
	for i := 1; i <= n; i++ {
		c := counties[rng.IntN(len(counties))]
		plan := int64(100000 + rng.IntN(2000000))
		rows = append(rows, "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
		args = append(args, i, 2023, fmt.Sprintf("%s第%d号项目", c.Name, i), c.ID, c.ID, kinds[i%3], "construction",
			plan*3, plan, "2023-04", "", "测试单位", "产业项目", "x", "x")
		if len(rows) == batch {
			flush("projects", projectCols)
		}
	}
	flush("projects", projectCols)
	const reportCols = "project_id, year, month, completed, status, started_on, created_at, updated_at"
	for i := 1; i <= n; i++ {
		for m := 1; m <= months; m++ {
			rows = append(rows, "(?,?,?,?,?,?,?,?)")
			args = append(args, i, 2023, m, int64(rng.IntN(200000)), "submitted", "", "x", "x")
			if len(rows) == batch {
				flush("reports", reportCols)
			}
		}
	}
	flush("reports", reportCols)
	if pg {
		raw.Exec(`SELECT setval(pg_get_serial_sequence('projects','id'), (SELECT MAX(id) FROM projects))`)
	}
	raw.Exec(`ANALYZE`)
}

// Dollars turns ? placeholders into $1, $2 … for PostgreSQL (tests that
// write behind the application).
func Dollars(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
