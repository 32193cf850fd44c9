package qianxiang

import "testing"

// Test helpers of the dispatch tests.
func ym(y, m int) Date     { return Date{Year: y, Month: m} }
func ymd(y, m, d int) Date { return Date{Year: y, Month: m, Day: d} }

// wan reads 万元 written as in a project list.
func wan(s string) Money {
	v, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return v
}

// fig is a submitted report of project 1.
func fig(m int, c string) MonthFigure {
	return MonthFigure{ProjectID: 1, Month: m, Completed: wan(c), Status: ReportSubmitted}
}

func TestProjectLightFor(t *testing.T) {
	newP := func(planned Date, plan string) DispatchProject {
		return DispatchProject{ID: 1, Kind: KindNew, PlannedStart: planned, AnnualPlan: wan(plan)}
	}
	cont := func(plan string) DispatchProject {
		return DispatchProject{ID: 1, Kind: KindContinuing, AnnualPlan: wan(plan)}
	}
	startedIn := func(m int, c string, on Date) MonthFigure { f := fig(m, c); f.StartedOn = on; return f }
	withStatus := func(f MonthFigure, s ReportStatus) MonthFigure { f.Status = s; return f }
	edited := func(p DispatchProject, on Date) DispatchProject { p.StartedOn = on; return p }
	narrow := DefaultDispatchSettings()
	narrow.YellowBand = 0

	tests := []struct {
		name     string
		month    int
		settings *DispatchSettings
		p        DispatchProject
		figures  []MonthFigure
		light    Light
		reason   string
		started  bool
	}{
		// start rule
		{"new, planned this month (month only), not started: overdue", 3, nil, newP(ym(2023, 3), "1000"), nil, LightRed, ReasonOverdueStart, false},
		{"new, planned on a day of this month, not started: overdue", 3, nil, newP(ymd(2023, 3, 28), "1000"), nil, LightRed, ReasonOverdueStart, false},
		{"new, planned last year, not started: overdue", 1, nil, newP(ym(2022, 11), "1000"), nil, LightRed, ReasonOverdueStart, false},
		{"new, overdue even when its investment is on time", 3, nil, newP(ym(2023, 2), "1000"), []MonthFigure{fig(1, "300")}, LightRed, ReasonOverdueStart, false},
		{"new, planned after N, not started: green (not yet due)", 3, nil, newP(ym(2023, 4), "1000"), nil, LightGreen, "", false},
		{"new, planned next year: green", 12, nil, newP(ymd(2024, 1, 1), "1000"), nil, LightGreen, "", false},
		// started by a report, by an edit, or not by the end of N
		{"new, started by a report: rate decides (green)", 3, nil, newP(ym(2023, 2), "1000"), []MonthFigure{startedIn(2, "250", ymd(2023, 2, 10))}, LightGreen, "", true},
		{"new, started by an edit: rate decides (yellow)", 3, nil, edited(newP(ym(2023, 2), "1000"), ymd(2023, 3, 31)), []MonthFigure{fig(3, "200")}, LightYellow, "", true},
		{"new, started by an edit with a month-only date in N", 3, nil, edited(newP(ym(2023, 3), "1000"), ym(2023, 3)), []MonthFigure{fig(3, "250")}, LightGreen, "", true},
		{"new, started last year by an edit", 1, nil, edited(newP(ym(2023, 1), "1200"), ymd(2022, 12, 20)), []MonthFigure{fig(1, "100")}, LightGreen, "", true},
		{"new, edit gives a start after N: overdue", 3, nil, edited(newP(ym(2023, 3), "1000"), ymd(2023, 4, 1)), nil, LightRed, ReasonOverdueStart, false},
		{"new, a report's start after N: overdue", 3, nil, newP(ym(2023, 3), "1000"), []MonthFigure{startedIn(3, "0", ym(2023, 4))}, LightRed, ReasonOverdueStart, false},
		{"new, a report of a month after N does not start it", 3, nil, newP(ym(2023, 3), "1000"), []MonthFigure{startedIn(4, "300", ymd(2023, 3, 20))}, LightRed, ReasonOverdueStart, false},
		{"new, a draft report does not start it", 3, nil, newP(ym(2023, 3), "1000"), []MonthFigure{withStatus(startedIn(3, "300", ymd(2023, 3, 2)), ReportDraft)}, LightRed, ReasonOverdueStart, false},
		{"new, a returned report does not start it", 3, nil, newP(ym(2023, 3), "1000"), []MonthFigure{withStatus(startedIn(3, "300", ymd(2023, 3, 2)), ReportReturned)}, LightRed, ReasonOverdueStart, false},
		{"new, an approved report starts it", 3, nil, newP(ym(2023, 3), "1000"), []MonthFigure{withStatus(startedIn(3, "300", ymd(2023, 3, 2)), ReportApproved)}, LightGreen, "", true},
		{"new, started before its planned month", 3, nil, newP(ym(2023, 6), "1000"), []MonthFigure{startedIn(3, "10", ymd(2023, 3, 2))}, LightRed, ReasonBehindSchedule, true},
		{"new without a planned start: rate decides", 1, nil, newP(Date{}, "1200"), nil, LightYellow, "", false},
		// rate rule
		{"continuing counts as started; rate == t is green", 3, nil, cont("1000"), []MonthFigure{fig(1, "100"), fig(2, "100"), fig(3, "50")}, LightGreen, "", true},
		{"rate above t: green", 3, nil, cont("1000"), []MonthFigure{fig(1, "900")}, LightGreen, "", true},
		{"rate a hundredth below t: yellow", 3, nil, cont("1000"), []MonthFigure{fig(3, "249.99")}, LightYellow, "", true},
		{"behind by exactly the band (0.25-0.15): yellow", 3, nil, cont("1000"), []MonthFigure{fig(3, "150")}, LightYellow, "", true},
		{"behind by exactly the band where floats say 0.10000000000000003: yellow", 5, nil, cont("2.40"), []MonthFigure{fig(5, "0.76")}, LightYellow, "", true},
		{"behind by exactly the band, N=10: yellow", 10, nil, cont("999.90"), []MonthFigure{fig(10, "733.26")}, LightYellow, "", true},
		{"behind by a hundredth more than the band: red", 3, nil, cont("1000"), []MonthFigure{fig(3, "149.99")}, LightRed, ReasonBehindSchedule, true},
		{"nothing done at month 1 is within the band", 1, nil, cont("1000"), nil, LightYellow, "", true},
		{"nothing done at month 2 is behind", 2, nil, cont("1000"), nil, LightRed, ReasonBehindSchedule, true},
		{"band 0: any shortfall is red", 3, &narrow, cont("1000"), []MonthFigure{fig(3, "249.99")}, LightRed, ReasonBehindSchedule, true},
		{"band 0: rate == t stays green", 3, &narrow, cont("1000"), []MonthFigure{fig(3, "250")}, LightGreen, "", true},
		{"preparatory: rate decides", 6, nil, DispatchProject{ID: 1, Kind: KindPreparatory, AnnualPlan: wan("100")}, []MonthFigure{fig(6, "45")}, LightYellow, "", false},
		// plan 0: no rate
		{"plan 0, continuing: green", 6, nil, cont("0"), nil, LightGreen, "", true},
		{"plan 0, new, not started and due: red overdue", 6, nil, newP(ym(2023, 5), "0"), nil, LightRed, ReasonOverdueStart, false},
		{"plan 0, new, not yet due: green", 6, nil, newP(ym(2023, 7), "0"), nil, LightGreen, "", false},
		{"plan 0, new, started: green", 6, nil, newP(ym(2023, 5), "0"), []MonthFigure{startedIn(5, "0", ymd(2023, 5, 5))}, LightGreen, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultDispatchSettings()
			if tt.settings != nil {
				s = *tt.settings
			}
			got := ProjectLightFor(2023, tt.month, s, tt.p, tt.figures)
			if got.Light != tt.light || got.Reason != tt.reason || got.Started != tt.started {
				t.Errorf("got %s/%q started=%v, want %s/%q started=%v (ytd %s, rate %v)",
					got.Light, got.Reason, got.Started, tt.light, tt.reason, tt.started, got.CompletedYTD, got.Rate)
			}
			if got.HasRate != (tt.p.AnnualPlan > 0) {
				t.Errorf("HasRate = %v with plan %s", got.HasRate, tt.p.AnnualPlan)
			}
		})
	}
}

