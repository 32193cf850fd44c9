package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"qianxiang"
)

// countedReport selects the reports that count, by the domain's rule
// (qianxiang.ReportStatus.Counts), so no query spells the rule itself.
var countedReport = func() string {
	var q []string
	for _, s := range qianxiang.CountedStatuses() {
		q = append(q, "'"+string(s)+"'")
	}
	return "status IN (" + strings.Join(q, ", ") + ")"
}()

const reportCols = `id, project_id, year, month, completed, progress, started_on, status, return_reason, late, reopened,
	submitted_at, reviewed_at, updated_by, version`

func scanReport(s interface{ Scan(...any) error }) (qianxiang.Report, error) {
	var r qianxiang.Report
	var completed int64
	var so, status, sub, rev string
	var late, reopened int
	err := s.Scan(&r.ID, &r.ProjectID, &r.Year, &r.Month, &completed, &r.Progress, &so, &status, &r.ReturnReason,
		&late, &reopened, &sub, &rev, &r.UpdatedBy, &r.Version)
	r.Completed, r.Status, r.Late, r.Reopened = qianxiang.Money(completed), qianxiang.ReportStatus(status), late == 1, reopened == 1
	r.StartedOn, _ = qianxiang.ParseDate(so)
	if sub != "" {
		t := parseTS(sub)
		r.SubmittedAt = &t
	}
	if rev != "" {
		t := parseTS(rev)
		r.ReviewedAt = &t
	}
	return r, err
}

// Report reads one project's report for a month; not found when none.
func (c conn) Report(ctx context.Context, projectID int64, year, month int) (qianxiang.Report, error) {
	r, err := scanReport(c.queryRow(ctx, `SELECT `+reportCols+` FROM reports WHERE project_id = ? AND year = ? AND month = ?`, projectID, year, month))
	if errors.Is(err, sql.ErrNoRows) {
		return r, qianxiang.ErrNotFound("report")
	}
	return r, err
}

// ProjectReports lists a project's reports of a year by month.
func (c conn) ProjectReports(ctx context.Context, projectID int64, year int) ([]qianxiang.Report, error) {
	return c.reports(ctx, `WHERE project_id = ? AND year = ? ORDER BY month`, projectID, year)
}

// MonthReports lists all reports of a month (for the grid).
func (c conn) MonthReports(ctx context.Context, year, month int) ([]qianxiang.Report, error) {
	return c.reports(ctx, `WHERE year = ? AND month = ?`, year, month)
}

