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

// figureTotalsFrom is figureTotals with the year to date taken from the
// dispatch's lights: the filtered projects' ids are read from an index
// and their CompletedYTD added up; the month's own figure is summed over
// the reports of that month alone.
func (c conn) figureTotalsFrom(ctx context.Context, year, month int, where string, args []any, lights map[int64]qianxiang.ProjectLight) (ytd, mon qianxiang.Money, err error) {
	rows, err := c.query(ctx, `SELECT p.id FROM projects p`+where, args...)
	if err != nil {
		return 0, 0, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, 0, err
		}
		ytd += lights[id].CompletedYTD
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	all := append([]any{year, month}, args...)
	err = c.queryRow(ctx, `SELECT CAST(COALESCE(SUM(`+plausible("r.completed")+`), 0) AS BIGINT)
		FROM reports r WHERE r.year = ? AND r.month = ? AND r.`+counted+` AND r.project_id IN (SELECT p.id FROM projects p`+where+`)`, all...).
		Scan((*int64)(&mon))
	return ytd, mon, err
}

// MonthCompleted gives each listed project's counted figure of one month.
func (c conn) MonthCompleted(ctx context.Context, year, month int, ids []int64) (map[int64]qianxiang.Money, error) {
	out := map[int64]qianxiang.Money{}
	if len(ids) == 0 {
		return out, nil
	}
	args := []any{year, month}
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := c.query(ctx, `SELECT project_id, CAST(SUM(`+plausible("completed")+`) AS BIGINT) FROM reports
		WHERE year = ? AND month = ? AND `+counted+` AND project_id IN (`+inList(len(ids))+`) GROUP BY project_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, m int64
		if err := rows.Scan(&id, &m); err != nil {
			return nil, err
		}
		out[id] = qianxiang.Money(m)
	}
	return out, rows.Err()
}
