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
	Sort        string // name, -name, total_investment, -total_investment, annual_plan, -annual_plan, planned_start, code, org; completed, rate, month (and -): figures through FigureMonth
	// FigureMonth is the dispatch month whose figures the totals sum and
	// the figure sorts order by (0: no figures).
	FigureMonth int
	Page        int
	PerPage     int // 0: all
	// InPlan leaves out the reserve pool (stages idea and reserve): the
	// registry and the dispatch count the year's plan, the pool has its
	// own page.
	InPlan bool

	// Class keeps the projects carrying a classification entry, given by
	// its name (in any list) or as "list:entry".
	Class string
}

// ProjectTotals are the sums of a filtered set.
type ProjectTotals struct {
	Count int `json:"count"`
	// Implausible counts projects whose stored amounts lie outside the
	// bounds (written behind the application); they are left out of the sums.
	Implausible     int   `json:"implausible,omitempty"`
	TotalInvestment Money `json:"total_investment"`
	AnnualPlan      Money `json:"annual_plan"`
	// CompletedYTD and MonthCompleted sum the counted reports through, and
	// of, the filter's FigureMonth.
	CompletedYTD   Money `json:"completed_ytd"`
	MonthCompleted Money `json:"month_completed"`
}

// CompletionRate is CompletedYTD / AnnualPlan (false when the plan is 0).
func (t ProjectTotals) CompletionRate() (Fraction, bool) {
	if t.AnnualPlan <= 0 {
		return 0, false
	}
	return Fraction(float64(t.CompletedYTD) / float64(t.AnnualPlan)), true
}
