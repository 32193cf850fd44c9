package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"qianxiang"
	"qianxiang/app"
	"qianxiang/internal/testenv"
	"qianxiang/store"
)

// The cockpit's series summed in SQL (MonthTotals) must give what the
// domain's reference, MonthlySeries over every report row, gives: on
// random data with implausible plans and amounts (written behind the
// application's back), reports that do not count, projects of another
// year and projects whose lead department alone is in scope.
func TestMonthTotalsAgreeWithMonthlySeries(t *testing.T) {
	ctx := context.Background()
	testenv.Each(t, func(t *testing.T, a *app.App) {
		orgs := testenv.Lvliang(t, a)
		var ids []int64
		var paths []string
		for _, o := range orgs {
			ids = append(ids, o.ID)
			if o.Kind == qianxiang.OrgCounty || o.Kind == qianxiang.OrgDepartment {
				paths = append(paths, o.Path)
			}
		}
		raw := testenv.Raw(t, a)
		rng := rand.New(rand.NewPCG(7, 14))
		amount := func() int64 {
			switch rng.IntN(12) {
			case 0:
				return -int64(1 + rng.IntN(1000)) // implausible: negative
			case 1:
				return int64(qianxiang.MaxAmount) + 1 + int64(rng.IntN(1000)) // implausible: too big
			}
			return int64(rng.IntN(500000))
		}
		statuses := qianxiang.ReportStatuses
		var rows []string
		var args []any
		exec := func(q string) {
			if a.DB.Dialect() == "postgres" {
				n := 0
				var b strings.Builder
				for _, r := range q {
					if r == '?' {
						n++
						fmt.Fprintf(&b, "$%d", n)
						continue
					}
					b.WriteRune(r)
				}
				q = b.String()
			}
			if _, err := raw.Exec(q, args...); err != nil {
				t.Fatal(err)
			}
			rows, args = rows[:0], args[:0]
		}
		const n = 120
		for i := 1; i <= n; i++ {
			year := 2023
			if i%10 == 0 {
				year = 2022 // another year's project: never in the 2023 series
			}
			stage := "construction"
			if i%7 == 0 {
				stage = []string{"idea", "reserve"}[i%2] // the reserve pool: not in the plan
			}
			started := ""
			if rng.IntN(2) == 0 {
				started = fmt.Sprintf("2023-%02d-10", 1+rng.IntN(12))
			}
			rows = append(rows, "(?,?,?,?,?,?,?,?,?,?,?,?,?)")
			args = append(args, i, year, fmt.Sprintf("项目%d", i), ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))],
				[]string{"new", "continuing"}[rng.IntN(2)], stage, amount()*1000, amount(), started, rng.IntN(2), "x", "x")
		}
		exec("INSERT INTO projects (id, year, name, org_id, lead_org_id, kind, stage, total_investment, annual_plan, started_on, in_stats, created_at, updated_at) VALUES " + strings.Join(rows, ","))
		for i := 1; i <= n; i++ {
			for m := 1; m <= 12; m++ {
				if rng.IntN(5) == 0 {
					continue // no report that month
				}
				rows = append(rows, "(?,?,?,?,?,?,?)")
				args = append(args, i, 2023, m, amount(), string(statuses[rng.IntN(len(statuses))]), "x", "x")
			}
		}
		exec("INSERT INTO reports (project_id, year, month, completed, status, created_at, updated_at) VALUES " + strings.Join(rows, ","))
		if a.DB.Dialect() == "postgres" {
			raw.Exec(`SELECT setval(pg_get_serial_sequence('projects','id'), (SELECT MAX(id) FROM projects))`)
		}
		nonzero := false
		for _, scope := range append([]string{""}, paths...) {
			for _, month := range []int{1, 5, 12} {
				ps, _, err := a.DB.DispatchInput(ctx, 2023, 0, scope)
				if err != nil {
					t.Fatal(err)
				}
				fs, err := a.DB.MonthFigures(ctx, 2023, month)
				if err != nil {
					t.Fatal(err)
				}
				want := qianxiang.MonthlySeries(2023, month, qianxiang.DefaultDispatchSettings(), ps, fs)
				plan, per, err := a.DB.MonthTotals(ctx, 2023, month, scope)
				if err != nil {
					t.Fatal(err)
				}
				got := qianxiang.SeriesFromTotals(month, plan, per)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("scope %q month %d:\n SQL  %+v\n Go   %+v", scope, month, got, want)
				}
				if len(want) > 0 && want[len(want)-1].CompletedYTD > 0 {
					nonzero = true
				}
			}
		}
		if !nonzero {
			t.Fatal("every series is zero: the test proves nothing")
		}
		// The dispatch's entry rates from EntryFactsOf equal those from
		// the entry pages' EntryRows.
		orgRefs := map[int64]qianxiang.OrgRef{}
		for _, o := range orgs {
			orgRefs[o.ID] = o.Ref()
		}
		for _, scope := range append([]string{""}, paths...) {
			for _, month := range []int{3, 12} {
				ps, fs, err := a.DB.DispatchInput(ctx, 2023, month, scope)
				if err != nil {
					t.Fatal(err)
				}
				want := qianxiang.ComputeDispatch(2023, month, qianxiang.DefaultDispatchSettings(), ps, fs)
				got := qianxiang.ComputeDispatch(2023, month, qianxiang.DefaultDispatchSettings(), ps, fs)
				rows, err := a.DB.EntryRows(ctx, qianxiang.ProjectFilter{Year: 2023, ScopePath: scope})
				if err != nil {
					t.Fatal(err)
				}
				var facts []qianxiang.EntryFact
				for _, r := range rows {
					facts = append(facts, qianxiang.EntryFact{Org: r.Project.Org, LeadOrg: r.LeadOrg, EntryFacts: r.Facts})
				}
				qianxiang.ApplyEntryRates(want, facts)
				quick, err := a.DB.EntryFactsOf(ctx, 2023, scope, orgRefs)
				if err != nil {
					t.Fatal(err)
				}
				_, _, inScan, err := a.DB.DispatchInputFacts(ctx, 2023, month, scope, orgRefs)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(inScan, quick) {
					t.Errorf("scope %q: the dispatch scan's entry facts differ from EntryFactsOf's", scope)
				}
				qianxiang.ApplyEntryRates(got, quick)
				if !reflect.DeepEqual(got.Total, want.Total) || !reflect.DeepEqual(got.ByOrg, want.ByOrg) || !reflect.DeepEqual(got.ByLeadOrg, want.ByLeadOrg) {
					t.Errorf("scope %q month %d: entry rates differ:\n quick %+v\n rows  %+v", scope, month, got.Total, want.Total)
				}
				if scope == "" && month == 12 && want.Total.EntryExpected == 0 {
					t.Error("no project is expected to enter: the check proves nothing")
				}
			}
		}
		// The registry's totals taken from the dispatch's lights equal the
		// totals summed over the reports, for any filter in any scope.
		for _, scope := range append([]string{""}, paths[:3]...) {
			for _, month := range []int{2, 12} {
				ps, fs, err := a.DB.DispatchInput(ctx, 2023, month, scope)
				if err != nil {
					t.Fatal(err)
				}
				lights := qianxiang.ComputeDispatch(2023, month, qianxiang.DefaultDispatchSettings(), ps, fs).Projects
				for _, f := range []qianxiang.ProjectFilter{{}, {Kind: "new"}, {Q: "项目1"}, {OrgCode: "141102"}, {Stage: "reserve"}} {
					f.Year, f.ScopePath, f.FigureMonth, f.PerPage, f.InPlan = 2023, scope, month, 5, f.Stage == ""
					_, want, err := a.DB.Projects(ctx, f)
					if err != nil {
						t.Fatal(err)
					}
					_, got, err := a.DB.ProjectsWithFigures(ctx, f, store.ListFigures{Lights: lights})
					if err != nil {
						t.Fatal(err)
					}
					if got != want {
						t.Errorf("scope %q month %d filter %+v: totals from the lights %+v, from the reports %+v", scope, month, f, got, want)
					}
				}
			}
		}
	})
}
