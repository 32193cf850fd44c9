package app_test

import (
	"fmt"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
)

// seedPlan writes n projects across the lvliang counties and `months` months
// of submitted reports, in batched INSERTs (the benchmark measures reading).
func seedPlan(b testing.TB, a *app.App, n, months int) {
	b.Helper()
	testenv.SeedPlan(b, a, n, months)
}

func rebind(q string) string { return testenv.Dollars(q) }

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
