package qianxiang

import (
	"cmp"
	"slices"
)

// LightCounts counts projects by light.
type LightCounts struct {
	Green  int `json:"green"`
	Yellow int `json:"yellow"`
	Red    int `json:"red"`
}

func (c *LightCounts) add(l Light) {
	switch l {
	case LightGreen:
		c.Green++
	case LightYellow:
		c.Yellow++
	case LightRed:
		c.Red++
	}
}

// DispatchTotals are the figures of the whole plan or of one organisation.
type DispatchTotals struct {
	Projects           int         `json:"projects"`
	AnnualPlan         Money       `json:"annual_plan"`
	CompletedYTD       Money       `json:"completed_ytd"`
	CompletionRate     Fraction    `json:"completion_rate"` // Σ completed_ytd / Σ annual_plan; 0 when the plan is 0
	NewProjects        int         `json:"new_projects"`
	StartedNewProjects int         `json:"started_new_projects"`
	StartRate          *Fraction   `json:"start_rate"` // nil (null) when there are no new projects
	Lights             LightCounts `json:"lights"`
	ReportsDue         int         `json:"reports_due"`
	ReportsMissing     int         `json:"reports_missing"`
	// Target is the assigned target (分解下达), nil when none is set;
	// TargetRate = completed_ytd / target annual_plan, nil without one.
	Target     *TargetFigures `json:"target"`
	TargetRate *Fraction      `json:"target_rate"`
	// QuarterMet, at months 3, 6, 9 and 12 only, says whether the
	// completion rate reached time progress (开门红 · 季季红 · 全年红).
	QuarterMet *bool `json:"quarter_met,omitempty"`
	// Statistics entry (项目入库, statentry.go): projects expected in the
	// statistics by the month's end, those of them entered, and
	// EntryRate = entered / expected (nil when none is expected).
	EntryExpected int       `json:"entry_expected"`
	EntryEntered  int       `json:"entry_entered"`
	EntryRate     *Fraction `json:"entry_rate"`
}

// OrgDispatch is one organisation's line of a ranking.
type OrgDispatch struct {
	Org  OrgRef `json:"org"`
	Rank int    `json:"rank"`
	DispatchTotals
}

// RedProject is a project with a red light. The contract names id, name,
// org and reason; the rest is what the circular prints beside them.
type RedProject struct {
	ID             int64     `json:"id"`
	Name           string    `json:"name"`
	Org            OrgRef    `json:"org"`
	LeadOrg        OrgRef    `json:"lead_org"`
	Kind           Kind      `json:"kind"`
	Reason         string    `json:"reason"`
	AnnualPlan     Money     `json:"annual_plan"`
	CompletedYTD   Money     `json:"completed_ytd"`
	CompletionRate *Fraction `json:"completion_rate"` // nil when the plan is 0
}

// MissingReport is a project due for month N without a counted report.
type MissingReport struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Org     OrgRef `json:"org"`
	LeadOrg OrgRef `json:"lead_org"`
}

// Dispatch is the monthly dispatch report (调度通报) for month N of a year.
type Dispatch struct {
	Year         int      `json:"year"`
	Month        int      `json:"month"`
	TimeProgress Fraction `json:"time_progress"` // N/12
	// Quarter names the quarter slogan of months 3, 6, 9, 12 (see QuarterName).
	Quarter     string          `json:"quarter,omitempty"`
	Total       DispatchTotals  `json:"total"`
	ByOrg       []OrgDispatch   `json:"by_org"`      // by the project's county, ranked
	ByLeadOrg   []OrgDispatch   `json:"by_lead_org"` // by lead organisation, ranked
	RedProjects []RedProject    `json:"red_projects"`
	Missing     []MissingReport `json:"missing_reports"`
	// Implausible names the projects whose stored figures were left out of
	// the sums because they lie outside the bounds (see ImplausibleAmount).
	Implausible []ImplausibleAmount `json:"implausible_amounts,omitempty"`
	// Standing is the reader's place in the city-wide ranking when the
	// dispatch covers only their county or department (nil for the city).
	Standing *Standing `json:"standing,omitempty"`
	// ByClass groups the projects by each classification list the office
	// keeps (产业链, 特色专业镇): see GroupByClass.
	ByClass []ClassDispatch `json:"by_class,omitempty"`
	// Unlisted are the organisations given a target that have no project
	// in this dispatch: the targets table lists them at 0 (the city's view
	// only; see TargetedWithoutProjects).
	Unlisted []OrgDispatch `json:"-"`
	// Projects holds every project's light, for list filters.
	Projects map[int64]ProjectLight `json:"-"`
	// Lines is every project with its light, by county and name: the
	// workbook's all-projects sheet.
	Lines []DispatchLine `json:"-"`
}

