package store

import (
	"context"
	"strings"

	"qianxiang"
)

// The dispatch's inputs read to be kept in memory and rolled forward
// (app/dispatch_inputs.go): a year's projects, their counted reports month
// by month, and the change log (migration 175) that says which of them a
// newer data version touched.

// YearProject is one project of a year's plan as the dispatch reads it:
// Org and LeadOrg carry only their ids (the caller names them from its
// organisations), with the entry-rate facts beside.
type YearProject struct {
	qianxiang.DispatchProject
	Facts qianxiang.EntryFacts
}

// YearProjects gives the projects of a year's plan (the reserve pool left
// out, as DispatchInput does), all of them (ids nil) or those of ids that
// are in it, ordered by id.
func (c conn) YearProjects(ctx context.Context, year int, ids []int64) ([]YearProject, error) {
	args := []any{year}
	extra := ""
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		extra = ` AND p.id IN (` + inList(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := c.query(ctx, `SELECT p.id, p.name, p.kind, p.planned_start, p.started_on, p.annual_plan,
		p.org_id, p.lead_org_id, p.total_investment, p.stage, p.in_stats FROM projects p
		WHERE p.year = ? AND `+poolStagesExcluded+extra+` ORDER BY p.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []YearProject
	for rows.Next() {
		var p YearProject
		var kind, start, started, stage string
		var plan, total int64
		var inStats int
		if err := rows.Scan(&p.ID, &p.Name, &kind, &start, &started, &plan, &p.Org.ID, &p.LeadOrg.ID, &total, &stage, &inStats); err != nil {
			return nil, err
		}
		p.Kind, p.AnnualPlan = qianxiang.Kind(kind), qianxiang.Money(plan)
		p.PlannedStart, _ = qianxiang.ParseDate(start)
		p.StartedOn, _ = qianxiang.ParseDate(started)
		p.Facts = qianxiang.EntryFacts{TotalInvestment: qianxiang.Money(total), Kind: p.Kind,
			Stage: qianxiang.Stage(stage), StartedOn: p.StartedOn, InStats: inStats != 0}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// ReportMonth is one counted report of one month: the amount within the
// bounds (0 when outside, and Implausible set), and the start date as
// stored ("" when none), compared as text the way the summaries' MIN does.
type ReportMonth struct {
	ProjectID   int64
	Month       int
	Completed   qianxiang.Money
	StartedOn   string
	Implausible bool
}

// ReportMonths gives the counted reports of a year, all of them (ids nil)
// or those of some projects.
func (c conn) ReportMonths(ctx context.Context, year int, ids []int64) ([]ReportMonth, error) {
	args := []any{year}
	extra := ""
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		extra = ` AND project_id IN (` + inList(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := c.query(ctx, strings.Replace(sqlReportMonths, "{{and}}", extra, 1), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReportMonth
	for rows.Next() {
		var r ReportMonth
		var completed int64
		var bad int
		if err := rows.Scan(&r.ProjectID, &r.Month, &completed, &r.StartedOn, &bad); err != nil {
			return nil, err
		}
		r.Completed, r.Implausible = qianxiang.Money(completed), bad == 1
		out = append(out, r)
	}
	return out, rows.Err()
}
