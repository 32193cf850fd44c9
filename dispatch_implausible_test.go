package qianxiang

import (
	"math"
	"testing"
)

// A figure written behind the application (beyond any bound) is left out of
// the sums and named, instead of wrapping the city's totals negative.
func TestComputeDispatchNamesImplausibleFiguresAndKeepsSumsSane(t *testing.T) {
	org := OrgRef{ID: 1, Code: "141102", Name: "离石区"}
	ps := []DispatchProject{
		{ID: 1, Name: "好项目", Org: org, Kind: KindContinuing, AnnualPlan: 1200},
		{ID: 2, Name: "坏计划", Org: org, Kind: KindContinuing, AnnualPlan: Money(math.MaxInt64)},
		{ID: 3, Name: "坏月报", Org: org, Kind: KindContinuing, AnnualPlan: 1200},
	}
	fs := []MonthFigure{
		{ProjectID: 1, Month: 1, Completed: 100, Status: ReportSubmitted},
		{ProjectID: 3, Month: 1, Completed: Money(math.MaxInt64), Status: ReportSubmitted},
		{ProjectID: 3, Month: 1, Completed: 50, Status: ReportSubmitted, Implausible: true},
	}
	d := ComputeDispatch(2023, 1, DefaultDispatchSettings(), ps, fs)
	if d.Total.AnnualPlan != 2400 || d.Total.CompletedYTD != 150 {
		t.Fatalf("totals: plan %s, ytd %s; want 2400.00 cents and 150", d.Total.AnnualPlan, d.Total.CompletedYTD)
	}
	if len(d.Implausible) != 2 || d.Implausible[0].ID != 2 || d.Implausible[0].Field != "annual_plan" ||
		d.Implausible[1].ID != 3 || d.Implausible[1].Field != "completed" {
		t.Fatalf("implausible: %+v", d.Implausible)
	}
	s := MonthlySeries(2023, 1, DefaultDispatchSettings(), ps, fs)
	if s[0].CompletedYTD != 150 || s[0].CompletionRate < 0 {
		t.Fatalf("series: %+v", s)
	}
}
