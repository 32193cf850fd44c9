package qianxiang

// CampaignGoal is the campaign's annual planned investment goal,
// 1,000 亿元 (domain.md, glossary "千项千亿").
const CampaignGoal = 1000 * Yi

// PublicProject is what the public may see of a project: money, names,
// owner, place, dates and progress — never the team, contacts, phone
// numbers or internal notes.
type PublicProject struct {
	ID              int64  `json:"id"`
	Year            int    `json:"year"`
	Code            string `json:"code"`
	Name            string `json:"name"`
	Owner           string `json:"owner"`
	County          OrgRef `json:"county"`
	LeadOrg         OrgRef `json:"lead_org"`
	Kind            Kind   `json:"kind"`
	Stage           Stage  `json:"stage"`
	Sector          string `json:"sector"`
	Scope           string `json:"scope"`
	TotalInvestment Money  `json:"total_investment"`
	AnnualPlan      Money  `json:"annual_plan"`
	PlannedStart    Date   `json:"planned_start"`
	PlannedEnd      Date   `json:"planned_end"`
	StartedOn       Date   `json:"started_on"`
	Light           Light  `json:"light,omitempty"`
}

// PublicOf copies the publishable fields; ok is false for a confidential
// project, which has no public form at all.
func PublicOf(p Project, county OrgRef) (PublicProject, bool) {
	if p.Confidential {
		return PublicProject{}, false
	}
	return PublicProject{ID: p.ID, Year: p.Year, Code: p.Code, Name: p.Name, Owner: p.Owner, County: county, LeadOrg: p.LeadOrg,
		Kind: p.Kind, Stage: p.Stage, Sector: p.Sector, Scope: p.Scope, TotalInvestment: p.TotalInvestment, AnnualPlan: p.AnnualPlan,
		PlannedStart: p.PlannedStart, PlannedEnd: p.PlannedEnd, StartedOn: p.StartedOn, Light: p.Light}, true
}

// PublicCounty is one county's public line: its projects and their lights.
type PublicCounty struct {
	County         OrgRef      `json:"county"`
	Projects       int         `json:"projects"`
	AnnualPlan     Money       `json:"annual_plan"`
	CompletedYTD   Money       `json:"completed_ytd"`
	CompletionRate Fraction    `json:"completion_rate"`
	Lights         LightCounts `json:"lights"`
}

// PublicProgress is the campaign's public progress for a year.
type PublicProgress struct {
	Year            int            `json:"year"`
	Month           int            `json:"month"`
	Projects        int            `json:"projects"`
	TotalInvestment Money          `json:"total_investment"`
	AnnualPlan      Money          `json:"annual_plan"`
	Target          Money          `json:"target"`
	PlanOfTarget    Fraction       `json:"plan_of_target"` // annual plan / target
	CompletedYTD    Money          `json:"completed_ytd"`
	CompletionRate  Fraction       `json:"completion_rate"`
	Lights          LightCounts    `json:"lights"`
	ByCounty        []PublicCounty `json:"by_county"`

	// BatchStarts are the year's 集中开工 events with their public
	// projects only (BatchStart.Public); an event of confidential
	// projects alone is left out.
	BatchStarts []BatchStart `json:"batch_starts"`
}

// PublicProgressOf summarises a dispatch computed over the public
// projects only; totalInvestment is their Σ total investment.
func PublicProgressOf(d *Dispatch, totalInvestment, target Money) PublicProgress {
	pr := PublicProgress{Year: d.Year, Month: d.Month, Projects: d.Total.Projects, TotalInvestment: totalInvestment,
		AnnualPlan: d.Total.AnnualPlan, Target: target, CompletedYTD: d.Total.CompletedYTD,
		CompletionRate: d.Total.CompletionRate, Lights: d.Total.Lights, ByCounty: []PublicCounty{}, BatchStarts: []BatchStart{}}
	pr.PlanOfTarget, _ = fractionOf(int64(d.Total.AnnualPlan), int64(target))
	for _, o := range d.ByOrg {
		pr.ByCounty = append(pr.ByCounty, PublicCounty{County: o.Org, Projects: o.Projects, AnnualPlan: o.AnnualPlan,
			CompletedYTD: o.CompletedYTD, CompletionRate: o.CompletionRate, Lights: o.Lights})
	}
	return pr
}
