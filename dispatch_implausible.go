package qianxiang

// ImplausibleAmount names a project whose stored figures lie outside the
// bounds every path enforces (CheckAmount): they can only have been written
// behind the application's back. The dispatch leaves them out of its sums
// and names the project, instead of failing for the whole city.
type ImplausibleAmount struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Org   OrgRef `json:"org"`
	Field string `json:"field"` // annual_plan or completed
}

// plausiblePlan gives the project with an implausible annual plan taken as
// 0 (no rate), and whether it was.
func plausiblePlan(p DispatchProject) (DispatchProject, bool) {
	if p.AnnualPlan.Plausible() {
		return p, true
	}
	p.AnnualPlan = 0
	return p, false
}
