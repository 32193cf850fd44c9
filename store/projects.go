package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"qianxiang"
)

const projectCols = `p.id, p.year, p.code, p.name, p.owner, p.kind, p.stage, p.sector, p.scope,
	p.total_investment, p.annual_plan, p.planned_start, p.planned_end, p.started_on, p.leader,
	p.team, p.target, p.in_stats, p.contact, p.phone, p.notes, p.extra, p.version, p.confidential,
	co.id, co.code, co.name, co.path, lo.id, lo.code, lo.name, lo.path`

const projectFrom = ` FROM projects p JOIN orgs co ON co.id = p.org_id JOIN orgs lo ON lo.id = p.lead_org_id`

// projectColsBare are projectCols without the organisations' joined
// columns: the page reads them from ListFigures.Orgs.
const projectColsBare = `p.id, p.year, p.code, p.name, p.owner, p.kind, p.stage, p.sector, p.scope,
	p.total_investment, p.annual_plan, p.planned_start, p.planned_end, p.started_on, p.leader,
	p.team, p.target, p.in_stats, p.contact, p.phone, p.notes, p.extra, p.version, p.confidential,
	p.org_id, p.lead_org_id`

func scanProject(s interface{ Scan(...any) error }) (qianxiang.Project, error) {
	return newProjectRow(false, false).scan(s)
}

// projectRow holds the scan targets of a row of projectCols, or of
// projectColsBare when bare (the organisations' ids alone); with more, the
// row's one further column goes into More. A query reuses one for all its
// rows: built per row, the targets and the slice of pointers to them
// escaped to the heap, a fifth of a registry page's allocations.
type projectRow struct {
	p                                            qianxiang.Project
	kind, stage, ps, pe, so, team, target, extra string
	total, plan                                  int64
	inStats, confidential                        int
	More                                         int64
	dest                                         []any
}

func newProjectRow(bare, more bool) *projectRow {
	r := &projectRow{}
	p := &r.p
	r.dest = []any{&p.ID, &p.Year, &p.Code, &p.Name, &p.Owner, &r.kind, &r.stage, &p.Sector, &p.Scope,
		&r.total, &r.plan, &r.ps, &r.pe, &r.so, &p.Leader, &r.team, &r.target, &r.inStats, &p.Contact, &p.Phone, &p.Notes, &r.extra, &p.Version, &r.confidential}
	if bare {
		r.dest = append(r.dest, &p.Org.ID, &p.LeadOrg.ID)
	} else {
		r.dest = append(r.dest, &p.Org.ID, &p.Org.Code, &p.Org.Name, &p.OrgPath, &p.LeadOrg.ID, &p.LeadOrg.Code, &p.LeadOrg.Name, &p.LeadOrgPath)
	}
	if more {
		r.dest = append(r.dest, &r.More)
	}
	return r
}

// scan reads the next row and gives its project.
func (r *projectRow) scan(s interface{ Scan(...any) error }) (qianxiang.Project, error) {
	r.p = qianxiang.Project{}
	if err := s.Scan(r.dest...); err != nil {
		return r.p, err
	}
	p := r.p
	p.Kind, p.Stage = qianxiang.Kind(r.kind), qianxiang.Stage(r.stage)
	p.TotalInvestment, p.AnnualPlan, p.InStats = qianxiang.Money(r.total), qianxiang.Money(r.plan), r.inStats == 1
	p.Confidential = r.confidential == 1
	p.PlannedStart, _ = qianxiang.ParseDate(r.ps)
	p.PlannedEnd, _ = qianxiang.ParseDate(r.pe)
	p.StartedOn, _ = qianxiang.ParseDate(r.so)
	p.Team, p.Target = decodeTeamTarget(r.team, r.target)
	// Most rows hold the empty default: it needs no JSON parser (what it
	// would give is written out).
	switch r.extra {
	case "{}":
		p.Extra = map[string]string{}
	case "", "null":
	default:
		// Into a variable of its own: &p.Extra would move p to the heap.
		var extra map[string]string
		json.Unmarshal([]byte(r.extra), &extra)
		p.Extra = extra
	}
	if p.Team == nil {
		p.Team = []qianxiang.TeamMember{}
	}
	return p, nil
}