// DispatchLine is one project beside its light for month N.
type DispatchLine struct {
	Project DispatchProject
	Light   ProjectLight
}

// ComputeDispatch applies the rules of the monthly dispatch (domain.md) for
// month N of year to the year's projects and their reports. Reports of
// projects not in the list are ignored. s is taken as given: validate it
// first.
func ComputeDispatch(year, month int, s DispatchSettings, projects []DispatchProject, reports []MonthFigure) *Dispatch {
	r := newRuler(year, month, s)
	index := make(map[int64]int, len(projects))
	for i, p := range projects {
		index[p.ID] = i
	}
	accs := make([]projectAcc, len(projects))
	// Reports usually come grouped by project: look each group up once.
	var last int64
	lastAt, lastOK, looked := 0, false, false
	for _, f := range reports {
		if !looked || f.ProjectID != last {
			last, looked = f.ProjectID, true
			lastAt, lastOK = index[last]
		}
		if lastOK {
			r.add(&accs[lastAt], f)
		}
	}

	d := &Dispatch{
		Year:         year,
		Month:        month,
		TimeProgress: Fraction(float64(month) / 12),
		Projects:     make(map[int64]ProjectLight, len(projects)),
	}
	lights := make([]ProjectLight, len(projects))
	var red, missing []int // indexes into projects
	var total tally
	byOrg, byLead := newGrouping(), newGrouping()
	for i, p := range projects {
		p, ok := plausiblePlan(p)
		if !ok {
			d.Implausible = append(d.Implausible, ImplausibleAmount{ID: p.ID, Name: p.Name, Org: p.Org, Field: "annual_plan"})
		}
		if accs[i].implausible {
			d.Implausible = append(d.Implausible, ImplausibleAmount{ID: p.ID, Name: p.Name, Org: p.Org, Field: "completed"})
		}
		pl := r.light(p, accs[i])
		lights[i] = pl
		d.Projects[p.ID] = pl
		due := s.reports(p.Kind)
		total.add(p, pl, due)
		byOrg.tally(p.Org).add(p, pl, due)
		if p.LeadOrg != (OrgRef{}) {
			byLead.tally(p.LeadOrg).add(p, pl, due)
		}
		if pl.Light == LightRed {
			red = append(red, i)
		}
		if due && !pl.Reported {
			missing = append(missing, i)
		}
	}
	d.Total = total.totals()
	d.ByOrg = byOrg.ranked()
	d.ByLeadOrg = byLead.ranked()

	d.RedProjects = make([]RedProject, len(red))
	for k, i := range sortByOrgThenName(projects, red) {
		p, _ := plausiblePlan(projects[i])
		d.RedProjects[k] = redProject(p, lights[i])
	}
	all := make([]int, len(projects))
	for i := range all {
		all[i] = i
	}
	d.Lines = make([]DispatchLine, len(projects))
	for k, i := range sortByOrgThenName(projects, all) {
		p, _ := plausiblePlan(projects[i])
		d.Lines[k] = DispatchLine{Project: p, Light: lights[i]}
	}
	d.Missing = make([]MissingReport, len(missing))
	for k, i := range sortByOrgThenName(projects, missing) {
		p := &projects[i]
		d.Missing[k] = MissingReport{ID: p.ID, Name: p.Name, Org: p.Org, LeadOrg: p.LeadOrg}
	}
	return d
}

func redProject(p DispatchProject, pl ProjectLight) RedProject {
	rp := RedProject{ID: p.ID, Name: p.Name, Org: p.Org, LeadOrg: p.LeadOrg, Kind: p.Kind,
		Reason: pl.Reason, AnnualPlan: p.AnnualPlan, CompletedYTD: pl.CompletedYTD}
	if pl.HasRate {
		f := Fraction(pl.Rate)
		rp.CompletionRate = &f
	}
	return rp
}

// sortByOrgThenName orders indexes into projects by org code, name and id.
// It sorts compact keys rather than indexes, so that comparisons do not
// chase pointers across the whole project list.
func sortByOrgThenName(projects []DispatchProject, idx []int) []int {
	type key struct {
		org, name string
		id        int64
		i         int
	}
	keys := make([]key, len(idx))
	for k, i := range idx {
		p := &projects[i]
		keys[k] = key{p.Org.Code, p.Name, p.ID, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.org, b.org), cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	for k := range keys {
		idx[k] = keys[k].i
	}
	return idx
}
