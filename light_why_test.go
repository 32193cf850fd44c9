package qianxiang

import "testing"

// Every light says which branch of the rule decided it; only red ones carry
// a Reason (the contract's field).
func TestLightWhy(t *testing.T) {
	s := DefaultDispatchSettings()
	newP := DispatchProject{ID: 1, Kind: KindNew, PlannedStart: Date{Year: 2023, Month: 6}, AnnualPlan: 1200_00}
	cont := DispatchProject{ID: 1, Kind: KindContinuing, AnnualPlan: 1200_00}
	noPlan := DispatchProject{ID: 1, Kind: KindContinuing}
	fig := func(m int, amt Money) []MonthFigure {
		return []MonthFigure{{ProjectID: 1, Month: m, Completed: amt, Status: ReportApproved}}
	}
	cases := []struct {
		name     string
		month    int
		p        DispatchProject
		figs     []MonthFigure
		light    Light
		why, red string
	}{
		{"start not due", 3, newP, nil, LightGreen, WhyStartNotDue, ""},
		{"start overdue", 6, newP, nil, LightRed, ReasonOverdueStart, ReasonOverdueStart},
		{"on schedule", 3, cont, fig(3, 300_00), LightGreen, WhyOnSchedule, ""},
		{"within band", 3, cont, fig(3, 250_00), LightYellow, WhyWithinBand, ""},
		{"behind", 3, cont, fig(3, 10_00), LightRed, ReasonBehindSchedule, ReasonBehindSchedule},
		{"no plan", 3, noPlan, nil, LightGreen, WhyNoPlan, ""},
	}
	for _, c := range cases {
		got := ProjectLightFor(2023, c.month, s, c.p, c.figs)
		if got.Light != c.light || got.Why != c.why || got.Reason != c.red {
			t.Errorf("%s: %s why %q reason %q, want %s why %q reason %q", c.name, got.Light, got.Why, got.Reason, c.light, c.why, c.red)
		}
	}
}