func (c conn) reports(ctx context.Context, where string, args ...any) ([]qianxiang.Report, error) {
	rows, err := c.query(ctx, `SELECT `+reportCols+` FROM reports `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []qianxiang.Report{}
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveReport inserts or updates a report; an update must carry the version
// it read (0 for a new one).
func (tx *Tx) SaveReport(ctx context.Context, r *qianxiang.Report) error {
	now := tx.now()
	if r.ID == 0 {
		id, err := tx.insert(ctx, sqlInsertReport,
			r.ProjectID, r.Year, r.Month, int64(r.Completed), r.Progress, r.StartedOn.String(), string(r.Status), r.ReturnReason,
			b2i(r.Late), b2i(r.Reopened), tsPtr(r.SubmittedAt), tsPtr(r.ReviewedAt), r.UpdatedBy, ts(now), ts(now))
		if isUnique(err) {
			return qianxiang.Errorf(qianxiang.EConflict, "the report was created by someone else meanwhile; reload")
		}
		r.ID, r.Version = id, 1
		return err
	}
	res, err := tx.exec(ctx, sqlUpdateReport,
		int64(r.Completed), r.Progress, r.StartedOn.String(), string(r.Status), r.ReturnReason, b2i(r.Late), b2i(r.Reopened),
		tsPtr(r.SubmittedAt), tsPtr(r.ReviewedAt), r.UpdatedBy, ts(now), r.ID, r.Version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the report was changed by someone else meanwhile; reload")
	}
	r.Version++
	return nil
}

func tsPtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return ts(*t)
}

// DispatchInput loads what the dispatch of a month needs: the year's
// projects in scope and their reports of months 1..month. The reports query
// is answered from the reports_dispatch index alone.
func (c conn) DispatchInput(ctx context.Context, year, month int, scopePath string) ([]qianxiang.DispatchProject, []qianxiang.MonthFigure, error) {
	orgs, err := c.Orgs(ctx)
	if err != nil {
		return nil, nil, err
	}
	refs := make(map[int64]qianxiang.OrgRef, len(orgs))
	for _, o := range orgs {
		refs[o.ID] = o.Ref()
	}
	return c.DispatchInputOrgs(ctx, year, month, scopePath, refs)
}

// DispatchInputOrgs is DispatchInput with the organisations given (id →
// reference) by a caller that keeps them in memory: a project row carries
// its two organisation ids, and the query joins nothing.
func (c conn) DispatchInputOrgs(ctx context.Context, year, month int, scopePath string, orgs map[int64]qianxiang.OrgRef) ([]qianxiang.DispatchProject, []qianxiang.MonthFigure, error) {
	ps, fs, _, err := c.dispatchInput(ctx, year, month, scopePath, orgs, false)
	return ps, fs, err
}

// DispatchInputFacts is DispatchInputOrgs with each project's entry facts
// as well (for the entry rates; as EntryFactsOf gives them), read in the
// same scan of the projects.
func (c conn) DispatchInputFacts(ctx context.Context, year, month int, scopePath string, orgs map[int64]qianxiang.OrgRef) ([]qianxiang.DispatchProject, []qianxiang.MonthFigure, []qianxiang.EntryFact, error) {
	return c.dispatchInput(ctx, year, month, scopePath, orgs, true)
}

func (c conn) dispatchInput(ctx context.Context, year, month int, scopePath string, orgs map[int64]qianxiang.OrgRef, withFacts bool) ([]qianxiang.DispatchProject, []qianxiang.MonthFigure, []qianxiang.EntryFact, error) {
	// On the read pool the reports are summed on a second connection
	// while the projects are read: the dispatch then takes about as long
	// as its GROUP BY alone. (Inside a transaction there is one
	// connection, and the two run one after the other.)
	summed := make(chan summariesResult, 1)
	switch c.q.(type) {
	case *sql.DB, router: // a pool (with or without a replica), not a Tx
		go func() {
			fs, err := c.Summaries(ctx, year, month)
			summed <- summariesResult{fs, err}
		}()
	default:
		summed = nil
	}
	where, args, err := c.projectWhere(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: scopePath})
	if err != nil {
		return nil, nil, nil, err
	}
	// A project still in the reserve pool (idea, reserve) is not in the
	// year's plan: it neither reports nor counts until it is promoted.
	where += map[bool]string{true: " WHERE ", false: " AND "}[where == ""] + poolStagesExcluded
	rows, err := c.query(ctx, `SELECT p.id, p.name, p.kind, p.planned_start, p.started_on, p.annual_plan,
		p.org_id, p.lead_org_id, p.total_investment, p.stage, p.in_stats FROM projects p`+where, args...)
	if err != nil {
		return nil, nil, nil, err
	}
	var ps []qianxiang.DispatchProject
	var facts []qianxiang.EntryFact
	for rows.Next() {
		var p qianxiang.DispatchProject
		var kind, start, started, stage string
		var plan, org, lead, total int64
		var inStats int
		if err := rows.Scan(&p.ID, &p.Name, &kind, &start, &started, &plan, &org, &lead, &total, &stage, &inStats); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		var ok1, ok2 bool
		if p.Org, ok1 = orgs[org]; !ok1 {
			p.Org.ID = org
		}
		if p.LeadOrg, ok2 = orgs[lead]; !ok2 {
			p.LeadOrg.ID = lead
		}
		if !ok1 || !ok2 {
			// The map is older than the row (a caller's stale copy): refuse
			// rather than show a project under a nameless organisation.
			rows.Close()
			return nil, nil, nil, errStaleOrgs
		}
		p.Kind, p.AnnualPlan = qianxiang.Kind(kind), qianxiang.Money(plan)
		p.PlannedStart, _ = qianxiang.ParseDate(start)
		p.StartedOn, _ = qianxiang.ParseDate(started)
		ps = append(ps, p)
		if withFacts {
			facts = append(facts, qianxiang.EntryFact{Org: p.Org, LeadOrg: p.LeadOrg, EntryFacts: qianxiang.EntryFacts{
				TotalInvestment: qianxiang.Money(total), Kind: p.Kind, Stage: qianxiang.Stage(stage), StartedOn: p.StartedOn, InStats: inStats != 0}})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, nil, err
	}
	if summed == nil {
		fs, err := c.Summaries(ctx, year, month)
		return ps, fs, facts, err
	}
	r := <-summed
	return ps, r.fs, facts, r.err
}

type summariesResult struct {
	fs  []qianxiang.MonthFigure
	err error
}

// errStaleOrgs: DispatchInputOrgs met an organisation its map lacks.
var errStaleOrgs = errors.New("store: a project's organisation is missing from the organisations given")

// Summaries gives every project's counted reports of months 1..month as
// one figure each (see summaries).
func (c conn) Summaries(ctx context.Context, year, month int) ([]qianxiang.MonthFigure, error) {
	return c.summaries(ctx, ``, []any{year, month})
}

// LatestMonth is the latest month of a year with a counted report (0: none).
func (c conn) LatestMonth(ctx context.Context, year int) (int, error) {
	var m int
	err := c.queryRow(ctx, `SELECT COALESCE(MAX(month), 0) FROM reports WHERE year = ? AND `+countedReport, year).Scan(&m)
	return m, err
}

// FiguresFor sums the counted reports of months 1..month of some projects
// (one summary figure each, as DispatchInput gives).
func (c conn) FiguresFor(ctx context.Context, year, month int, ids []int64) ([]qianxiang.MonthFigure, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := []any{year, month}
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = "?"
		args = append(args, id)
	}
	return c.summaries(ctx, ` AND project_id IN (`+strings.Join(ph, ",")+`)`, args)
}

