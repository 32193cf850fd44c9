package web

import (
	"qianxiang"
	"qianxiang/app"
)

// orgProgress is one organisation's line of the grid's summary: how far
// its projects are with the month.
type orgProgress struct {
	Org                                               qianxiang.OrgRef
	Lead                                              bool // a lead department rather than a county
	Rows, Empty, Draft, Submitted, Approved, Returned int
}

// Missing counts the projects not yet counted in the dispatch.
func (o orgProgress) Missing() int { return o.Empty + o.Draft + o.Returned }

// gridSummary groups a city-wide grid by county, then by lead departments
// that are not counties. The campaign office sees who is behind and opens
// one organisation's rows, instead of a thousand rows at once.
func gridSummary(g *app.Grid) []orgProgress {
	var out []orgProgress
	at := map[string]int{}
	add := func(o qianxiang.OrgRef, lead bool, r *qianxiang.Report) {
		i, ok := at[o.Code]
		if !ok {
			i = len(out)
			at[o.Code] = i
			out = append(out, orgProgress{Org: o, Lead: lead})
		}
		p := &out[i]
		p.Rows++
		switch {
		case r == nil:
			p.Empty++
		case r.Status == qianxiang.ReportDraft:
			p.Draft++
		case r.Status == qianxiang.ReportSubmitted:
			p.Submitted++
		case r.Status == qianxiang.ReportApproved:
			p.Approved++
		case r.Status == qianxiang.ReportReturned:
			p.Returned++
		}
	}
	counties := map[string]bool{}
	for _, row := range g.Rows {
		counties[row.Project.Org.Code] = true
		add(row.Project.Org, false, row.Report)
	}
	for _, row := range g.Rows {
		if l := row.Project.LeadOrg; l.Code != "" && !counties[l.Code] {
			add(l, true, row.Report)
		}
	}
	return out
}
