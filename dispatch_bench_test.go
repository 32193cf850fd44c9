package qianxiang

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// syntheticPlan makes n projects over 13 counties and 40 departments, and
// their reports for months 1..months: most submitted, some drafts, some
// missing, new projects starting through the year.
func syntheticPlan(n, months int) ([]DispatchProject, []MonthFigure) {
	rng := rand.New(rand.NewPCG(2023, uint64(n)))
	counties := make([]OrgRef, 13)
	for i := range counties {
		counties[i] = OrgRef{ID: int64(100 + i), Code: fmt.Sprintf("1411%02d", i+1), Name: fmt.Sprintf("县%d", i+1)}
	}
	depts := make([]OrgRef, 40)
	for i := range depts {
		depts[i] = OrgRef{ID: int64(200 + i), Code: fmt.Sprintf("D%02d", i), Name: fmt.Sprintf("部门%d", i)}
	}
	projects := make([]DispatchProject, n)
	reports := make([]MonthFigure, 0, n*months)
	for i := range projects {
		p := DispatchProject{
			ID:         int64(i + 1),
			Name:       fmt.Sprintf("项目%05d", i+1),
			Org:        counties[rng.IntN(len(counties))],
			LeadOrg:    depts[rng.IntN(len(depts))],
			Kind:       Kinds[rng.IntN(len(Kinds))],
			AnnualPlan: Money(rng.Int64N(5_000_000)) * 100,
		}
		if rng.IntN(20) == 0 {
			p.AnnualPlan = 0
		}
		startMonth := 0
		if p.Kind == KindNew {
			p.PlannedStart = Date{Year: 2023, Month: 1 + rng.IntN(12)}
			startMonth = p.PlannedStart.Month + rng.IntN(4) - 1
			if rng.IntN(5) == 0 {
				p.StartedOn = Date{Year: 2023, Month: max(1, min(12, startMonth)), Day: 1 + rng.IntN(28)}
				startMonth = 0
			}
		}
		projects[i] = p
		for m := 1; m <= months; m++ {
			if rng.IntN(15) == 0 {
				continue // not reported
			}
			f := MonthFigure{ProjectID: p.ID, Month: m, Status: ReportSubmitted,
				Completed: Money(rng.Int64N(int64(p.AnnualPlan)/6 + 1))}
			switch rng.IntN(30) {
			case 0:
				f.Status = ReportDraft
			case 1:
				f.Status = ReportApproved
			}
			if m == startMonth {
				f.StartedOn = Date{Year: 2023, Month: m, Day: 1 + rng.IntN(28)}
			}
			reports = append(reports, f)
		}
	}
	return projects, reports
}

func benchmarkDispatch(b *testing.B, n int) {
	projects, reports := syntheticPlan(n, 12)
	s := DefaultDispatchSettings()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ComputeDispatch(2023, 12, s, projects, reports)
	}
}

func BenchmarkComputeDispatch1100x12(b *testing.B)  { benchmarkDispatch(b, 1100) }
func BenchmarkComputeDispatch50000x12(b *testing.B) { benchmarkDispatch(b, 50000) }

func BenchmarkMonthlySeries50000x12(b *testing.B) {
	projects, reports := syntheticPlan(50000, 12)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		MonthlySeries(2023, 12, DefaultDispatchSettings(), projects, reports)
	}
}
