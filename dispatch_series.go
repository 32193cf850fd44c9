package qianxiang

// SeriesPoint is one month of the cockpit's progress chart.
type SeriesPoint struct {
	Month          int      `json:"month"`
	Completed      Money    `json:"completed"`       // completed in that month
	CompletedYTD   Money    `json:"completed_ytd"`   // months 1..Month
	CompletionRate Fraction `json:"completion_rate"` // CompletedYTD / Σ annual plan; 0 when the plan is 0
	TimeProgress   Fraction `json:"time_progress"`   // Month/12
}

// MonthlySeries gives, for each month 1..N, the whole plan's cumulative
// completed investment and completion rate against time progress. It reads
// the reports once: month m counts reports of months 1..m, as the dispatch
// of month m would. The settings do not change these figures; they are
// taken so that callers pass what they pass to ComputeDispatch.
func MonthlySeries(year, month int, _ DispatchSettings, projects []DispatchProject, reports []MonthFigure) []SeriesPoint {
	if month < 1 {
		return []SeriesPoint{}
	}
	known := make(map[int64]struct{}, len(projects))
	var plan Money
	for _, p := range projects {
		known[p.ID] = struct{}{}
		if p.AnnualPlan.Plausible() { // as ComputeDispatch: an implausible plan counts as 0
			plan += p.AnnualPlan
		}
	}
	perMonth := make([]Money, month+1)
	for _, f := range reports {
		if !f.Status.Counts() || f.Month < 1 || f.Month > month || !f.Completed.Plausible() {
			continue
		}
		if _, ok := known[f.ProjectID]; ok {
			perMonth[f.Month] += f.Completed
		}
	}
	return SeriesFromTotals(month, plan, perMonth)
}

// SeriesFromTotals makes the series from the sums MonthlySeries takes:
// the plan (implausible plans counted as 0) and perMonth[m], the plausible
// completed amount of the counted reports of month m (index 0 unused).
// The store sums them in SQL; MonthlySeries is the rule they must match.
func SeriesFromTotals(month int, plan Money, perMonth []Money) []SeriesPoint {
	if month < 1 {
		return []SeriesPoint{}
	}
	out := make([]SeriesPoint, 0, month)
	var ytd Money
	for m := 1; m <= month; m++ {
		var got Money
		if m < len(perMonth) {
			got = perMonth[m]
		}
		ytd += got
		var rate Fraction
		if plan > 0 {
			rate, _ = fractionOf(int64(ytd), int64(plan))
		}
		out = append(out, SeriesPoint{Month: m, Completed: got, CompletedYTD: ytd,
			CompletionRate: rate, TimeProgress: Fraction(float64(m) / 12)})
	}
	return out
}
