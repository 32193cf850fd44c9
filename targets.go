package qianxiang

import "fmt"

// CampaignTarget is the year's promise of the whole campaign (千项千亿: 1,000
// projects and 1,000 亿元 of annual planned investment in the seed's city).
type CampaignTarget struct {
	Projects   int   `json:"projects"`
	AnnualPlan Money `json:"annual_plan"`
}

// OrgTarget is what the city assigned one county or department (分解下达):
// it may differ from the sum of that organisation's projects.
type OrgTarget struct {
	Org        string `json:"org"` // the organisation's code
	Name       string `json:"name,omitempty"`
	Projects   int    `json:"projects"`
	AnnualPlan Money  `json:"annual_plan"`
	NewStarts  int    `json:"new_starts"`
}

// Targets are one year's campaign target and assigned targets.
type Targets struct {
	Year     int            `json:"year"`
	Campaign CampaignTarget `json:"campaign"`
	Orgs     []OrgTarget    `json:"orgs"`
}

// DefaultCampaignTarget is the campaign's name: 1,000 projects, 1,000 亿元.
func DefaultCampaignTarget() CampaignTarget {
	return CampaignTarget{Projects: 1000, AnnualPlan: 10_000_000 * 100}
}

// Validate refuses a negative or implausible figure, an organisation that
// is not a county or department of the city (known says which codes are),
// and an organisation named twice. Every fault is named by its field.
func (t Targets) Validate(known func(code string) bool) error {
	var ds []Detail
	bad := func(field, format string, args ...any) {
		ds = append(ds, Detail{Field: field, Format: format, Args: args})
	}
	count := func(field string, n int) {
		if n < 0 {
			bad(field, "must not be below zero")
		} else if n > 1_000_000 {
			bad(field, "is too large")
		}
	}
	money := func(field string, m Money) {
		if m < 0 {
			bad(field, "must not be below zero")
		} else if !m.Plausible() {
			bad(field, "is too large")
		}
	}
	count("campaign.projects", t.Campaign.Projects)
	money("campaign.annual_plan", t.Campaign.AnnualPlan)
	seen := map[string]bool{}
	for i, o := range t.Orgs {
		at := fmt.Sprintf("orgs[%d]", i)
		switch {
		case o.Org == "":
			bad(at+".org", "names no organisation")
		case !known(o.Org):
			bad(at+".org", "%q is not a county or department of the city", o.Org)
		case seen[o.Org]:
			bad(at+".org", "%q is given twice", o.Org)
		}
		seen[o.Org] = true
		count(at+".projects", o.Projects)
		money(at+".annual_plan", o.AnnualPlan)
		count(at+".new_starts", o.NewStarts)
	}
	if len(ds) == 0 {
		return nil
	}
	if len(ds) == 1 {
		// As FieldError words it: "field: message".
		return &Error{Code: EValidation, Format: "%s: " + ds[0].Format, Args: append([]any{ds[0].Field}, ds[0].Args...), Details: ds}
	}
	e := Errorf(EValidation, "%d faults in the targets", len(ds))
	e.Details = ds
	return e
}

// TargetFigures is an organisation's (or the campaign's) target as the
// dispatch shows it.
type TargetFigures struct {
	Projects   int   `json:"projects"`
	AnnualPlan Money `json:"annual_plan"`
	NewStarts  *int  `json:"new_starts,omitempty"`
}

// QuarterName names the city's quarter slogan for month N: 开门红 after the
// first quarter, 季季红 after the second and third, 全年红 at the year's end;
// "" in other months.
func QuarterName(month int) string {
	switch month {
	case 3:
		return "strong_start" // 开门红
	case 6, 9:
		return "every_quarter" // 季季红
	case 12:
		return "whole_year" // 全年红
	}
	return ""
}

// ReachedTimeProgress says, exactly, whether completed/plan ≥ month/12. An
// organisation without plan has no rate and has not reached it.
func ReachedTimeProgress(completed, plan Money, month int) bool {
	if plan <= 0 {
		return false
	}
	return cmpProducts(int64(completed), 12, int64(plan), int64(month)) >= 0
}

// ApplyTargets adds the targets to a computed dispatch: each organisation's
// assigned target and target rate (completed YTD / assigned annual
// investment), the total's target (total; nil for none), and at months 3, 6,
// 9 and 12 whether each organisation's completion rate reached time
// progress.
func ApplyTargets(d *Dispatch, t Targets, total *TargetFigures) {
	by := make(map[string]OrgTarget, len(t.Orgs))
	for _, o := range t.Orgs {
		by[o.Org] = o
	}
	d.Quarter = QuarterName(d.Month)
	row := func(code string, x *DispatchTotals) {
		if o, ok := by[code]; ok {
			n := o.NewStarts
			setTarget(x, &TargetFigures{Projects: o.Projects, AnnualPlan: o.AnnualPlan, NewStarts: &n})
		}
		if d.Quarter != "" {
			r := ReachedTimeProgress(x.CompletedYTD, x.AnnualPlan, d.Month)
			x.QuarterMet = &r
		}
	}
	for i := range d.ByOrg {
		row(d.ByOrg[i].Org.Code, &d.ByOrg[i].DispatchTotals)
	}
	for i := range d.ByLeadOrg {
		row(d.ByLeadOrg[i].Org.Code, &d.ByLeadOrg[i].DispatchTotals)
	}
	setTarget(&d.Total, total)
	if d.Quarter != "" {
		r := ReachedTimeProgress(d.Total.CompletedYTD, d.Total.AnnualPlan, d.Month)
		d.Total.QuarterMet = &r
	}
}

func setTarget(x *DispatchTotals, t *TargetFigures) {
	if t == nil {
		return
	}
	x.Target = t
	if f, ok := fractionOf(int64(x.CompletedYTD), int64(t.AnnualPlan)); ok {
		x.TargetRate = &f
	}
}

// TargetedWithoutProjects gives the organisations that were assigned a
// target but have no project in the dispatch, in the targets' order, each
// with zero figures against its target: a county that has listed nothing
// yet is the one furthest from its target, and the circular must say so.
// Call it after ApplyTargets.
func TargetedWithoutProjects(d *Dispatch, t Targets) []OrgDispatch {
	listed := map[string]bool{}
	for _, rows := range [][]OrgDispatch{d.ByOrg, d.ByLeadOrg} {
		for _, o := range rows {
			listed[o.Org.Code] = true
		}
	}
	var out []OrgDispatch
	for _, ot := range t.Orgs {
		if listed[ot.Org] {
			continue
		}
		o := OrgDispatch{Org: OrgRef{Code: ot.Org, Name: ot.Name}}
		n := ot.NewStarts
		setTarget(&o.DispatchTotals, &TargetFigures{Projects: ot.Projects, AnnualPlan: ot.AnnualPlan, NewStarts: &n})
		if d.Quarter != "" {
			met := false
			o.QuarterMet = &met
		}
		out = append(out, o)
	}
	return out
}
