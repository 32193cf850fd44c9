package qianxiang

// ProjectFilter selects projects. ScopePath limits to the projects whose
// county or lead organisation lies under that path (empty: no limit).
type ProjectFilter struct {
	Year        int
	OrgCode     string
	LeadOrgCode string
	Kind        string
	Stage       string
	Sector      string
	Leader      string
	Q           string
	IDs         []int64 // when non-nil, only these
	ScopePath   string
	Sort        string // name, -name, total_investment, -total_investment, annual_plan, -annual_plan, planned_start, code, org
	Page        int
	PerPage     int // 0: all
}

// ProjectTotals are the sums of a filtered set.
type ProjectTotals struct {
	Count int `json:"count"`
	// Implausible counts projects whose stored amounts lie outside the
	// bounds (written behind the application); they are left out of the sums.
	Implausible     int   `json:"implausible,omitempty"`
	TotalInvestment Money `json:"total_investment"`
	AnnualPlan      Money `json:"annual_plan"`
}