// summaries sums each project's counted reports of months 1..N into one
// figure: the year-to-date amount, the latest month reported (N exactly
// when month N is in) and the earliest start date reported. The dispatch
// rules add figures up, so one summary gives the same result as the months
// it stands for, while the database sends one row per project instead of
// twelve. args are year, N, then the arguments of extra.
func (c conn) summaries(ctx context.Context, extra string, args []any) ([]qianxiang.MonthFigure, error) {
	rows, err := c.query(ctx, strings.Replace(sqlSummaries, "{{and}}", extra, 1), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var fs []qianxiang.MonthFigure
	for rows.Next() {
		f := qianxiang.MonthFigure{Status: qianxiang.ReportSubmitted}
		var completed int64
		var so string
		var bad int
		if err := rows.Scan(&f.ProjectID, &completed, &f.Month, &so, &bad); err != nil {
			return nil, err
		}
		f.Completed, f.Implausible = qianxiang.Money(completed), bad == 1
		f.StartedOn, _ = qianxiang.ParseDate(so)
		fs = append(fs, f)
	}
	return fs, rows.Err()
}

// MonthFigures loads each counted report of months 1..N, month by month
// (the cockpit's series needs the months apart).
func (c conn) MonthFigures(ctx context.Context, year, month int) ([]qianxiang.MonthFigure, error) {
	rows, err := c.query(ctx, sqlMonthFigures, year, month)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var fs []qianxiang.MonthFigure
	for rows.Next() {
		var f qianxiang.MonthFigure
		var completed int64
		var so, status string
		if err := rows.Scan(&f.ProjectID, &f.Month, &completed, &so, &status); err != nil {
			return nil, err
		}
		f.Completed, f.Status = qianxiang.Money(completed), qianxiang.ReportStatus(status)
		f.StartedOn, _ = qianxiang.ParseDate(so)
		fs = append(fs, f)
	}
	return fs, rows.Err()
}
