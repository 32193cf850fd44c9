package app

import (
	"context"

	"qianxiang"
)

// GridRow is one project's line in the monthly reporting grid: what was
// reported last month and so far this year beside this month's report.
type GridRow struct {
	Project   qianxiang.Project `json:"project"`
	Report    *qianxiang.Report `json:"report"`
	LastMonth qianxiang.Money   `json:"last_month"`
	YTDBefore qianxiang.Money   `json:"ytd_before"` // months 1..N-1, counted reports
	Photos    int               `json:"photos"`     // photos attached to this month's report
}

// Grid is the month's grid for the projects the actor can see.
type Grid struct {
	Year   int  `json:"year"`
	Month  int  `json:"month"`
	Locked bool `json:"locked"`
	// Future: the month has not begun, so nothing in it can be saved yet
	// (qianxiang.ReportableMonth); the page shows it read-only.
	Future   bool      `json:"future"`
	Opens    string    `json:"opens,omitempty"` // the first day it can be reported, when Future
	Deadline string    `json:"deadline"`
	Rows     []GridRow `json:"rows"`
	Counts   struct {
		Empty, Draft, Submitted, Approved, Returned int
	} `json:"counts"`
}

// ReportGrid builds the reporting grid of a month. orgCode narrows it to
// one county or department ("" for everything in scope).
func (a *App) ReportGrid(ctx context.Context, actor qianxiang.Actor, year, month int, orgCode string) (*Grid, error) {
	if err := CheckMonth(year, month); err != nil {
		return nil, err
	}
	ps, _, err := a.DB.Projects(ctx, qianxiang.ProjectFilter{Year: year, OrgCode: orgCode, ScopePath: ScopePath(actor), Sort: "org"})
	if err != nil {
		return nil, a.internal(ctx, "grid", err)
	}
	reports, err := a.DB.MonthReports(ctx, year, month)
	if err != nil {
		return nil, a.internal(ctx, "grid", err)
	}
	// Counted for the whole month, shown only on the rows in scope below.
	photos, err := a.DB.PhotoCounts(ctx, year, month)
	if err != nil {
		return nil, a.internal(ctx, "grid", err)
	}
	byProject := make(map[int64]*qianxiang.Report, len(reports))
	for i := range reports {
		byProject[reports[i].ProjectID] = &reports[i]
	}
	last := map[int64]qianxiang.Money{}
	ytd := map[int64]qianxiang.Money{}
	if month > 1 {
		fs, err := a.DB.MonthFigures(ctx, year, month-1)
		if err != nil {
			return nil, a.internal(ctx, "grid", err)
		}
		for _, f := range fs {
			if f.Completed.Plausible() { // bounded: a year of them cannot overflow
				ytd[f.ProjectID] += f.Completed
			}
			if f.Month == month-1 {
				last[f.ProjectID] = f.Completed
			}
		}
	}
	g := &Grid{Year: year, Month: month, Locked: a.Locked(ctx, year, month),
		Deadline: qianxiang.DateOf(a.Deadline(ctx, year, month).Add(-1)).String(), Rows: make([]GridRow, 0, len(ps))}
	if qianxiang.ReportableMonth(year, month, a.Today()) != nil {
		g.Future, g.Opens = true, qianxiang.Date{Year: year, Month: month, Day: 1}.String()
	}
	reporting := map[qianxiang.Kind]bool{}
	for _, k := range a.DispatchSettings(ctx).ReportingKinds {
		reporting[k] = true
	}
	for _, p := range ps {
		r := byProject[p.ID]
		if !reporting[p.Kind] && r == nil {
			continue // this kind does not report, and this one has not
		}
		if p.Stage.InPool() && r == nil {
			continue // the reserve pool is not in the plan: nothing is due
		}
		row := GridRow{Project: p, Report: r, LastMonth: last[p.ID], YTDBefore: ytd[p.ID]}
		if r != nil {
			row.Photos = photos[r.ID]
		}
		g.Rows = append(g.Rows, row)
		switch {
		case r == nil:
			g.Counts.Empty++
		case r.Status == qianxiang.ReportDraft:
			g.Counts.Draft++
		case r.Status == qianxiang.ReportSubmitted:
			g.Counts.Submitted++
		case r.Status == qianxiang.ReportApproved:
			g.Counts.Approved++
		case r.Status == qianxiang.ReportReturned:
			g.Counts.Returned++
		}
	}
	return g, nil
}
