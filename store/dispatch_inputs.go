package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
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
// out, as DispatchInput does), all of them (ids nil, in no order) or
// those of ids that are in it, ordered by id.
func (c conn) YearProjects(ctx context.Context, year int, ids []int64) ([]YearProject, error) {
	args := []any{year}
	extra := "" // the whole year in no order: the caller sorts it its own way
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		extra = ` AND p.id IN (` + inList(len(ids)) + `) ORDER BY p.id`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := c.query(ctx, `SELECT p.id, p.name, p.kind, p.planned_start, p.started_on, p.annual_plan,
		p.org_id, p.lead_org_id, p.total_investment, p.stage, p.in_stats FROM projects p
		WHERE p.year = ? AND `+poolStagesExcluded+extra, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []YearProject
	// Kinds and stages are a handful of words: each is made a string once,
	// not once a project (a province's cold read is 50,000 rows).
	words := map[string]string{}
	word := func(b []byte) string {
		w, ok := words[string(b)]
		if !ok {
			w = string(b)
			words[w] = w
		}
		return w
	}
	for rows.Next() {
		var p YearProject
		var kind, stage sql.RawBytes
		var start, started string
		var plan, total int64
		var inStats int
		if err := rows.Scan(&p.ID, &p.Name, &kind, &start, &started, &plan, &p.Org.ID, &p.LeadOrg.ID, &total, &stage, &inStats); err != nil {
			return nil, err
		}
		p.Kind, p.AnnualPlan = qianxiang.Kind(word(kind)), qianxiang.Money(plan)
		p.PlannedStart, _ = qianxiang.ParseDate(start)
		p.StartedOn, _ = qianxiang.ParseDate(started)
		p.Facts = qianxiang.EntryFacts{TotalInvestment: qianxiang.Money(total), Kind: p.Kind,
			Stage: qianxiang.Stage(word(stage)), StartedOn: p.StartedOn, InStats: inStats != 0}
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

// ReportMonths calls fn with the counted reports of a year, all of them
// (ids nil: the packs report_months keeps) or those of some projects (ids:
// packed by the query from the reports). The rows come packed one per
// project (store/report_months.go) and are decoded here without a per-report
// allocation; a project whose reports state different start dates is read
// again row by row.
func (c conn) ReportMonths(ctx context.Context, year int, ids []int64, fn func(ReportMonth)) error {
	if ids != nil && len(ids) == 0 {
		return nil
	}
	var rows *sql.Rows
	var err error
	if ids == nil {
		rows, err = c.packedReports(ctx, year)
	} else {
		rows, err = c.reportQuery(ctx, strings.ReplaceAll(sqlReportMonths, "{{report_pack}}", reportPack(c.d)), year, ids)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	var mixed []int64 // projects whose start dates differ
	for rows.Next() {
		var id int64
		var packed sql.RawBytes
		var first, last string
		if err := rows.Scan(&id, &packed, &first, &last); err != nil {
			return err
		}
		if first != last {
			mixed = append(mixed, id)
			continue
		}
		if err := decodeReportMonths(id, packed, first, fn); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close() // before the next query: c may be a transaction
	if len(mixed) == 0 {
		return nil
	}
	return c.reportRows(ctx, year, mixed, fn)
}

// reportQuery runs a query of a year's reports narrowed, when ids is not
// nil, to those projects.
func (c conn) reportQuery(ctx context.Context, q string, year int, ids []int64) (*sql.Rows, error) {
	args := []any{year}
	extra := ""
	if ids != nil {
		extra = ` AND project_id IN (` + inList(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	return c.query(ctx, strings.Replace(q, "{{and}}", extra, 1), args...)
}

// reportRows calls fn with the counted reports of some projects, one row
// each.
func (c conn) reportRows(ctx context.Context, year int, ids []int64, fn func(ReportMonth)) error {
	rows, err := c.reportQuery(ctx, sqlReportRows, year, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r ReportMonth
		var completed int64
		var bad int
		if err := rows.Scan(&r.ProjectID, &r.Month, &completed, &r.StartedOn, &bad); err != nil {
			return err
		}
		r.Completed, r.Implausible = qianxiang.Money(completed), bad == 1
		fn(r)
	}
	return rows.Err()
}

// decodeReportMonths splits one project's packed reports (integers joined
// by commas, see the query) and calls fn with each; start is the one
// start date the project's reports state, given to those that state one.
func decodeReportMonths(id int64, b []byte, start string, fn func(ReportMonth)) error {
	for len(b) > 0 {
		item := b
		if k := bytes.IndexByte(b, ','); k >= 0 {
			item, b = b[:k], b[k+1:]
		} else {
			b = nil
		}
		v, err := atoi(item)
		if err != nil {
			return fmt.Errorf("store: project %d: packed report: %w", id, err)
		}
		r := ReportMonth{ProjectID: id}
		if v < 0 {
			r.Implausible, v = true, -v
		} else {
			r.Completed, v = qianxiang.Money(v>>6), v&63
		}
		r.Month = int(v & 15)
		if v&16 != 0 {
			r.StartedOn = start
		}
		fn(r)
	}
	return nil
}

// atoi reads a decimal integer, possibly negative, exactly.
func atoi(b []byte) (int64, error) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, fmt.Errorf("not an integer: %q", b)
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("not an integer: %q", b)
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, nil
}