// Project reads one project.
func (c conn) Project(ctx context.Context, id int64) (qianxiang.Project, error) {
	p, err := scanProject(c.queryRow(ctx, `SELECT `+projectCols+projectFrom+` WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, qianxiang.ErrNotFound("project")
	}
	if err == nil {
		one := []qianxiang.Project{p}
		err = c.fillClasses(ctx, one)
		p = one[0]
	}
	return p, err
}

func projectArgs(p *qianxiang.Project) []any {
	team, _ := json.Marshal(p.Team)
	if p.Team == nil {
		team = []byte("[]")
	}
	target, _ := json.Marshal(p.Target)
	extra := []byte("{}")
	if len(p.Extra) > 0 {
		extra, _ = json.Marshal(p.Extra)
	}
	return []any{p.Year, p.Code, p.Name, p.Owner, p.Org.ID, p.LeadOrg.ID, string(p.Kind), string(p.Stage), p.Sector, p.Scope,
		int64(p.TotalInvestment), int64(p.AnnualPlan), p.PlannedStart.String(), p.PlannedEnd.String(), p.StartedOn.String(),
		p.Leader, string(team), string(target), b2i(p.InStats), p.Contact, p.Phone, p.Notes, string(extra), b2i(p.Confidential)}
}

// InsertProject adds a project.
func (tx *Tx) InsertProject(ctx context.Context, p *qianxiang.Project) error {
	now := ts(tx.now())
	id, err := tx.insert(ctx, sqlInsertProject,
		append(projectArgs(p), now, now)...)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "project code %s is already in the %d plan", p.Code, p.Year)
	}
	p.ID, p.Version = id, 1
	return err
}

// UpdateProject writes a project if its version is still the one read;
// a stale version is a conflict.
func (tx *Tx) UpdateProject(ctx context.Context, p *qianxiang.Project) error {
	res, err := tx.exec(ctx, sqlUpdateProject, append(projectArgs(p), ts(tx.now()), p.ID, p.Version)...)
	if isUnique(err) {
		return qianxiang.Errorf(qianxiang.EConflict, "project code %s is already in the %d plan", p.Code, p.Year)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the project was changed by someone else since you opened it; reload and edit again")
	}
	p.Version++
	return nil
}

// SetProjectStarted records the actual start date a report gave and the
// stage that follows from it.
func (tx *Tx) SetProjectStarted(ctx context.Context, id int64, d qianxiang.Date, stage qianxiang.Stage) error {
	_, err := tx.exec(ctx, `UPDATE projects SET started_on = ?, stage = ?, version = version + 1, updated_at = ? WHERE id = ?`, d.String(), string(stage), ts(tx.now()), id)
	return err
}

// DeleteProject removes a project (its reports go with it).
func (tx *Tx) DeleteProject(ctx context.Context, id int64, version int) error {
	// A project that an investment lead landed as stays: the lead links it.
	var lead int64
	if err := tx.queryRow(ctx, `SELECT id FROM leads WHERE project_id = ?`, id).Scan(&lead); err == nil {
		return qianxiang.Errorf(qianxiang.EConflict, "the project came from investment lead %d and cannot be deleted", lead)
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	res, err := tx.exec(ctx, `DELETE FROM projects WHERE id = ? AND version = ?`, id, version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return qianxiang.Errorf(qianxiang.EConflict, "the project was changed by someone else since you opened it; reload first")
	}
	return nil
}

var projectSorts = map[string]string{
	"name": "p.name, p.id", "-name": "p.name DESC, p.id",
	"total_investment": "p.total_investment, p.id", "-total_investment": "p.total_investment DESC, p.id",
	"annual_plan": "p.annual_plan, p.id", "-annual_plan": "p.annual_plan DESC, p.id",
	"planned_start": "p.planned_start, p.id", "-planned_start": "p.planned_start DESC, p.id",
	"code": "p.code, p.id", "id": "p.id",
	// Counties sort in the order they were created, which for a preset city
	// is the order of their codes; the index on (year, org_id) serves it.
	"org": "p.org_id, p.id", "-org": "p.org_id DESC, p.id", "": "p.org_id, p.id",
}

// ProjectTotals gives the totals of a filtered set alone (fig as for
// ProjectsWithFigures, without Totals).
func (c conn) ProjectTotals(ctx context.Context, f qianxiang.ProjectFilter, fig ListFigures) (qianxiang.ProjectTotals, error) {
	where, args, err := c.projectWhereOrgs(ctx, f, fig.Orgs)
	if err != nil {
		return qianxiang.ProjectTotals{}, err
	}
	return c.totalsWhere(ctx, f, where, args, fig)
}

// totalsWhere counts and sums the projects the filter's where selects.
func (c conn) totalsWhere(ctx context.Context, f qianxiang.ProjectFilter, where string, args []any, fig ListFigures) (qianxiang.ProjectTotals, error) {
	if f.FigureMonth > 0 && f.Year != 0 && fig.Lights != nil && f.InPlan && f.Stage == "" {
		// The lights cover the year's plan, which this filter stays in.
		return c.totalsFrom(ctx, f.Year, f.FigureMonth, where, args, fig.Lights)
	}
	t, err := c.totals(ctx, where, args)
	if err != nil || f.FigureMonth == 0 || f.Year == 0 {
		return t, err
	}
	t.CompletedYTD, t.MonthCompleted, err = c.figureTotals(ctx, f.Year, f.FigureMonth, where, args)
	return t, err
}

// ValidSort reports a known sort key.
func ValidSort(s string) bool {
	_, ok := projectSorts[s]
	_, fig := figureSorts[s]
	return ok || fig
}

// Projects returns a page of projects and the totals of the whole filtered set.
func (c conn) Projects(ctx context.Context, f qianxiang.ProjectFilter) ([]qianxiang.Project, qianxiang.ProjectTotals, error) {
	return c.ProjectsWithFigures(ctx, f, ListFigures{})
}

// ListFigures is what a registry page already knows, computed once per
// data version: the dispatch's lights of month f.FigureMonth for every
// project of the year in scope (nil: none), whose CompletedYTD the
// totals then add up instead of summing the reports again.
type ListFigures struct {
	Lights map[int64]qianxiang.ProjectLight
	// Totals, when set, are the filter's totals already known at the
	// data version of the figures: the page is then read alone.
	Totals *qianxiang.ProjectTotals
	// Month, when not nil and the filter has a figure month, receives
	// each listed project's counted figure of that month, read with
	// the page.
	Month map[int64]qianxiang.Money
	// Orgs, when set, are the organisations by id: the page takes its
	// projects' organisations from it instead of joining them twice per
	// row (one it does not hold is read from the database).
	Orgs map[int64]qianxiang.Org
}

// ProjectsWithFigures is Projects given what the page already knows
// (ListFigures): the lights' completed-to-date is added up in the pass
// over an index that counts the filtered projects; known totals are
// taken as they are.
func (c conn) ProjectsWithFigures(ctx context.Context, f qianxiang.ProjectFilter, fig ListFigures) ([]qianxiang.Project, qianxiang.ProjectTotals, error) {
	var t qianxiang.ProjectTotals
	where, args, err := c.projectWhereOrgs(ctx, f, fig.Orgs)
	if err != nil {
		return nil, t, err
	}
	if fig.Totals != nil {
		t = *fig.Totals
	} else if t, err = c.totalsWhere(ctx, f, where, args, fig); err != nil {
		return nil, t, err
	}
	cols, from := projectCols, projectFrom
	if fig.Orgs != nil {
		cols, from = projectColsBare, ` FROM projects p`
	}
	month := fig.Month != nil && f.FigureMonth > 0 && f.Year != 0
	if month {
		// One more column instead of a second statement over the page's ids.
		cols += `, (SELECT CAST(COALESCE(SUM(` + plausible("r.completed") + `), 0) AS BIGINT) FROM reports r
			WHERE r.year = ? AND r.project_id = p.id AND r.month = ? AND r.` + counted + `)`
	}
	q := `SELECT ` + cols + from + where + ` ORDER BY ` + projectSorts[f.Sort]
	if order, ok := figureSorts[f.Sort]; ok {
		if f.FigureMonth == 0 || f.Year == 0 {
			return nil, t, qianxiang.FieldError("sort", "%q needs a year", f.Sort)
		}
		q = `SELECT ` + cols + from + figureFrom() + where + ` ORDER BY ` + order
		args = append([]any{f.FigureMonth, f.FigureMonth, f.Year}, args...)
	}
	if month {
		args = append([]any{f.Year, f.FigureMonth}, args...)
	}
	if f.PerPage > 0 {
		page := max(f.Page, 1)
		q += ` LIMIT ? OFFSET ?`
		args = append(args, f.PerPage, (page-1)*f.PerPage)
	}
	rows, err := c.query(ctx, q, args...)
	if err != nil {
		return nil, t, err
	}
	defer rows.Close()
	out := make([]qianxiang.Project, 0, min(max(f.PerPage, 0), 200))
	row := newProjectRow(fig.Orgs != nil, month)
	for rows.Next() {
		p, err := row.scan(rows)
		if err != nil {
			return nil, t, err
		}
		if month {
			fig.Month[p.ID] = qianxiang.Money(row.More)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, t, err
	}
	rows.Close()
	if fig.Orgs != nil {
		if err := c.fillOrgs(ctx, out, fig.Orgs); err != nil {
			return nil, t, err
		}
	}
	return out, t, c.fillClasses(ctx, out)
}

// fillOrgs gives each project its organisation and lead from orgs by id,
// reading any organisation orgs does not hold.
func (c conn) fillOrgs(ctx context.Context, ps []qianxiang.Project, orgs map[int64]qianxiang.Org) error {
	org := func(id int64) (qianxiang.Org, error) {
		if o, ok := orgs[id]; ok {
			return o, nil
		}
		return c.OrgByID(ctx, id)
	}
	for i := range ps {
		p := &ps[i]
		o, err := org(p.Org.ID)
		if err != nil {
			return err
		}
		l, err := org(p.LeadOrg.ID)
		if err != nil {
			return err
		}
		p.Org, p.OrgPath, p.LeadOrg, p.LeadOrgPath = o.Ref(), o.Path, l.Ref(), l.Path
	}
	return nil
}

// Distinct lists the distinct non-empty values of a project column among
// a year's projects under scopePath ("" for all), for filter menus.
func (c conn) Distinct(ctx context.Context, year int, col, scopePath string) ([]string, error) {
	if col != "sector" && col != "leader" {
		return nil, errors.New("not a distinct column")
	}
	where, args, err := c.projectWhere(ctx, qianxiang.ProjectFilter{Year: year, ScopePath: scopePath})
	if err != nil {
		return nil, err
	}
	if where == "" {
		where = " WHERE 1 = 1"
	}
	rows, err := c.query(ctx, `SELECT DISTINCT p.`+col+` FROM projects p`+where+` AND p.`+col+` <> '' ORDER BY p.`+col, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Years lists the plan years present.
func (c conn) Years(ctx context.Context) ([]int, error) {
	rows, err := c.query(ctx, `SELECT DISTINCT year FROM projects ORDER BY year DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
