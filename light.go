package qianxiang

// Light is a project's 亮灯 in the dispatch.
type Light string

const (
	LightGreen  Light = "green"
	LightYellow Light = "yellow"
	LightRed    Light = "red"
)

// Reasons a light is red.
const (
	ReasonOverdueStart   = "overdue_start"   // 应开未开
	ReasonBehindSchedule = "behind_schedule" // behind time progress by more than the yellow band
)

// Why a project has its light, whatever the colour: the red reasons above
// and these. The dispatch workbook's all-projects sheet names each.
const (
	WhyStartNotDue = "start_not_due" // a new project before its planned start month: green
	WhyNoPlan      = "no_plan"       // no annual plan, so no rate: the start rule alone decides (green)
	WhyOnSchedule  = "on_schedule"   // completion rate at or above time progress: green
	WhyWithinBand  = "within_band"   // behind time progress, within the yellow band: yellow
)

// DispatchProject is what the dispatch needs to know of a project.
type DispatchProject struct {
	ID           int64
	Name         string
	Org          OrgRef // the county
	LeadOrg      OrgRef // the lead department or county
	Kind         Kind
	PlannedStart Date  // month-only or a full date
	StartedOn    Date  // from an edit of the project; zero if unknown
	AnnualPlan   Money // 年度计划投资
}

// MonthFigure is one report of one project for one month of the year.
type MonthFigure struct {
	ProjectID int64
	Month     int
	Completed Money
	StartedOn Date
	Status    ReportStatus
	// Implausible says a report behind this figure held an amount outside
	// the stored bounds (written behind the application's back); the store
	// leaves such amounts out of Completed rather than overflow its sum.
	Implausible bool
}

// ProjectLight is a project's standing at the end of month N.
type ProjectLight struct {
	ID           int64   `json:"id"`
	Light        Light   `json:"light"`
	Reason       string  `json:"reason,omitempty"` // ReasonOverdueStart, ReasonBehindSchedule or ""
	Why          string  `json:"-"`                // the rule's branch for any light: a red reason or a Why* code
	CompletedYTD Money   `json:"completed_ytd"`
	Rate         float64 `json:"rate"`     // CompletedYTD / AnnualPlan, unrounded
	HasRate      bool    `json:"has_rate"` // false when the annual plan is 0
	Started      bool    `json:"started"`
	Reported     bool    `json:"reported"` // has a counted report for month N
}

// ProjectLightFor gives one project's light for month N of year. figures
// are the project's reports (others' are ignored); only counted reports of
// months 1..N matter. ComputeDispatch applies the same rule to every project.
func ProjectLightFor(year, month int, s DispatchSettings, p DispatchProject, figures []MonthFigure) ProjectLight {
	r := newRuler(year, month, s)
	var acc projectAcc
	for _, f := range figures {
		if f.ProjectID == p.ID {
			r.add(&acc, f)
		}
	}
	return r.light(p, acc)
}

// ruler applies the dispatch rules for one year and month.
type ruler struct {
	month    int   // N
	endMonth int   // Date.MonthIndex of month N: dates in it or before are "by the end of N"
	band     int64 // yellow band in units of 1/bandScale
}

func newRuler(year, month int, s DispatchSettings) ruler {
	return ruler{month: month, endMonth: Date{Year: year, Month: month}.MonthIndex(), band: s.bandUnits()}
}

// projectAcc gathers one project's counted reports.
type projectAcc struct {
	ytd             Money
	startedByReport bool
	reported        bool
	implausible     bool // a report held an amount outside the bounds; it is left out of ytd
}

// counts says whether a report takes part in month N's dispatch.
func (r ruler) counts(f MonthFigure) bool {
	return f.Status.Counts() && f.Month >= 1 && f.Month <= r.month
}

func (r ruler) add(acc *projectAcc, f MonthFigure) {
	if !r.counts(f) {
		return
	}
	// Plausible amounts are at most MaxAmount each, so twelve months of
	// them cannot overflow; an implausible one is left out and reported.
	if f.Completed.Plausible() {
		acc.ytd += f.Completed
	} else {
		acc.implausible = true
	}
	if f.Implausible {
		acc.implausible = true
	}
	if f.Month == r.month {
		acc.reported = true
	}
	if r.byEnd(f.StartedOn) {
		acc.startedByReport = true
	}
}

// byEnd says whether d is set and falls on or before the end of month N; a
// month-only date counts as its month.
func (r ruler) byEnd(d Date) bool { return !d.IsZero() && d.MonthIndex() <= r.endMonth }

// started: continuing projects count as started; others when a counted
// report or an edit of the project gives a start on or before the end of N.
func (r ruler) started(p DispatchProject, acc projectAcc) bool {
	return p.Kind == KindContinuing || acc.startedByReport || r.byEnd(p.StartedOn)
}

func (r ruler) light(p DispatchProject, acc projectAcc) ProjectLight {
	pl := ProjectLight{
		ID:           p.ID,
		CompletedYTD: acc.ytd,
		Started:      r.started(p, acc),
		Reported:     acc.reported,
	}
	if p.AnnualPlan > 0 {
		pl.HasRate = true
		pl.Rate = float64(acc.ytd) / float64(p.AnnualPlan)
	}
	pl.Light, pl.Why = r.decide(p, pl.Started, acc.ytd)
	if pl.Light == LightRed {
		pl.Reason = pl.Why
	}
	return pl
}

// decide is the light rule of domain.md, in its order, with the branch
// that decided it. A new project without a planned start meets neither
// start branch; its rate decides.
func (r ruler) decide(p DispatchProject, started bool, ytd Money) (Light, string) {
	if p.Kind == KindNew && !started && !p.PlannedStart.IsZero() {
		if p.PlannedStart.MonthIndex() <= r.endMonth {
			return LightRed, ReasonOverdueStart
		}
		return LightGreen, WhyStartNotDue
	}
	if p.AnnualPlan <= 0 {
		return LightGreen, WhyNoPlan // no rate: the start rule alone decides
	}
	plan, n := int64(p.AnnualPlan), int64(r.month)
	// rate ≥ t  ⇔  ytd/plan ≥ N/12  ⇔  12·ytd ≥ N·plan
	if cmpProducts(int64(ytd), 12, n, plan) >= 0 {
		return LightGreen, WhyOnSchedule
	}
	// t − rate ≤ band  ⇔  (N·plan − 12·ytd)·scale ≤ 12·band·plan
	if cmpProducts(n*plan-12*int64(ytd), bandScale, 12*r.band, plan) <= 0 {
		return LightYellow, WhyWithinBand
	}
	return LightRed, ReasonBehindSchedule
}
