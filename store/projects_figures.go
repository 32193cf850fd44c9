package store

import (
	"context"
	"strings"

	"qianxiang"
)

// counted is the reports that count in a dispatch: submitted or approved.
const counted = `status IN ('submitted', 'approved')`

// figureSorts order the registry by a project's figures through month
// FigureMonth: completed year to date, completion rate, the month's own
// figure. A project without a plan has no rate and sorts below every rate.
var figureSorts = map[string]string{
	"completed": "COALESCE(f.ytd, 0), p.id", "-completed": "COALESCE(f.ytd, 0) DESC, p.id",
	"rate": rateSQL + ", p.id", "-rate": rateSQL + " DESC, p.id",
	"month": "COALESCE(f.mon, 0), p.id", "-month": "COALESCE(f.mon, 0) DESC, p.id",
}

// rateSQL is the completion rate, computed in the database only to order
// by; pages show the exact figures from the dispatch rules.
const rateSQL = "CASE WHEN p.annual_plan > 0 THEN COALESCE(f.ytd, 0) * 1.0 / p.annual_plan ELSE -1 END"

// figureFrom joins each project's counted figures of the year through month
// N and of month N (args: N, N, year).
func figureFrom() string {
	return ` LEFT JOIN (SELECT r.project_id, SUM(CASE WHEN r.month <= ? THEN ` + plausible("r.completed") + ` ELSE 0 END) AS ytd,
		SUM(CASE WHEN r.month = ? THEN ` + plausible("r.completed") + ` ELSE 0 END) AS mon
		FROM reports r WHERE r.year = ? AND r.` + counted + ` GROUP BY r.project_id) f ON f.project_id = p.id`
}

// figureTotals sums the counted figures of the filtered projects: completed
// through month N and in month N (where and args from projectWhere).
func (c conn) figureTotals(ctx context.Context, year, month int, where string, args []any) (ytd, mon qianxiang.Money, err error) {
	all := append([]any{month, month, year}, args...)
	err = c.queryRow(ctx, `SELECT CAST(COALESCE(SUM(CASE WHEN r.month <= ? THEN `+plausible("r.completed")+` ELSE 0 END), 0) AS BIGINT),
		CAST(COALESCE(SUM(CASE WHEN r.month = ? THEN `+plausible("r.completed")+` ELSE 0 END), 0) AS BIGINT)
		FROM reports r JOIN projects p ON p.id = r.project_id WHERE r.year = ? AND r.`+counted+strings.Replace(where, " WHERE ", " AND ", 1), all...).
		Scan((*int64)(&ytd), (*int64)(&mon))
	return ytd, mon, err
}

// totals counts and sums the filtered projects in the database.
func (c conn) totals(ctx context.Context, where string, args []any) (qianxiang.ProjectTotals, error) {
	var t qianxiang.ProjectTotals
	err := c.queryRow(ctx, `SELECT COUNT(*), CAST(COALESCE(SUM(`+plausible("p.total_investment")+`), 0) AS BIGINT),
		CAST(COALESCE(SUM(`+plausible("p.annual_plan")+`), 0) AS BIGINT),
		COALESCE(SUM(CASE WHEN `+implausible("p.total_investment")+` + `+implausible("p.annual_plan")+` > 0 THEN 1 ELSE 0 END), 0)
		FROM projects p`+where, args...).
		Scan(&t.Count, (*int64)(&t.TotalInvestment), (*int64)(&t.AnnualPlan), &t.Implausible)
	return t, err
}

// totalsFrom is totals plus the figures of month N: one pass over the
// filtered projects' ids and amounts (read from an index) counts them,
// sums their amounts, bounded as plausible and implausible bound them in
// SQL, and their year to date from the dispatch's lights; the month's
// own figure is summed over the reports of that month alone.
func (c conn) totalsFrom(ctx context.Context, year, month int, where string, args []any, lights map[int64]qianxiang.ProjectLight) (qianxiang.ProjectTotals, error) {
	var t qianxiang.ProjectTotals
	rows, err := c.query(ctx, `SELECT p.id, p.total_investment, p.annual_plan FROM projects p`+where, args...)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, total, plan int64
		if err := rows.Scan(&id, &total, &plan); err != nil {
			return t, err
		}
		t.Count++
		okTotal, okPlan := plausibleAmount(total), plausibleAmount(plan)
		if okTotal {
			t.TotalInvestment += qianxiang.Money(total)
		}
		if okPlan {
			t.AnnualPlan += qianxiang.Money(plan)
		}
		if !okTotal || !okPlan {
			t.Implausible++
		}
		t.CompletedYTD += lights[id].CompletedYTD
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return t, err
	}
	all := append([]any{year, month}, args...)
	err = c.queryRow(ctx, `SELECT CAST(COALESCE(SUM(`+plausible("r.completed")+`), 0) AS BIGINT)
		FROM reports r WHERE r.year = ? AND r.month = ? AND r.`+counted+` AND r.project_id IN (SELECT p.id FROM projects p`+where+`)`, all...).
		Scan((*int64)(&t.MonthCompleted))
	return t, err
}

// plausibleAmount is plausible's test in Go: within 0..MaxAmount.
func plausibleAmount(v int64) bool { return v >= 0 && v <= int64(qianxiang.MaxAmount) }