func TestProjectLightForCountsOnlyCountedReportsOfMonths1ToN(t *testing.T) {
	p := DispatchProject{ID: 1, Kind: KindContinuing, AnnualPlan: wan("1200")}
	draft := fig(2, "1000")
	draft.Status = ReportDraft
	other := fig(1, "1000")
	other.ProjectID = 2
	figures := []MonthFigure{fig(1, "10.01"), draft, fig(3, "20.02"), fig(4, "500"), fig(0, "7"), other}
	got := ProjectLightFor(2023, 3, DefaultDispatchSettings(), p, figures)
	if got.CompletedYTD != wan("30.03") {
		t.Errorf("ytd = %s, want 30.03", got.CompletedYTD)
	}
	if !got.Reported {
		t.Error("a submitted report of month N should make it reported")
	}
	if got.Rate != 3003.0/120000 {
		t.Errorf("rate = %v", got.Rate)
	}
}

func TestProjectLightForReported(t *testing.T) {
	p := DispatchProject{ID: 1, Kind: KindContinuing, AnnualPlan: wan("1200")}
	for _, tt := range []struct {
		status ReportStatus
		month  int
		want   bool
	}{
		{ReportSubmitted, 3, true}, {ReportApproved, 3, true}, {ReportDraft, 3, false},
		{ReportReturned, 3, false}, {ReportSubmitted, 2, false},
	} {
		f := fig(tt.month, "1")
		f.Status = tt.status
		if got := ProjectLightFor(2023, 3, DefaultDispatchSettings(), p, []MonthFigure{f}).Reported; got != tt.want {
			t.Errorf("%s report of month %d: reported = %v, want %v", tt.status, tt.month, got, tt.want)
		}
	}
}
