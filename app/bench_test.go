package app_test

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// seedPlan writes n projects across the lvliang counties and `months` months
// of submitted reports, in batched INSERTs (the benchmark measures reading).
func seedPlan(b testing.TB, a *app.App, n, months int) {
	b.Helper()
	orgs := testenv.Lvliang(b, a)
	var counties []qianxiang.Org
	for _, o := range orgs {
		if o.Kind == qianxiang.OrgCounty {
			counties = append(counties, o)
		}
	}
	raw := testenv.Raw(b, a)
	pg := a.DB.Dialect() == store.Postgres
	rng := rand.New(rand.NewPCG(1, 2))
	const batch = 400
	kinds := []string{"new", "continuing", "preparatory"}
	var rows []string
	var args []any
	flush := func(table, cols string, per int) {
		if len(rows) == 0 {
			return
		}
		q := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", table, cols, strings.Join(rows, ","))
		if pg {
			q = rebind(q)
		}
		if _, err := raw.Exec(q, args...); err != nil {
			b.Fatal(err)
		}
		rows, args = rows[:0], args[:0]
	}
	for i := 1; i <= n; i++ {
		c := counties[rng.IntN(len(counties))]
		plan := int64(100000 + rng.IntN(2000000))
		rows = append(rows, "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
		args = append(args, i, 2023, fmt.Sprintf("%s第%d号项目", c.Name, i), c.ID, c.ID, kinds[i%3], "construction",
			plan*3, plan, "2023-04", "", "测试单位", "产业项目", "x", "x")
		if len(rows) == batch {
			flush("projects", "id, year, name, org_id, lead_org_id, kind, stage, total_investment, annual_plan, planned_start, started_on, owner, sector, created_at, updated_at", 15)
		}
	}
	flush("projects", "id, year, name, org_id, lead_org_id, kind, stage, total_investment, annual_plan, planned_start, started_on, owner, sector, created_at, updated_at", 15)
	for i := 1; i <= n; i++ {
		for m := 1; m <= months; m++ {
			rows = append(rows, "(?,?,?,?,?,?,?,?)")
			args = append(args, i, 2023, m, int64(rng.IntN(200000)), "submitted", "", "x", "x")
			if len(rows) == batch {
				flush("reports", "project_id, year, month, completed, status, started_on, created_at, updated_at", 8)
			}
		}
	}
	flush("reports", "project_id, year, month, completed, status, started_on, created_at, updated_at", 8)
	if pg {
		raw.Exec(`SELECT setval(pg_get_serial_sequence('projects','id'), (SELECT MAX(id) FROM projects))`)
		raw.Exec(`ANALYZE`)
	} else {
		raw.Exec(`ANALYZE`)
	}
	_ = sql.ErrNoRows
}

func rebind(q string) string {
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

// BenchmarkProjectList50k: a page of the registry with filters and totals
// over 50,000 projects (target: under 50 ms server time).
func BenchmarkProjectList50k(b *testing.B) {
	for _, kind := range testenv.Kinds {
		b.Run(kind, func(b *testing.B) {
			a := testenv.Open(b, kind)
			seedPlan(b, a, 50000, 0)
			queries := []qianxiang.ProjectFilter{
				{Year: 2023, PerPage: 50},
				{Year: 2023, OrgCode: "141102", Kind: "new", PerPage: 50, Sort: "-annual_plan"},
				{Year: 2023, Q: "第4999", PerPage: 50},
				{Year: 2023, OrgCode: "141181", PerPage: 50, Page: 20},
			}
			county := qianxiang.Actor{Role: qianxiang.RoleOrgAdmin, OrgPath: "/2/", Username: "lishi"}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				actor := qianxiang.SystemActor
				if i%5 == 4 {
					actor = county
				}
				if _, err := a.Projects(ctx, actor, app.ProjectQuery{ProjectFilter: queries[i%len(queries)]}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDispatch: the whole dispatch, database load included (targets:
// 1,100 × 12 under 50 ms; 50,000 × 12 under 1 s).
func BenchmarkDispatch(b *testing.B) {
	for _, n := range []int{1100, 50000} {
		for _, kind := range testenv.Kinds {
			b.Run(fmt.Sprintf("%dx12/%s", n, kind), func(b *testing.B) {
				a := testenv.Open(b, kind)
				seedPlan(b, a, n, 12)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					d, err := a.Dispatch(ctx, qianxiang.SystemActor, 2023, 12)
					if err != nil || d.Total.Projects != n {
						b.Fatal(err, d.Total.Projects)
					}
				}
			})
		}
	}
}
